using System.Net;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class ItemTests(GeoSdiServer server)
{
    [Fact]
    public async Task An_existing_feature_is_GeoJSON_with_its_id_properties_geometry_and_self_link()
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:populated_places/items/2");
        var feature = HttpJson.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal(2, feature.GetProperty("id").GetInt64());
        Assert.Equal("Hà Nội", feature.GetProperty("properties").GetProperty("ten").GetString());
        Assert.Equal(74132064, feature.GetProperty("properties").GetProperty("osm_id").GetInt64());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.EndsWith("/ogc/collections/vn%3Apopulated_places/items/2", feature.Link("self"));
    }

    [Fact]
    public async Task A_feature_equals_the_same_feature_in_its_items_page()
    {
        var page = await server.Client.GetJsonAsync("/ogc/collections/vn:vn_provinces_2025/items?limit=1");
        var fromPage = page.GetProperty("features")[0];

        var single = await server.Client.GetJsonAsync("/ogc/collections/vn:vn_provinces_2025/items/1");

        Assert.Equal(fromPage.GetProperty("geometry").GetRawText(), single.GetProperty("geometry").GetRawText());
        Assert.Equal(fromPage.GetProperty("properties").GetRawText(), single.GetProperty("properties").GetRawText());
    }

    [Fact]
    public async Task A_feature_of_a_table_without_geometry_has_a_null_geometry()
    {
        var feature = await server.Client.GetJsonAsync("/ogc/collections/vn:observations/items/1");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, feature.GetProperty("geometry").ValueKind);
        Assert.Equal("KK-HN-01", feature.GetProperty("properties").GetProperty("ma_tram").GetString());
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("2.0")]
    [InlineData("99999999999999999999999")]
    public async Task A_missing_or_non_numeric_id_is_a_404_problem(string id)
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:populated_places/items/" + id);

        var problem = await HttpJson.AssertProblemAsync(response, 404, null);

        Assert.Contains(id, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_feature_of_an_unknown_collection_is_a_404_problem()
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:nope/items/1");

        await HttpJson.AssertProblemAsync(response, 404, null);
    }
}
