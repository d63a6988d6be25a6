using GeoServer.Core.Crs;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class ItemsCrsTests(GeoSdiServer server)
{
    // populated_places fid 2 "Hà Nội", as stored (EPSG:4326, x = longitude).
    private const double HaNoiLon = 105.85247, HaNoiLat = 21.0292095;

    private static IEnumerable<double[]> Positions(System.Text.Json.JsonElement geometry) =>
        geometry.ValueKind == System.Text.Json.JsonValueKind.Array && geometry[0].ValueKind == System.Text.Json.JsonValueKind.Number
            ? [geometry.EnumerateArray().Select(v => v.GetDouble()).ToArray()]
            : geometry.EnumerateArray().SelectMany(Positions);

    private async Task<(double[] Position, string? ContentCrs)> HaNoiAsync(string query)
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:populated_places/items/2" + query);
        var feature = HttpJson.Parse(await response.Content.ReadAsStringAsync());
        var position = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (position, response.Headers.TryGetValues("Content-Crs", out var v) ? v.Single() : null);
    }

    [Fact]
    public async Task Without_crs_coordinates_are_CRS84_longitude_first()
    {
        var (position, contentCrs) = await HaNoiAsync("");

        Assert.Equal([HaNoiLon, HaNoiLat], position);
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", contentCrs);
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326")]
    public async Task EPSG_4326_puts_latitude_first_and_says_so_in_Content_Crs(string crs)
    {
        var (position, contentCrs) = await HaNoiAsync("?crs=" + Uri.EscapeDataString(crs));

        Assert.Equal([HaNoiLat, HaNoiLon], position);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4326>", contentCrs);
    }

    [Fact]
    public async Task EPSG_4326_swaps_every_position_of_every_feature_of_a_page()
    {
        var crs84 = await server.Client.GetJsonAsync("/ogc/collections/vn:vn_provinces_2025/items?limit=3");
        using var response = await server.Client.GetAsync("/ogc/collections/vn:vn_provinces_2025/items?limit=3&crs=EPSG:4326");
        var latLon = HttpJson.Parse(await response.Content.ReadAsStringAsync());

        var expected = crs84.GetProperty("features").EnumerateArray()
            .SelectMany(f => Positions(f.GetProperty("geometry").GetProperty("coordinates"))).Select(p => (p[1], p[0])).ToList();
        var actual = latLon.GetProperty("features").EnumerateArray()
            .SelectMany(f => Positions(f.GetProperty("geometry").GetProperty("coordinates"))).Select(p => (p[0], p[1])).ToList();

        Assert.Equal(expected, actual);
        Assert.True(actual.Count > 100);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4326>", response.Headers.GetValues("Content-Crs").Single());
    }

    [Fact]
    public async Task VN_2000_UTM_48N_coordinates_are_the_registry_transform_of_the_stored_ones()
    {
        var registry = CrsRegistry.Default;
        var transform = registry.GetTransform(registry.FromEpsg(4326)!, registry.FromEpsg(3405)!);
        double x = HaNoiLon, y = HaNoiLat;
        transform.Transform(ref x, ref y);

        var (position, contentCrs) = await HaNoiAsync("?crs=http://www.opengis.net/def/crs/EPSG/0/3405");

        // Transformed coordinates are written to 0.1 mm.
        Assert.Equal(x, position[0], 1e-4);
        Assert.Equal(y, position[1], 1e-4);
        // PROJ, independently: echo "105.85247 21.0292095" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +no_defs
        //   +to +proj=utm +zone=48 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m
        Assert.Equal(588385.1677, position[0], 0.01);
        Assert.Equal(2325724.9061, position[1], 0.01);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/3405>", contentCrs);
    }

    [Fact]
    public async Task VN_2000_geographic_coordinates_are_latitude_first_and_shifted_from_WGS_84()
    {
        // echo "105.85247 21.0292095" | cs2cs -f %.10f +proj=longlat +datum=WGS84 +to +proj=longlat +ellps=WGS84 +towgs84=… (as above)
        var (position, contentCrs) = await HaNoiAsync("?crs=EPSG:4756");

        Assert.Equal(21.0301954666, position[0], 1e-7);
        Assert.Equal(105.8505873336, position[1], 1e-7);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4756>", contentCrs);
    }

    [Fact]
    public async Task Web_Mercator_coordinates_match_PROJ()
    {
        // echo "105.85247 21.0292095" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to +proj=webmerc +datum=WGS84
        var (position, _) = await HaNoiAsync("?crs=EPSG:3857");

        Assert.Equal(11783443.0596, position[0], 0.01);
        Assert.Equal(2395361.8497, position[1], 0.01);
    }

    [Fact]
    public async Task A_page_in_a_projected_CRS_holds_the_same_features_as_in_CRS84()
    {
        var crs84 = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/items?limit=50&offset=100");
        var utm = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/items?limit=50&offset=100&crs=EPSG:3405");

        Assert.Equal(crs84.FeatureIds(), utm.FeatureIds());
        Assert.Contains("crs=EPSG%3A3405", utm.Link("next"));
    }
}
