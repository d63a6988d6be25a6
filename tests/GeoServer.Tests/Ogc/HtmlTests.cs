using System.Net;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class HtmlTests(GeoSdiServer server)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private async Task<string> HtmlAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<!DOCTYPE html>", body);
        return WebUtility.HtmlDecode(body);
    }

    [Fact]
    public async Task The_landing_page_as_HTML_shows_the_title_and_links_to_collections()
    {
        var html = await HtmlAsync("/ogc?f=html");

        Assert.Contains("<title>GeoSDI — Hạ tầng dữ liệu không gian", html);
        Assert.Contains("/ogc/collections?f=html", html);
        Assert.Contains("OpenStreetMap", html);
    }

    [Fact]
    public async Task The_collections_page_lists_every_collection()
    {
        var html = await HtmlAsync("/ogc/collections?f=html");

        Assert.All(SampleData.CollectionIds, id => Assert.Contains(id, html));
    }

    [Fact]
    public async Task A_collection_page_shows_its_title_attribution_and_items_link()
    {
        var html = await HtmlAsync("/ogc/collections/vn:populated_places?f=html");

        Assert.Contains("<h1>Điểm dân cư</h1>", html);
        Assert.Contains("OpenStreetMap", html);
        Assert.Contains("/items?f=html", html);
    }

    [Fact]
    public async Task An_items_page_has_the_map_div_Leaflet_and_the_features()
    {
        var html = await HtmlAsync("/ogc/collections/vn:populated_places/items?f=html&limit=5");

        Assert.Contains("<title>Điểm dân cư — GeoSDI</title>", html);
        Assert.Contains("<div id=\"map\"", html);
        Assert.Contains("/ogc/static/leaflet/leaflet.js\"></script>", html);
        Assert.Contains("/ogc/static/leaflet/leaflet.css", html);
        Assert.Contains("map-preview.js", html);
        Assert.Contains("Hà Nội", html);
        Assert.Contains("1–5 / 4806", html);
        Assert.Contains("cursor=", html);
    }

    [Fact]
    public async Task The_map_of_an_items_page_draws_the_same_page_as_GeoJSON()
    {
        var html = await HtmlAsync("/ogc/collections/vn:populated_places/items?f=html&limit=5&ma_tinh_2025=01");

        var start = html.IndexOf("data-geojson=\"", StringComparison.Ordinal) + "data-geojson=\"".Length;
        var href = html[start..html.IndexOf('"', start)];
        var page = await server.Client.GetJsonAsync(href);

        Assert.Equal(5, page.GetProperty("numberReturned").GetInt32());
        Assert.Equal(111, page.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task An_items_page_of_a_table_without_geometry_has_no_map()
    {
        var html = await HtmlAsync("/ogc/collections/vn:observed_properties/items?f=html");

        Assert.DoesNotContain("id=\"map\"", html);
        Assert.DoesNotContain("leaflet.js", html);
    }

    [Fact]
    public async Task A_feature_page_shows_its_properties_on_a_map()
    {
        var html = await HtmlAsync("/ogc/collections/vn:populated_places/items/2?f=html");

        Assert.Contains("<div id=\"map\"", html);
        Assert.Contains("leaflet.js", html);
        Assert.Contains("national_capital", html);
        Assert.Contains("Hà Nội", html);
    }

    [Theory]
    [InlineData("/ogc")]
    [InlineData("/ogc/conformance")]
    [InlineData("/ogc/collections")]
    [InlineData("/ogc/collections/vn:vn_provinces_2025")]
    [InlineData("/ogc/collections/vn:vn_provinces_2025/items")]
    [InlineData("/ogc/collections/vn:vn_provinces_2025/items/1")]
    [InlineData("/ogc/collections/vn:vn_provinces_2025/queryables")]
    public async Task A_browser_asking_for_HTML_gets_HTML_without_f(string url)
    {
        await HtmlAsync(url, BrowserAccept);
        await HtmlAsync(url, "text/html");
    }

    [Theory]
    [InlineData(null, "application/geo+json")]
    [InlineData("application/geo+json", "application/geo+json")]
    [InlineData("application/json", "application/geo+json")]
    [InlineData("*/*", "application/geo+json")]
    [InlineData("text/html;q=0.5, application/geo+json", "application/geo+json")]
    [InlineData("application/geo+json;q=0.5, text/html", "text/html")]
    public async Task The_Accept_header_chooses_between_GeoJSON_and_HTML(string? accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections/vn:vn_provinces_2025/items?limit=1");
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_f_parameter_wins_over_the_Accept_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections?f=json");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/ogc/static/leaflet/leaflet.js", "text/javascript", "Leaflet")]
    [InlineData("/ogc/static/leaflet/leaflet.css", "text/css", ".leaflet-")]
    [InlineData("/ogc/static/map-preview.js", "text/javascript", "geojson")]
    public async Task The_map_scripts_and_styles_are_served_by_the_server_itself(string url, string type, string text)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Leaflet_marker_images_are_served_as_PNG()
    {
        using var response = await server.Client.GetAsync("/ogc/static/leaflet/images/marker-icon.png");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
