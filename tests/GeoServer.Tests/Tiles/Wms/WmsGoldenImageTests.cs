using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Wms;

/// <summary>
/// Rendered maps compared with checked-in PNGs (tests/GeoServer.Tests/Expected/wms/), so that a change to the
/// renderer, a style or the encoder that alters maps fails the build. To accept a deliberate change, run the tests
/// with GEOSDI_UPDATE_GOLDEN=1, look at the rewritten PNGs, and commit them.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsGoldenImageTests(GeoSdiServer server)
{
    /// <summary>Share of pixels allowed to differ (antialiasing and font hinting may move across library versions).</summary>
    private const double Tolerance = 0.005;

    public static TheoryData<string, string> Maps => new()
    {
        { "vietnam-3857", "layers=vn:vn_provinces_2025,vn:rivers,vn:railways,vn:populated_places&styles=&crs=EPSG:3857&bbox=11354588,893463,12245143,2753408&width=400&height=836" },
        { "red-river-delta-4326", "layers=vn:vn_provinces_2025,vn:rivers,vn:populated_places,vn:monitoring_stations&styles=&crs=EPSG:4326&bbox=20.2,105.3,21.4,106.9&width=640&height=480" },
        { "ha-noi-parcels-sld", "layers=ha-noi:land_parcels_synthetic&styles=&crs=EPSG:3857&bbox=11780700,2407600,11781100,2408000&width=300&height=300" },
        { "dem-relief-3857", "layers=vn:dem_srtm3_N21E105,vn:rivers&styles=&crs=EPSG:3857&bbox=11680000,2380000,11810000,2520000&width=260&height=280" },
        { "geology-vn2000-utm", "layers=vn:geological_units_synthetic,vn:faults_illustrative,vn:mineral_occurrences_illustrative&styles=&crs=EPSG:3405&bbox=300000,1800000,900000,2600000&width=300&height=400" },
    };

    [Theory]
    [MemberData(nameof(Maps))]
    public async Task The_map_looks_as_it_did_when_it_was_last_approved(string name, string query)
    {
        var response = await server.Client.GetAsync("/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&" + query);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(png));
        var actual = PngReader.Read(png);

        var golden = Path.Combine(SampleData.RepositoryRoot, "tests", "GeoServer.Tests", "Expected", "wms", name + ".png");
        if (Environment.GetEnvironmentVariable("GEOSDI_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            await File.WriteAllBytesAsync(golden, png);
            return;
        }
        Assert.True(File.Exists(golden), $"No golden image {golden}; run with GEOSDI_UPDATE_GOLDEN=1 and review it.");
        var expected = PngReader.Read(await File.ReadAllBytesAsync(golden));
        double difference = actual.DifferenceFrom(expected);
        if (difference > Tolerance)
            await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), $"geosdi-{name}-actual.png"), png);
        Assert.True(difference <= Tolerance,
            $"{difference:P2} of the pixels differ from {golden} (allowed {Tolerance:P1}); the map is in {Path.GetTempPath()}geosdi-{name}-actual.png");
    }
}
