using System.Net;
using System.Text.Json.Nodes;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>/ws/{workspace}/ogc, /wmts and /tiles answer as if the server held only that workspace, with every link under them.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class WorkspaceEndpointTests(GeoSdiServer server)
{
    [Fact]
    public async Task A_workspace_OGC_API_lists_only_its_collections_and_links_under_itself()
    {
        var collections = JsonNode.Parse(await server.Client.GetStringAsync("/ws/ha-noi/ogc/collections?f=json"))!;
        var ids = collections["collections"]!.AsArray().Select(c => (string)c!["id"]!).Where(id => id != "catalog").ToList();
        Assert.Equal(SampleData.CollectionIds.Where(id => id.StartsWith("ha-noi:", StringComparison.Ordinal)).Order(), ids.Order());
        Assert.All(collections["collections"]!.AsArray().Where(c => (string?)c!["id"] != "catalog").SelectMany(c => c!["links"]!.AsArray()), link =>
            Assert.StartsWith(new Uri(server.BaseAddress, "/ws/ha-noi/ogc/").ToString(), (string)link!["href"]!));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/ws/ha-noi/ogc/collections/ha-noi:land_parcels_synthetic/items?limit=1")).StatusCode);
    }

    [Theory]
    [InlineData("/ws/ha-noi/ogc/collections/vn:rivers")]
    [InlineData("/ws/ha-noi/ogc/collections/vn:rivers/items")]
    [InlineData("/ws/ha-noi/tiles/vn:rivers/6/50/28.png")]
    [InlineData("/ws/ha-noi/tiles/vn/6/50/28.png")]
    [InlineData("/ws/ha-noi/wmts/1.0.0/vn:rivers/default/WebMercatorQuad/6/28/50.png")]
    [InlineData("/ws/nowhere/ogc/collections")]
    public async Task Another_workspace_s_layers_are_not_found_through_a_workspace_endpoint(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_workspace_WMTS_offers_only_its_layers_with_templates_under_itself()
    {
        string capabilities = await server.Client.GetStringAsync("/ws/vn/wmts?service=WMTS&request=GetCapabilities");
        Assert.Contains("<ows:Identifier>vn:rivers</ows:Identifier>", capabilities);
        Assert.DoesNotContain("ha-noi:", capabilities);
        Assert.Contains("/ws/vn/wmts/1.0.0/", capabilities);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/ws/vn/tiles/vn:rivers/6/50/28.png")).StatusCode);
    }
}
