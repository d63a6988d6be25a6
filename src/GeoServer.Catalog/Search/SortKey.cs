namespace GeoServer.Catalog.Search;

/// <summary>One ordering key of a search.</summary>
public sealed record SortKey(SortField Field, bool Descending = false);
