using System.Text.RegularExpressions;
using GeoServer.Tests.Support;
using Microsoft.Data.Sqlite;

namespace GeoServer.Tests.EndToEnd;

/// <summary>
/// GDAL's own OGC API Features client (the OAPIF driver of ogrinfo and ogr2ogr) against the running server:
/// what QGIS and GDAL users will do first. GDAL is required: a machine without it fails these tests.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed partial class OgrClientTests(GeoSdiServer server) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-ogr-").FullName;

    public static TheoryData<string> Collections => new(SampleData.CollectionIds);

    private string Source => "OAPIF:" + server.OgcRoot;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Ogrinfo_lists_every_collection_as_a_layer()
    {
        var output = await RunAsync("ogrinfo", "-ro", "-so", "-q", Source);

        var layers = LayerLine().Matches(output).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(SampleData.CollectionIds, layers.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Ogr2ogr_copies_every_feature_of_a_collection_with_its_id(string id)
    {
        var copy = Path.Combine(_work, "copy.gpkg");

        await RunAsync("ogr2ogr", "-f", "GPKG", copy, Source, id, "-nln", "copy", "-preserve_fid", "-oo", "PAGE_SIZE=1000");

        var (path, table) = SampleData.Locate(id);
        Assert.Equal(Ids(path, table), Ids(copy, "copy"));
    }

    [Fact]
    public async Task Ogr2ogr_with_GDALs_default_page_size_follows_every_next_link()
    {
        var copy = Path.Combine(_work, "provinces.gpkg");

        await RunAsync("ogr2ogr", "-f", "GPKG", copy, Source, "vn:vn_provinces_2024_63", "-nln", "copy");

        Assert.Equal(63, SampleData.Scalar<long>(copy, "SELECT count(*) FROM copy"));
        Assert.Equal(63, SampleData.Scalar<long>(copy, "SELECT count(DISTINCT fid) FROM copy"));
    }

    [Fact]
    public async Task Ogr2ogr_keeps_names_and_coordinates()
    {
        var copy = Path.Combine(_work, "places.gpkg");

        await RunAsync("ogr2ogr", "-f", "GPKG", copy, Source, "vn:populated_places", "-nln", "copy", "-preserve_fid", "-oo", "PAGE_SIZE=1000");

        Assert.Equal("Hà Nội", SampleData.Scalar<string>(copy, "SELECT ten FROM copy WHERE fid = 2"));
        var blob = (byte[])SampleData.Scalar<byte[]>(copy, "SELECT geom FROM copy WHERE fid = 2");
        var point = (NetTopologySuite.Geometries.Point)GeoServer.Data.GeoPackage.GeoPackageGeometry.Read(blob);
        Assert.Equal(105.85247, point.X, 1e-9);
        Assert.Equal(21.0292095, point.Y, 1e-9);
    }

    [Fact]
    public async Task Ogr2ogr_with_a_spatial_filter_copies_the_places_inside_it()
    {
        var copy = Path.Combine(_work, "delta.gpkg");
        var expected = SampleData.PlacesInside(105.3, 20.2, 106.9, 21.4);

        await RunAsync("ogr2ogr", "-f", "GPKG", copy, Source, "vn:populated_places", "-nln", "copy",
            "-spat", "105.3", "20.2", "106.9", "21.4", "-preserve_fid", "-oo", "PAGE_SIZE=1000");

        Assert.Equal(expected, Ids(copy, "copy"));
    }

    [Fact]
    public async Task Ogr2ogr_with_an_attribute_filter_copies_the_matching_places()
    {
        var copy = Path.Combine(_work, "hanoi.gpkg");

        await RunAsync("ogr2ogr", "-f", "GPKG", copy, Source, "vn:populated_places", "-nln", "copy",
            "-where", "ma_tinh_2025 = '01'", "-oo", "PAGE_SIZE=1000");

        Assert.Equal(111, SampleData.Scalar<long>(copy, "SELECT count(*) FROM copy"));
    }

    [Fact]
    public async Task Ogrinfo_reads_one_feature_by_id()
    {
        var output = await RunAsync("ogrinfo", "-ro", "-q", Source, "vn:populated_places", "-fid", "2");

        Assert.Contains("ten (String) = Hà Nội", output);
        Assert.Contains("POINT (105.85247 21.0292095)", output);
    }

    [Fact]
    public async Task Ogrinfo_reports_the_feature_count_the_server_matches()
    {
        var output = await RunAsync("ogrinfo", "-ro", "-so", Source, "ha-noi:land_parcels_synthetic");

        Assert.Contains($"Feature Count: {SampleData.CountRows("ha-noi:land_parcels_synthetic")}", output);
    }

    private static List<long> Ids(string path, string table)
    {
        var ids = new List<long>();
        using var connection = SampleData.OpenReadOnly(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT fid FROM \"{table}\" ORDER BY fid";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Runs a GDAL program to completion; fails the test with its output when it does not succeed.</summary>
    private Task<string> RunAsync(string program, params string[] arguments) =>
        ExternalTool.RunAsync(program, "gdal-bin", _work, errorsFail: true, arguments);

    [GeneratedRegex(@"^\d+: (\S+)", RegexOptions.Multiline)]
    private static partial Regex LayerLine();
}
