namespace GeoServer.Core.Sources;

/// <summary>
/// A table of features, opened once and shared by every request. Implementations bind the query's values as
/// parameters into SQL written at open time, and stream results.
/// </summary>
public interface IFeatureSource
{
    FeatureSourceInfo Info { get; }

    /// <summary>Matching features ordered by key, at most <see cref="FeatureQuery.Limit"/>, streamed as read.</summary>
    IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, CancellationToken ct);

    /// <summary>How many features match the query's filters, ignoring paging.</summary>
    Task<long> CountAsync(FeatureQuery query, CancellationToken ct);

    /// <summary>The feature with this key, or null.</summary>
    Task<Feature?> GetAsync(long id, CancellationToken ct);

    /// <summary>First and last instant of the property in the data as ISO 8601 text (nulls when no values).</summary>
    Task<(string? Start, string? End)> TemporalExtentAsync(TemporalProperty property, CancellationToken ct);
}
