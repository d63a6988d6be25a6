namespace GeoServer.Catalog.Search;

/// <summary>What results may be ordered by; without one, by relevance when there is a text query, else by identifier.</summary>
public enum SortField { Relevance, Identifier, Title, Modified, Type, Workspace }
