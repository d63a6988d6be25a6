namespace GeoServer.Catalog.Metadata;

/// <summary>
/// The time the resource covers (ISO 19115 EX_TemporalExtent), as ISO 8601 text the way the layer reports it; a
/// null end is still open.
/// </summary>
public sealed record TemporalExtent(string? Begin, string? End);
