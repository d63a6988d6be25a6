using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog.Search;

/// <summary>A page of a search: how many records match, the page's records in order, and the facets when asked.</summary>
public sealed record SearchResult(int Matched, IReadOnlyList<MetadataRecord> Records, IReadOnlyDictionary<Facet, IReadOnlyList<FacetValue>>? Facets)
{
    /// <summary>0-based position after the page, or null when the page is the last.</summary>
    public int? Next(int offset) => offset + Records.Count < Matched && Records.Count > 0 ? offset + Records.Count : null;
}
