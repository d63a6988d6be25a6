using GeoServer.Core.Layers;

namespace GeoServer.Core.Downloads;

/// <summary>
/// The download formats, listed once for every area that offers or describes downloads (the OGC API's endpoint and
/// collection links, the catalog's distributions).
/// </summary>
public static class DownloadFormats
{
    public static readonly DownloadFormat GeoPackage = new(FileFormat.GeoPackage, "gpkg", "GeoPackage", ".gpkg", "application/geopackage+sqlite3");
    public static readonly DownloadFormat Shapefile = new(FileFormat.Shapefile, "shp", "ESRI Shapefile", ".shp", "application/x-shapefile");
    public static readonly DownloadFormat GeoJson = new(FileFormat.GeoJson, "geojson", "GeoJSON", ".geojson", "application/geo+json");
    public static readonly DownloadFormat Csv = new(FileFormat.Csv, "csv", "CSV", ".csv", "text/csv");
    public static readonly DownloadFormat Kml = new(FileFormat.Kml, "kml", "KML", ".kml", "application/vnd.google-earth.kml+xml");
    public static readonly DownloadFormat GeoTiff = new(FileFormat.GeoTiff, "tif", "GeoTIFF", ".tif", "image/tiff; application=geotiff");

    /// <summary>The formats of a layer of features, the default first.</summary>
    public static readonly IReadOnlyList<DownloadFormat> Vector = [GeoPackage, Shapefile, GeoJson, Csv, Kml];

    /// <summary>The formats of a raster layer.</summary>
    public static readonly IReadOnlyList<DownloadFormat> Raster = [GeoTiff];

    /// <summary>The formats <paramref name="layer"/> can be downloaded in, the default first.</summary>
    public static IReadOnlyList<DownloadFormat> For(LayerInfo layer) => layer.Raster is null ? Vector : Raster;
}
