namespace GeoServer.Data.Gdal;

/// <summary>
/// What GDAL reports about one layer of a vector dataset: name, feature count, geometry type (OGR's name:
/// "Point", "Multi Polygon", "Unknown (any)", …) and CRS as WKT (empty when the layer has none).
/// </summary>
internal sealed record GdalVectorLayer(string Name, long FeatureCount, string GeometryType, string CrsWkt);
