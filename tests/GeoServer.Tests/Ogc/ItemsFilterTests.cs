using GeoServer.Core.Crs;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class ItemsFilterTests(GeoSdiServer server)
{
    private static readonly string Base = SampleData.PathOf("base.gpkg");
    private static readonly string Envmon = SampleData.PathOf("envmon.gpkg");

    private async Task<List<long>> AllIdsAsync(string query)
    {
        var page = await server.Client.GetJsonAsync(query + (query.Contains('?') ? "&" : "?") + "limit=1000");
        Assert.Null(page.Link("next"));
        return page.FeatureIds();
    }

    [Fact]
    public async Task A_CRS84_bbox_returns_the_places_inside_it()
    {
        var expected = SampleData.PlacesInside(105.3, 20.2, 106.9, 21.4);

        var ids = await AllIdsAsync("/ogc/collections/vn:populated_places/items?bbox=105.3,20.2,106.9,21.4");

        Assert.Equal(expected, ids);
        Assert.Contains(2L, ids);
    }

    [Theory]
    [InlineData("105.8524702,21.0,105.9,21.1")] // its east edge 2 cm east of the place
    [InlineData("105.8,21.029211,105.9,21.1")] // its south edge 17 cm north of the place
    public async Task A_bbox_that_misses_a_place_by_centimetres_does_not_return_it(string bbox)
    {
        var ids = await AllIdsAsync("/ogc/collections/vn:populated_places/items?bbox=" + bbox);

        Assert.DoesNotContain(2L, ids); // Hà Nội, stored at (105.85247, 21.0292095)
    }

    [Fact]
    public async Task A_bbox_in_EPSG_4326_is_read_latitude_first()
    {
        var lonLat = await AllIdsAsync("/ogc/collections/vn:vn_provinces_2025/items?bbox=105.5,20.5,107.0,21.5");

        var latLon = await AllIdsAsync("/ogc/collections/vn:vn_provinces_2025/items?bbox=20.5,105.5,21.5,107.0&bbox-crs=EPSG:4326");

        Assert.Equal(lonLat, latLon);
        Assert.Contains(1L, latLon); // Hà Nội
        Assert.DoesNotContain(16L, latLon); // Thanh Hóa: only its envelope reaches the box
        Assert.DoesNotContain(21L, latLon); // Đà Nẵng
    }

    [Theory]
    [InlineData(3405)]
    [InlineData(3857)]
    [InlineData(5897)]
    public async Task A_projected_bbox_around_Ha_Noi_finds_the_capital(int epsg)
    {
        var registry = CrsRegistry.Default;
        double x = 105.85247, y = 21.0292095;
        registry.GetTransform(registry.Crs84, registry.FromEpsg(epsg)!).Transform(ref x, ref y);
        var box = FormattableString.Invariant($"{x - 500},{y - 500},{x + 500},{y + 500}");

        var ids = await AllIdsAsync($"/ogc/collections/vn:populated_places/items?bbox={box}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/{epsg}");

        Assert.Contains(2L, ids);
        Assert.True(ids.Count < 50, $"a 1 km box returned {ids.Count} places");
    }

    [Fact]
    public async Task A_bbox_with_heights_ignores_them()
    {
        var flat = await AllIdsAsync("/ogc/collections/vn:populated_places/items?bbox=105.3,20.2,106.9,21.4");

        var withHeights = await AllIdsAsync("/ogc/collections/vn:populated_places/items?bbox=105.3,20.2,-100,106.9,21.4,3000");

        Assert.Equal(flat, withHeights);
    }

    [Theory]
    [InlineData("2025-01-05T06:00:00Z", "thoi_gian = '2025-01-05T06:00:00.000Z'")]
    [InlineData("2025-01-05T13:00:00%2B07:00", "thoi_gian = '2025-01-05T06:00:00.000Z'")]
    [InlineData("2025-01-05", "thoi_gian BETWEEN '2025-01-05T00:00:00.000Z' AND '2025-01-05T23:59:59.999Z'")]
    [InlineData("2025-01-10T00:00:00Z/2025-01-10T05:00:00Z", "thoi_gian BETWEEN '2025-01-10T00:00:00.000Z' AND '2025-01-10T05:00:00.000Z'")]
    [InlineData("2025-01-30T20:00:00Z/..", "thoi_gian >= '2025-01-30T20:00:00.000Z'")]
    [InlineData("../2025-01-01T02:00:00Z", "thoi_gian <= '2025-01-01T02:00:00.000Z'")]
    [InlineData("2025-01-30T20:00:00Z/", "thoi_gian >= '2025-01-30T20:00:00.000Z'")]
    [InlineData("2024-01-01/2024-12-31", "0")]
    public async Task A_datetime_on_observations_matches_what_SQLite_counts(string datetime, string where)
    {
        // Every thoi_gian is written "yyyy-MM-ddTHH:mm:ss.fffZ", so text order is time order.
        long expected = SampleData.Scalar<long>(Envmon, $"SELECT count(*) FROM observations WHERE {where}");

        var page = await server.Client.GetJsonAsync($"/ogc/collections/vn:observations/items?datetime={datetime}&limit=1000");

        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        var times = page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("thoi_gian").GetString()).ToList();
        Assert.Equal(Math.Min(expected, 1000), times.Count);
    }

    [Theory]
    [InlineData("2025-01-15T00:00:00Z", 50)]
    [InlineData("2024-12-01T00:00:00Z/2025-01-01T00:00:00Z", 50)] // touches the start of every period
    [InlineData("2025-01-30T23:00:00Z/..", 50)] // touches the end of every period
    [InlineData("2025-02-01T00:00:00Z/..", 0)]
    [InlineData("../2024-12-31T23:59:59Z", 0)]
    public async Task A_datetime_on_monitoring_stations_tests_their_operating_period(string datetime, int expected)
    {
        long stations = SampleData.Scalar<long>(Envmon, "SELECT count(*) FROM monitoring_stations");
        Assert.Equal(50, stations);

        var page = await server.Client.GetJsonAsync($"/ogc/collections/vn:monitoring_stations/items?datetime={datetime}&limit=100");

        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task An_attribute_equality_returns_exactly_the_rows_with_that_value()
    {
        long expected = SampleData.Scalar<long>(Base, "SELECT count(*) FROM populated_places WHERE ma_tinh_2025 = '01'");

        var page = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/items?ma_tinh_2025=01&limit=1000");

        Assert.Equal(111, expected);
        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        Assert.Equal(expected, page.GetProperty("numberReturned").GetInt64());
        Assert.All(page.GetProperty("features").EnumerateArray(),
            f => Assert.Equal("01", f.GetProperty("properties").GetProperty("ma_tinh_2025").GetString()));
    }

    [Fact]
    public async Task An_attribute_equality_on_an_integer_column_and_a_Vietnamese_text_value_match_one_place()
    {
        var byOsmId = await AllIdsAsync("/ogc/collections/vn:populated_places/items?osm_id=74132064");
        var byName = await AllIdsAsync("/ogc/collections/vn:populated_places/items?ten=" + Uri.EscapeDataString("Hà Nội") + "&loai_osm=national_capital");

        Assert.Equal([2L], byOsmId);
        Assert.Equal([2L], byName);
    }

    [Fact]
    public async Task Attribute_datetime_and_paging_combine()
    {
        long expected = SampleData.Scalar<long>(Envmon,
            "SELECT count(*) FROM observations WHERE ma_tram = 'KK-HN-01' AND thoi_gian BETWEEN '2025-01-02T00:00:00.000Z' AND '2025-01-02T23:59:59.999Z'");

        var page = await server.Client.GetJsonAsync("/ogc/collections/vn:observations/items?ma_tram=KK-HN-01&datetime=2025-01-02&limit=5");

        Assert.True(expected > 5);
        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        Assert.Equal(5, page.GetProperty("numberReturned").GetInt32());
        var next = page.Link("next", "application/geo+json");
        Assert.NotNull(next);
        Assert.Contains("datetime=2025-01-02", next);
        Assert.Contains("ma_tram=KK-HN-01", next);
    }
}
