using GeoServer.Core.Crs;
using GeoServer.Core.Downloads;
using GeoServer.Core.Sources;

namespace GeoServer.Data.Gdal;

/// <summary>
/// Converts with ogr2ogr-as-a-function (GDALVectorTranslate) through an OGR VRT that declares the layer's own schema
/// (<see cref="OgrVrtLayer"/>). GDAL streams both sides, so memory stays flat whatever the file's size. What each
/// format cannot hold is decided here: GeoPackage keeps the key as its FID and dates as dates; GeoJSON writes the key
/// as the feature's id (as the items endpoint does); a Shapefile has 10-byte field names, UTF-8 text (its .cpg
/// says so) and no date-time type; CSV and KML keep dates as the ISO 8601 text the server serves.
/// </summary>
public sealed class GdalVectorConverter : IVectorConverter
{
    /// <inheritdoc />
    public Task<VectorConversionResult> ConvertAsync(VectorConversion conversion, CancellationToken ct) =>
        Task.Run(() => Convert(conversion, ct), ct);

    private static VectorConversionResult Convert(VectorConversion c, CancellationToken ct)
    {
        var (driver, extension) = c.Format switch
        {
            FileFormat.GeoPackage => ("GPKG", ".gpkg"),
            FileFormat.Shapefile => ("ESRI Shapefile", ".shp"),
            FileFormat.GeoJson => ("GeoJSON", ".geojson"),
            FileFormat.Csv => ("CSV", ".csv"),
            FileFormat.Kml => ("KML", ".kml"),
            _ => throw new ArgumentException($"{c.Format} is not a feature format.", nameof(c)),
        };
        bool keyAsFid = c.Format == FileFormat.GeoPackage;
        var sources = new List<(string Name, string Type, string? Subtype)>();
        if (!keyAsFid) sources.Add((c.KeyName, "Integer64", null));
        foreach (var p in c.Properties)
        {
            var (type, subtype) = FieldType(p.Type, c.Format);
            sources.Add((p.Name, type, subtype));
        }
        var names = c.Format == FileFormat.Shapefile ? ShapefileFieldNames.Assign(sources.Select(s => s.Name).ToList()) : sources.Select(s => s.Name).ToList();
        var fields = sources.Select((s, i) => (names[i], s.Name, s.Type, s.Subtype)).ToList();

        var vrt = Path.ChangeExtension(c.Source, ".vrt");
        new OgrVrtLayer(c.Name, Path.GetFullPath(c.Source), Path.GetFileNameWithoutExtension(c.Source), keyAsFid ? c.KeyName : null,
            fields, GeometryType(c.GeometryType), Srs(c.Crs)).Save(vrt);

        var options = new List<string> { "-f", driver, "-nln", c.Name };
        switch (c.Format)
        {
            case FileFormat.Shapefile:
                options.AddRange(["-lco", "ENCODING=UTF-8"]);
                break;
            case FileFormat.GeoJson:
                // RFC7946=NO keeps a CRS other than CRS84 (named in a "crs" member) instead of reprojecting.
                options.AddRange(["-lco", "ID_FIELD=" + c.KeyName, "-lco", "RFC7946=NO"]);
                break;
            case FileFormat.Csv:
                // The byte order mark makes spreadsheet programs read the Vietnamese text as UTF-8; the .csvt beside
                // it gives GDAL and QGIS the column types.
                options.AddRange(["-lco", "WRITE_BOM=YES", "-lco", "CREATE_CSVT=YES"]);
                if (c.GeometryType is not null)
                    options.AddRange(["-lco", IsPoint(c.GeometryType) ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT"]);
                break;
            case FileFormat.Kml:
                // KML has no 64-bit integers; said here so that GDAL does not warn at every download.
                options.AddRange(["-mapFieldType", "Integer64=Real"]);
                break;
        }
        ct.ThrowIfCancellationRequested();
        using (var source = GdalDataset.OpenVector(vrt))
        using (source.VectorTranslate(Path.Combine(c.Directory, c.Name + extension), options))
        {
        }
        var renamed = fields.Where(f => f.Item1 != f.Item2).ToDictionary(f => f.Item2, f => f.Item1, StringComparer.Ordinal);
        return new VectorConversionResult(Directory.GetFiles(c.Directory).Order(StringComparer.Ordinal).ToList(), renamed);
    }

    /// <summary>The OGR field type of a property in a format: dates stay typed only where the format has the type.</summary>
    private static (string Type, string? Subtype) FieldType(PropertyType type, FileFormat format) => type switch
    {
        PropertyType.Integer => ("Integer64", null),
        PropertyType.Number => ("Real", null),
        PropertyType.Boolean => ("Integer", "Boolean"),
        PropertyType.Date when format is FileFormat.GeoPackage or FileFormat.Shapefile => ("Date", null),
        PropertyType.DateTime when format is FileFormat.GeoPackage => ("DateTime", null),
        // Text, binary values (base64, as the items endpoint writes them), and dates the format would degrade.
        _ => ("String", null),
    };

    private static string GeometryType(string? type) => type?.ToUpperInvariant() switch
    {
        null => "wkbNone",
        "POINT" => "wkbPoint",
        "LINESTRING" => "wkbLineString",
        "POLYGON" => "wkbPolygon",
        "MULTIPOINT" => "wkbMultiPoint",
        "MULTILINESTRING" => "wkbMultiLineString",
        "MULTIPOLYGON" => "wkbMultiPolygon",
        "GEOMETRYCOLLECTION" => "wkbGeometryCollection",
        _ => "wkbUnknown",
    };

    private static bool IsPoint(string type) => type.Equals("POINT", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// CRS84 as EPSG:4326 (the VRT keeps x = longitude first): it is how every one of these formats stores WGS 84
    /// (GeoPackage's srs_id 4326, a .prj's GEOGCS). Other CRSs as the registry's WKT, which carries the datum shift
    /// the server itself used (VN-2000's TOWGS84), so other software reprojects the file as the server does.
    /// </summary>
    private static string? Srs(CrsDefinition? crs) =>
        crs is null ? null : crs.Epsg is null && crs.IsGeographic ? "EPSG:4326" : crs.Wkt;
}
