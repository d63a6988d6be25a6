namespace GeoServer.Catalog.Search;

/// <summary>The text fields full-text search looks in; their weights rank a title match above one in the lineage.</summary>
public enum RecordField { Title, Keywords, Abstract, Lineage }
