namespace GeoServer.Catalog.Search;

/// <summary>The facets search counts: what a portal offers to narrow a result by.</summary>
public enum Facet { Workspace, Keyword, TopicCategory, Type }
