using System.Net;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class LandingPageTests(GeoSdiServer server)
{
    [Fact]
    public async Task The_landing_page_is_JSON_with_the_configured_title_by_default()
    {
        using var response = await server.Client.GetAsync("/ogc");
        var landing = HttpJson.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("GeoSDI", landing.GetProperty("title").GetString());
        Assert.Contains("OpenStreetMap", landing.GetProperty("attribution").GetString());
    }

    [Theory]
    [InlineData("service-desc", "application/vnd.oai.openapi+json;version=3.0", "/ogc/api")]
    [InlineData("conformance", "application/json", "/ogc/conformance")]
    [InlineData("data", "application/json", "/ogc/collections")]
    [InlineData("self", "application/json", "/ogc")]
    [InlineData("alternate", "text/html", "/ogc")]
    public async Task The_landing_page_links_to_the_API_definition_conformance_and_data(string rel, string type, string path)
    {
        var landing = await server.Client.GetJsonAsync("/ogc");

        var href = landing.Link(rel, type);

        Assert.NotNull(href);
        Assert.Equal(new Uri(server.BaseAddress, path).AbsolutePath, new Uri(href).AbsolutePath);
        Assert.Equal(server.BaseAddress.Authority, new Uri(href).Authority);
        using var followed = await server.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(type.Split(';')[0], followed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Links_use_the_host_the_client_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc");
        request.Headers.Host = "geosdi.example.vn";

        using var response = await server.Client.SendAsync(request);
        var landing = HttpJson.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("http://geosdi.example.vn/ogc/collections", landing.Link("data"));
    }

    [Fact]
    public async Task The_conformance_declaration_lists_the_Features_classes_the_server_implements()
    {
        var conformance = await server.Client.GetJsonAsync("/ogc/conformance");

        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections", classes);
    }
}
