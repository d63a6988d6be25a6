using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

/// <summary>Every mistake a client can make answers 4xx as problem details naming what was wrong, never a stack trace.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class BadRequestTests(GeoSdiServer server)
{
    private const string Items = "/ogc/collections/vn:populated_places/items";

    [Theory]
    [InlineData("/ogc/collections/vn:nope")]
    [InlineData("/ogc/collections/vn:nope/items")]
    [InlineData("/ogc/collections/vn:nope/queryables")]
    [InlineData("/ogc/collections/populated_places/items")] // the workspace is part of the id
    [InlineData("/ogc/collections/optional:osm_country_maritime_2017/items")]
    public async Task An_unknown_collection_is_a_404_naming_it(string url)
    {
        using var response = await server.Client.GetAsync(url);

        var problem = await HttpJson.AssertProblemAsync(response, 404, null);

        Assert.Contains(url.Split('/')[3], problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=a,b,c,d", "bbox")]
    [InlineData("bbox=105,21,106,20", "bbox")]
    [InlineData("bbox=105,-95,106,20", "bbox")]
    [InlineData("bbox=170,20,-170,21", "bbox")]
    [InlineData("bbox=", "bbox")]
    [InlineData("bbox-crs=EPSG:4326", "bbox-crs")]
    [InlineData("bbox=1,2,3,4&bbox-crs=EPSG:99999", "bbox-crs")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=1e12", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("offset=abc", "offset")]
    [InlineData("offset=-1", "offset")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("crs=EPSG:99999", "crs")]
    [InlineData("crs=foo", "crs")]
    [InlineData("foo=bar", "foo")]
    [InlineData("f=xml", "f")]
    [InlineData("ma_tinh_2025=01&dan_so_osm=many", "dan_so_osm")]
    [InlineData("datetime=2025-01-01", "datetime")] // populated_places has no time
    public async Task A_bad_items_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var response = await server.Client.GetAsync($"{Items}?{query}");

        await HttpJson.AssertProblemAsync(response, 400, parameter);
    }

    [Theory]
    [InlineData("datetime=yesterday")]
    [InlineData("datetime=2025-01-05T06:00:00")]
    [InlineData("datetime=2025-13-01")]
    [InlineData("datetime=2025-01-31T00:00:00Z/2025-01-01T00:00:00Z")]
    [InlineData("datetime=../..")]
    [InlineData("datetime=2025-01-01/2025-01-02/2025-01-03")]
    public async Task A_bad_datetime_is_a_400_naming_datetime(string query)
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:observations/items?" + query);

        await HttpJson.AssertProblemAsync(response, 400, "datetime");
    }

    [Theory]
    [InlineData("bbox=105,20,106,21", "bbox")]
    [InlineData("crs=EPSG:3857", "crs")]
    public async Task Spatial_parameters_on_a_table_without_geometry_are_a_400(string query, string parameter)
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:observations/items?" + query);

        await HttpJson.AssertProblemAsync(response, 400, parameter);
    }

    [Theory]
    [InlineData("crs=EPSG:99999", "crs")]
    [InlineData("foo=bar", "foo")]
    [InlineData("limit=10", "limit")]
    [InlineData("f=xml", "f")]
    public async Task A_bad_parameter_on_one_feature_is_a_400_naming_it(string query, string parameter)
    {
        using var response = await server.Client.GetAsync($"{Items}/2?{query}");

        await HttpJson.AssertProblemAsync(response, 400, parameter);
    }

    [Theory]
    [InlineData("/ogc?f=xml")]
    [InlineData("/ogc/conformance?f=xml")]
    [InlineData("/ogc/collections?f=xml")]
    [InlineData("/ogc/api?f=yaml")]
    public async Task An_unsupported_format_anywhere_is_a_400_naming_f(string url)
    {
        using var response = await server.Client.GetAsync(url);

        await HttpJson.AssertProblemAsync(response, 400, "f");
    }

    [Fact]
    public async Task A_problem_tells_which_request_it_is_about()
    {
        using var response = await server.Client.GetAsync($"{Items}?limit=0");

        var problem = await HttpJson.AssertProblemAsync(response, 400, "limit");

        Assert.Equal("/ogc/collections/vn:populated_places/items?limit=0", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task An_error_asked_for_as_HTML_is_an_HTML_page_with_the_same_status()
    {
        using var response = await server.Client.GetAsync($"{Items}?limit=0&f=html");
        var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'limit'", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404()
    {
        using var response = await server.Client.GetAsync("/ogc/nothing-here");

        Assert.Equal(404, (int)response.StatusCode);
    }
}
