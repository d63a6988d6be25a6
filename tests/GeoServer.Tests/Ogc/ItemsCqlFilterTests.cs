using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

/// <summary>CQL2 filters, sortby and properties through HTTP, each checked against SQL written by hand on the file.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class ItemsCqlFilterTests(GeoSdiServer server)
{
    private static readonly string Base = SampleData.PathOf("base.gpkg");
    private static readonly string Envmon = SampleData.PathOf("envmon.gpkg");

    private async Task<List<long>> IdsAsync(string collection, string filter, string? lang = null, string? filterCrs = null)
    {
        var ids = new List<long>();
        string? url = $"/ogc/collections/{collection}/items?limit=1000&filter={Uri.EscapeDataString(filter)}"
                      + (lang is null ? "" : "&filter-lang=" + lang)
                      + (filterCrs is null ? "" : "&filter-crs=" + Uri.EscapeDataString(filterCrs));
        while (url is not null)
        {
            var page = await server.Client.GetJsonAsync(url);
            ids.AddRange(page.FeatureIds());
            url = page.Link("next");
        }
        return ids;
    }

    private static List<long> Sql(string path, string sql)
    {
        using var connection = SampleData.OpenReadOnly(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var ids = new List<long>();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    [Theory]
    [InlineData("loai_osm = 'city'", "loai_osm = 'city'")]
    [InlineData("dan_so_osm > 100000 AND loai_osm <> 'city'", "dan_so_osm > 100000 AND loai_osm <> 'city'")]
    [InlineData("NOT (dan_so_osm IS NULL) AND dan_so_osm < 5000", "dan_so_osm IS NOT NULL AND dan_so_osm < 5000")]
    [InlineData("ma_tinh_2025 IN ('01','79','48')", "ma_tinh_2025 IN ('01','79','48')")]
    [InlineData("dan_so_osm BETWEEN 10000 AND 20000", "dan_so_osm BETWEEN 10000 AND 20000")]
    [InlineData("ten LIKE 'Thành phố%'", "ten GLOB 'Thành phố*'")]
    [InlineData("ten LIKE 'H_ N%'", "ten GLOB 'H? N*'")]
    [InlineData("loai_osm = 'town' OR loai_osm = 'city'", "loai_osm IN ('town','city')")]
    public async Task An_attribute_filter_returns_what_hand_written_SQL_returns(string filter, string where)
    {
        var expected = Sql(Base, $"SELECT fid FROM populated_places WHERE {where} ORDER BY fid");

        var ids = await IdsAsync("vn:populated_places", filter);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task LIKE_is_case_sensitive_and_CASEI_is_not()
    {
        var sensitive = await IdsAsync("vn:populated_places", "ten LIKE 'hà nội'");
        var insensitive = await IdsAsync("vn:populated_places", "CASEI(ten) LIKE CASEI('hà nội')");

        Assert.Empty(sensitive);
        Assert.Contains(2L, insensitive);
    }

    [Theory]
    [InlineData("ACCENTI(CASEI(ten)) = ACCENTI(CASEI('ha noi'))")]
    [InlineData("ACCENTI(CASEI(ten)) LIKE ACCENTI(CASEI('HA NO%'))")]
    public async Task ACCENTI_finds_Ha_Noi_written_without_diacritics(string filter)
    {
        var ids = await IdsAsync("vn:populated_places", filter);

        Assert.Contains(2L, ids);
    }

    [Fact]
    public async Task A_filter_in_CQL2_JSON_equals_the_same_filter_in_text()
    {
        var text = await IdsAsync("vn:populated_places", "loai_osm = 'city' AND dan_so_osm >= 200000");
        var json = await IdsAsync("vn:populated_places",
            """{"op":"and","args":[{"op":"=","args":[{"property":"loai_osm"},"city"]},{"op":">=","args":[{"property":"dan_so_osm"},200000]}]}""",
            "cql2-json");

        Assert.NotEmpty(text);
        Assert.Equal(text, json);
    }

    [Fact]
    public async Task S_INTERSECTS_with_a_point_finds_the_province_holding_it()
    {
        var ids = await IdsAsync("vn:vn_provinces_2025", "S_INTERSECTS(geometry, POINT(105.85247 21.0292095))");

        Assert.Equal([1L], ids); // Hà Nội
    }

    [Fact]
    public async Task A_spatial_filter_in_EPSG_4326_reads_its_literal_latitude_first()
    {
        var ids = await IdsAsync("vn:vn_provinces_2025", "S_INTERSECTS(geom, POINT(21.0292095 105.85247))",
            filterCrs: "http://www.opengis.net/def/crs/EPSG/0/4326");

        Assert.Equal([1L], ids);
    }

    [Fact]
    public async Task S_WITHIN_a_bbox_equals_the_exact_containment_test()
    {
        var expected = SampleData.PlacesInside(105.3, 20.2, 106.9, 21.4);

        var ids = await IdsAsync("vn:populated_places", "S_WITHIN(geometry, BBOX(105.3,20.2,106.9,21.4))");

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task S_DISJOINT_is_the_complement_of_S_INTERSECTS()
    {
        var inside = await IdsAsync("vn:vn_provinces_2025", "S_INTERSECTS(geometry, BBOX(105.3,20.2,106.9,21.4))");
        var outside = await IdsAsync("vn:vn_provinces_2025", "S_DISJOINT(geometry, BBOX(105.3,20.2,106.9,21.4))");

        Assert.Equal(34, inside.Count + outside.Count);
        Assert.Empty(inside.Intersect(outside));
    }

    [Fact]
    public async Task T_AFTER_on_an_instant_property_matches_SQL_on_the_timestamps()
    {
        var expected = Sql(Envmon, "SELECT fid FROM observations WHERE julianday(thoi_gian) > julianday('2025-01-30T20:00:00Z') ORDER BY fid");

        var ids = await IdsAsync("vn:observations", "T_AFTER(thoi_gian, TIMESTAMP('2025-01-30T20:00:00Z'))");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task T_INTERSECTS_with_an_interval_matches_SQL_on_the_timestamps()
    {
        var expected = Sql(Envmon, "SELECT fid FROM observations WHERE ma_tram = 'KK-HN-01' AND thoi_gian BETWEEN '2025-01-02T00:00:00.000Z' AND '2025-01-02T05:00:00.000Z' ORDER BY fid");

        var ids = await IdsAsync("vn:observations",
            "ma_tram = 'KK-HN-01' AND T_INTERSECTS(thoi_gian, INTERVAL('2025-01-02T00:00:00Z','2025-01-02T05:00:00Z'))");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("nope = 1", "nope")]
    [InlineData("ten = ", "position")]
    [InlineData("dan_so_osm = 'many'", "dan_so_osm")]
    [InlineData("FOO(ten)", "FOO")]
    public async Task A_bad_filter_is_a_400_naming_the_problem(string filter, string mentioned)
    {
        var response = await server.Client.GetAsync($"/ogc/collections/vn:populated_places/items?filter={Uri.EscapeDataString(filter)}");

        var problem = await HttpJson.AssertProblemAsync(response, 400, "filter");
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_spatial_filter_on_a_table_without_geometry_is_a_400()
    {
        var response = await server.Client.GetAsync("/ogc/collections/vn:observations/items?filter=" + Uri.EscapeDataString("S_INTERSECTS(geometry, POINT(1 2))"));

        await HttpJson.AssertProblemAsync(response, 400, "filter");
    }

    [Fact]
    public async Task Sortby_orders_pages_and_paging_keeps_every_feature_once()
    {
        var expected = Sql(Base, "SELECT fid FROM populated_places ORDER BY dan_so_osm DESC NULLS LAST, fid");
        var ids = new List<long>();
        string? url = "/ogc/collections/vn:populated_places/items?sortby=-dan_so_osm&limit=700";
        while (url is not null)
        {
            var page = await server.Client.GetJsonAsync(url);
            ids.AddRange(page.FeatureIds());
            url = page.Link("next");
        }

        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal(expected.Take(50), ids.Take(50));
        Assert.Equal(expected.Order(), ids.Order());
    }

    [Fact]
    public async Task Properties_returns_only_the_named_attributes()
    {
        var page = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/items?limit=2&properties=ten,dan_so_osm");

        foreach (var feature in page.GetProperty("features").EnumerateArray())
            Assert.Equal(["ten", "dan_so_osm"], feature.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_unknown_sortby_or_properties_name_is_a_400()
    {
        await HttpJson.AssertProblemAsync(await server.Client.GetAsync("/ogc/collections/vn:populated_places/items?sortby=nope"), 400, "sortby");
        await HttpJson.AssertProblemAsync(await server.Client.GetAsync("/ogc/collections/vn:populated_places/items?properties=nope"), 400, "properties");
    }
}
