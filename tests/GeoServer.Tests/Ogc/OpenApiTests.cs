using System.Net;
using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class OpenApiTests(GeoSdiServer server)
{
    private async Task<JsonElement> ApiAsync()
    {
        using var response = await server.Client.GetAsync("/ogc/api");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "3.0");
        return HttpJson.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_API_definition_is_OpenAPI_3_0_JSON_served_from_this_server()
    {
        var api = await ApiAsync();

        Assert.StartsWith("3.0.", api.GetProperty("openapi").GetString());
        Assert.False(string.IsNullOrEmpty(api.GetProperty("info").GetProperty("title").GetString()));
        Assert.Equal(new Uri(server.BaseAddress, "/ogc").ToString(), api.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/conformance")]
    [InlineData("/api")]
    [InlineData("/collections")]
    [InlineData("/collections/{collectionId}")]
    [InlineData("/collections/{collectionId}/queryables")]
    [InlineData("/collections/{collectionId}/items")]
    [InlineData("/collections/{collectionId}/items/{featureId}")]
    public async Task The_API_definition_describes_every_path_with_a_GET_whose_parameters_resolve(string path)
    {
        var api = await ApiAsync();

        var get = api.GetProperty("paths").GetProperty(path).GetProperty("get");

        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        foreach (var parameter in get.GetProperty("parameters").EnumerateArray())
        {
            var reference = parameter.GetProperty("$ref").GetString()!;
            Assert.StartsWith("#/components/parameters/", reference);
            var resolved = api.GetProperty("components").GetProperty("parameters").GetProperty(reference["#/components/parameters/".Length..]);
            Assert.True(resolved.TryGetProperty("in", out _));
            if (resolved.GetProperty("in").GetString() == "path")
                Assert.Contains("{" + resolved.GetProperty("name").GetString() + "}", path);
        }
    }

    [Fact]
    public async Task The_items_path_documents_every_query_parameter_the_server_accepts()
    {
        var api = await ApiAsync();
        var names = api.GetProperty("paths").GetProperty("/collections/{collectionId}/items").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("$ref").GetString()!.Split('/')[^1]).ToList();

        Assert.All(new[] { "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "f" }, name => Assert.Contains(name, names));
    }

    [Fact]
    public async Task The_limit_parameter_states_the_maximum_and_default_the_server_applies()
    {
        var api = await ApiAsync();

        var schema = api.GetProperty("components").GetProperty("parameters").GetProperty("limit").GetProperty("schema");

        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(1000, schema.GetProperty("maximum").GetInt32());
        Assert.Equal(10, schema.GetProperty("default").GetInt32());
        var page = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/items?limit=5000");
        Assert.Equal(1000, page.GetProperty("numberReturned").GetInt32());
        var defaultPage = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/items");
        Assert.Equal(10, defaultPage.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task The_collectionId_parameter_enumerates_every_published_collection()
    {
        var api = await ApiAsync();

        var ids = api.GetProperty("components").GetProperty("parameters").GetProperty("collectionId")
            .GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(SampleData.AllCollectionIds, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_crs_parameters_enumerate_the_CRSs_the_collections_offer()
    {
        var api = await ApiAsync();
        var parameters = api.GetProperty("components").GetProperty("parameters");
        var collection = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places");
        var offered = collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();

        foreach (var name in new[] { "crs", "bbox-crs" })
            Assert.Equal(offered, parameters.GetProperty(name).GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/collections/{collectionId}/items", "post", "201")]
    [InlineData("/collections/{collectionId}/items/{featureId}", "put", "412")]
    [InlineData("/collections/{collectionId}/items/{featureId}", "patch", "412")]
    [InlineData("/collections/{collectionId}/items/{featureId}", "delete", "412")]
    public async Task The_API_definition_describes_the_Part_4_edits(string path, string method, string response)
    {
        var api = await ApiAsync();
        var operation = api.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(response, out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
    }
}
