namespace GeoServer.Catalog.Metadata;

/// <summary>
/// Where a record comes from, which decides who keeps it: derived from a published layer or a service endpoint
/// (rebuilt from the registry, never stored), or external (inserted through CSW Transaction or harvested; stored).
/// </summary>
public enum RecordOrigin { Layer, Service, External }
