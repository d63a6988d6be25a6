using System.IO.Compression;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Data.Import;
using GeoServer.Tests.Host.Import;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.Import;

/// <summary>What inspection decides about a file before anything is written: which layer, which type, which CRS, or why not.</summary>
public sealed class ImportInspectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geosdi-inspect-").FullName;
    private static readonly ImportSettings Settings = new(new ImportOptions(), CrsRegistry.Default);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private InspectedFile Inspect(string path, ImportSettings? settings = null)
    {
        var work = Directory.CreateDirectory(Path.Combine(_folder, "work-" + Guid.NewGuid().ToString("N"))).FullName;
        return ImportInspector.Inspect(path, Path.GetFileName(path), work, settings ?? Settings);
    }

    private string Refusal(string path, ImportSettings? settings = null) =>
        Assert.Throws<ImportException>(() => Inspect(path, settings)).Message;

    private const string Square = "[[[105,21],[105.1,21],[105.1,21.1],[105,21]]]";

    [Fact]
    public void Polygons_mixed_with_multipolygons_are_written_as_multipolygons_and_features_without_geometry_count()
    {
        var path = Write("vung.geojson", $$$"""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":{{{Square}}}},"properties":{"ten":"Một"}},
             {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[{{{Square}}}]},"properties":{"ten":"Hai"}},
             {"type":"Feature","geometry":null,"properties":{"ten":"Ba"}}]}
            """);
        var vector = Assert.IsType<InspectedVector>(Inspect(path));
        Assert.Equal(("MULTIPOLYGON", "XY", 3L, 4326, "vung"), (vector.GeometryType, vector.Dimension, vector.Features, vector.Srid, vector.DefaultName));
    }

    [Fact]
    public void Points_with_heights_keep_them_in_the_horizontal_CRS()
    {
        var path = Write("do_cao.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0,12.5]},"properties":{}}]}""");
        var vector = Assert.IsType<InspectedVector>(Inspect(path));
        Assert.Equal(("POINT", "XYZ", 4326), (vector.GeometryType, vector.Dimension, vector.Srid));
    }

    [Fact]
    public void A_CSV_is_read_by_its_coordinate_columns_in_the_CRS_given()
    {
        var path = Write("Trạm quan trắc.csv", "ten,kinh_do,vi_do\nNội Bài,105.80,21.22\nHà Đông,105.77,20.97\n");
        Assert.Contains("--crs", Refusal(path));
        var vector = Assert.IsType<InspectedVector>(Inspect(path, Settings with { Srid = 4326 }));
        Assert.Equal(("POINT", 2L, "tram_quan_trac"), (vector.GeometryType, vector.Features, vector.DefaultName));
        Assert.Contains("no geometries", Refusal(Write("bang.csv", "ten,so\nA,1\n"), Settings with { Srid = 4326 }));
    }

    [Fact]
    public void A_dataset_of_several_layers_needs_the_one_to_import_named()
    {
        var gpkg = SampleData.PathOf("geology.gpkg");
        Assert.Contains("'faults_illustrative'", Refusal(gpkg));
        var vector = Assert.IsType<InspectedVector>(Inspect(gpkg, Settings with { SourceLayer = "faults_illustrative" }));
        Assert.Equal(("faults_illustrative", "faults_illustrative"), (vector.SourceLayer, vector.DefaultName));
        Assert.Contains("no layer 'faults'", Refusal(gpkg, Settings with { SourceLayer = "faults" }));
    }

    [Fact]
    public async Task A_CRS_without_an_EPSG_code_is_refused_unless_one_is_given()
    {
        // A Transverse Mercator of one's own, as a .prj says it: PROJ finds no EPSG CRS it is sure of.
        var path = Path.Combine(_folder, "tm_tu_dinh.shp");
        await ImportFiles.Ogr2ogrAsync(_folder, "-f", "ESRI Shapefile", "-t_srs", "+proj=tmerc +lat_0=0 +lon_0=104.123 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m",
            path, SampleData.PathOf("base.gpkg"), "populated_places");
        Assert.Contains("has no EPSG code", Refusal(path));
        Assert.Equal(32648, Inspect(path, Settings with { Srid = 32648 }).Srid);
    }

    [Fact]
    public void Geometry_collections_are_refused_naming_the_type()
    {
        var path = Write("tap_hop.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[105,21]}]},"properties":{}}]}""");
        Assert.Contains("Geometry Collection", Refusal(path));
    }

    [Fact]
    public async Task A_KMZ_is_unpacked_and_read_as_its_KML()
    {
        var kml = await ImportFiles.RiversKmlAsync(_folder);
        var kmz = Path.Combine(_folder, "song.kmz");
        using (var zip = ZipFile.Open(kmz, ZipArchiveMode.Create)) zip.CreateEntryFromFile(kml, "doc.kml");
        var vector = Assert.IsType<InspectedVector>(Inspect(kmz));
        Assert.Equal(("LINESTRING", 343L, "song"), (vector.GeometryType, vector.Features, vector.DefaultName));
    }

    [Fact]
    public void A_raster_without_georeferencing_is_refused()
    {
        var path = Path.Combine(_folder, "anh.png");
        File.WriteAllBytes(path, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        Assert.Contains("without georeferencing", Refusal(path));
    }
}
