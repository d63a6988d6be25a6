namespace GeoServer.Core.Sources;

/// <summary>
/// Filled in by an <see cref="IMatchCountingSource"/> while it streams a page: how many features match the query's
/// filters, counting from where the page starts when the query pages by key (<see cref="FeatureQuery.AfterKey"/>),
/// from the first match otherwise. Null when no row told (an empty page).
/// </summary>
public sealed class MatchCount
{
    public long? Value { get; set; }
}
