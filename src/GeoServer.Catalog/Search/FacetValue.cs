namespace GeoServer.Catalog.Search;

/// <summary>One value of a facet and how many matching records have it.</summary>
public sealed record FacetValue(string Value, int Count);
