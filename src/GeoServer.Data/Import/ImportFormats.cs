namespace GeoServer.Data.Import;

/// <summary>
/// The formats imports read, as GDAL drivers and file extensions. Only these drivers may open an imported file:
/// drivers that reach out (VRT pointing at other files, WMS/WFS/OAPIF, PostgreSQL, GML fetching schemas) would turn an
/// upload into a way to read the server's files or its network.
/// </summary>
public static class ImportFormats
{
    public static readonly IReadOnlyList<string> VectorDrivers =
        ["ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "ESRIJSON", "TopoJSON", "KML", "LIBKML", "GPKG", "CSV", "FlatGeobuf", "MapInfo File", "GPX"];

    public static readonly IReadOnlyList<string> RasterDrivers = ["GTiff", "GPKG", "JP2OpenJPEG", "AAIGrid", "HFA", "PNG", "JPEG"];

    /// <summary>Extensions of files that are archives to unpack first (a KMZ is a zipped KML).</summary>
    public static bool IsArchive(string extension) => extension is ".zip" or ".kmz";

    /// <summary>The format an extension announces, for messages; null for extensions that are no dataset of their own.</summary>
    public static string? Describe(string extension) => extension switch
    {
        ".shp" => "Shapefile",
        ".geojson" or ".json" => "GeoJSON",
        ".geojsonl" or ".geojsons" => "GeoJSON sequence",
        ".kml" => "KML",
        ".gpkg" => "GeoPackage",
        ".csv" => "CSV",
        ".fgb" => "FlatGeobuf",
        ".tab" or ".mif" => "MapInfo",
        ".gpx" => "GPX",
        ".tif" or ".tiff" => "GeoTIFF",
        ".jp2" => "JPEG 2000",
        ".asc" => "Arc/Info ASCII grid",
        ".img" => "Erdas Imagine",
        _ => null,
    };

    /// <summary>What to tell someone whose file is of no format GeoSDI imports.</summary>
    public const string Accepted = "Shapefile (zipped with its .shx, .dbf and .prj), GeoJSON, KML or KMZ, GeoPackage, CSV with coordinate columns, " +
                                   "FlatGeobuf, MapInfo, GPX, or a raster: GeoTIFF, JPEG 2000, Arc/Info ASCII grid, Erdas Imagine";

    /// <summary>
    /// CSV open options: the coordinate columns by their usual names (English and Vietnamese), or a WKT column; the
    /// coordinate columns are not kept as attributes beside the geometry.
    /// </summary>
    public static readonly IReadOnlyList<string> CsvOpenOptions =
    [
        "X_POSSIBLE_NAMES=x,lon,long,lng,longitude,kinh_do,kinhdo",
        "Y_POSSIBLE_NAMES=y,lat,latitude,vi_do,vido",
        "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom",
        "KEEP_GEOM_COLUMNS=NO",
        "AUTODETECT_TYPE=YES",
    ];
}
