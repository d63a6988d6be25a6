namespace GeoServer.Catalog.Metadata;

/// <summary>
/// The level of detail (ISO 19115 MD_Resolution): an equivalent scale (1:<see cref="ScaleDenominator"/>) or a ground
/// distance in metres; either may be absent.
/// </summary>
public sealed record SpatialResolution(long? ScaleDenominator, double? DistanceMetres = null);
