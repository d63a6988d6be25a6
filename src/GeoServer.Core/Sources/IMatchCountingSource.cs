namespace GeoServer.Core.Sources;

/// <summary>
/// An optional ability of a feature source: it counts the matches in the same scan that reads the page (a window
/// count in SQL), instead of a second query that filters every match again.
/// </summary>
public interface IMatchCountingSource
{
    /// <summary>As <see cref="IFeatureSource.QueryAsync"/>, setting <paramref name="count"/> once the first row is read.</summary>
    IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, MatchCount count, CancellationToken ct);
}
