using System.Net;
using System.Text.Json.Nodes;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// /admin/api/workspaces/{ws}/layers: editing a database workspace's layers one by one (title, access and who else
/// may see a restricted layer, queryables, styles), publishing a table of a store and unpublishing a layer, each
/// served at once by every service and the catalog, refused precisely when it does not check out.
/// </summary>
public sealed class LayerAdminTests
{
    private const string Layers = "admin/api/workspaces/tinh-mau/layers";
    private const string Parcels = "tinh-mau:land_parcels_synthetic";

    [Fact]
    public async Task Patching_a_layer_of_a_store_that_publishes_every_table_changes_it_and_keeps_the_others()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        var before = (await server.GetNodeAsync(Layers))["layers"]!.AsArray().Select(l => (string)l!["id"]!).ToList();
        Assert.Contains(Parcels, before);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Store":"land"}"""), await server.GetNodeAsync(Layers + "/land_parcels_synthetic")));

        var patch = await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic",
            """{"title":"Thửa đất (sửa)","Keywords":["địa chính"]}""", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        var collection = await server.Client.GetJsonAsync($"ogc/collections/{Parcels}?f=json");
        Assert.Equal("Thửa đất (sửa)", collection.GetProperty("title").GetString());
        Assert.Contains(">Thửa đất (sửa)<", await server.Client.GetStringAsync($"csw?service=CSW&version=2.0.2&request=GetRecordById&id={Parcels}"));
        var after = (await server.GetNodeAsync(Layers))["layers"]!.AsArray().Select(l => (string)l!["id"]!).ToList();
        Assert.Equal(before, after);
        var definition = await server.GetNodeAsync(Layers + "/land_parcels_synthetic");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Store":"land","Title":"Thửa đất (sửa)","Keywords":["địa chính"]}"""), definition), definition.ToJsonString());

        // null resets a field to the store's.
        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic", """{"Title":null}""")).Status);
        Assert.NotEqual("Thửa đất (sửa)", (await server.Client.GetJsonAsync($"ogc/collections/{Parcels}?f=json")).GetProperty("title").GetString());
        var audit = (await server.GetNodeAsync($"admin/api/audit?target={Parcels}"))["entries"]!.AsArray();
        Assert.Equal("Thửa đất (sửa)", (string?)audit[0]!["before"]!["Title"]);
        Assert.Null(audit[0]!["after"]!["Title"]);
    }

    [Fact]
    public async Task A_restricted_layer_is_seen_only_by_its_workspace_and_the_workspaces_keys_and_users_it_names()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        async Task<HttpStatusCode> SeenBy(string? key) => (await server.SendAsync(HttpMethod.Get, $"ogc/collections/{Parcels}/items?limit=1", key: key)).Status;

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic",
            """{"Access":"Restricted","AllowedKeys":["reader"]}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, await SeenBy(null));
        Assert.Equal(HttpStatusCode.OK, await SeenBy(EditingServer.ReaderKey));
        Assert.Equal(HttpStatusCode.NotFound, await SeenBy(EditingServer.OtherEditorKey));
        Assert.Equal(HttpStatusCode.NotFound, await SeenBy(EditingServer.LimitedKey));

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic",
            """{"AllowedKeys":null,"AllowedWorkspaces":["other"]}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, await SeenBy(EditingServer.ReaderKey));
        Assert.Equal(HttpStatusCode.OK, await SeenBy(EditingServer.OtherEditorKey));
        Assert.Equal(HttpStatusCode.OK, await SeenBy(EditingServer.AdminKey));
        var record = await server.SendAsync(HttpMethod.Get, $"csw?service=CSW&version=2.0.2&request=GetRecordById&id={Parcels}", key: null);
        Assert.DoesNotContain(Parcels, record.Body);
    }

    [Fact]
    public async Task Queryables_limit_what_clients_may_filter_by()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic",
            """{"Queryables":["ma_xa","nhom_dat"]}""")).Status);

        var queryables = await server.Client.GetJsonAsync($"ogc/collections/{Parcels}/queryables?f=json");
        Assert.Equal(["geometry", "ma_xa", "nhom_dat"], queryables.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"ogc/collections/{Parcels}/items?filter=nhom_dat%3D'NNP'")).StatusCode);
        var filter = await server.Client.GetAsync($"ogc/collections/{Parcels}/items?filter=ghi_chu%3D'x'");
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("'ghi_chu' is not a queryable", await filter.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.GetAsync($"ogc/collections/{Parcels}/items?ghi_chu=x")).StatusCode);
        // The property is still in the features.
        Assert.Contains("\"ghi_chu\"", await server.Client.GetStringAsync($"ogc/collections/{Parcels}/items?limit=1"));
    }

    [Fact]
    public async Task A_layer_offers_the_stored_styles_it_names_the_first_as_its_default()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        const string styles = Layers + "/land_parcels_synthetic/styles/";
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, styles + "default",
            """{"name":"default","rules":[{"symbolizers":[{"type":"polygon","fill":"#00aa00"}]}]}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, styles + "red",
            """{"name":"red","rules":[{"symbolizers":[{"type":"polygon","fill":"#ff0000","stroke":"#000000","strokeWidth":1}]}]}""")).Status);
        const string tile = $"tiles/{Parcels}/15/26016/14415.png";
        Assert.False(IsRed(PngReader.Read(await server.Client.GetByteArrayAsync(tile))));

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic", """{"Styles":["red","default"]}""")).Status);

        Assert.True(IsRed(PngReader.Read(await server.Client.GetByteArrayAsync(tile))), "red is now the default style");
        var capabilities = await server.Client.GetStringAsync("wms?service=WMS&request=GetCapabilities&version=1.3.0");
        var layer = capabilities[capabilities.IndexOf($"<Name>{Parcels}</Name>", StringComparison.Ordinal)..];
        Assert.True(layer.IndexOf("<Name>red</Name>", StringComparison.Ordinal) < layer.IndexOf("<Name>default</Name>", StringComparison.Ordinal));
        var missing = await server.SendAsync(HttpMethod.Patch, Layers + "/land_parcels_synthetic", """{"Styles":["blue"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("no stored style 'blue'", missing.Body);
    }

    [Fact]
    public async Task A_table_is_published_then_unpublished_with_its_styles_and_metadata_and_the_rest_stays()
    {
        await using var server = await AdminApi.StartWithLandCopyAsync();
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, "admin/api/workspaces/tinh-mau",
            """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg","AutoPublish":false}}}""")).Status);
        Assert.Empty((await server.GetNodeAsync(Layers))["layers"]!.AsArray());

        var publish = await server.SendAsync(HttpMethod.Put, Layers + "/commune_boundary_synthetic", """{"Store":"land","Title":"Ranh giới xã","Temporal":null}""");
        Assert.Equal(HttpStatusCode.Created, publish.Status);
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, Layers + "/land_parcels_synthetic", """{"Store":"land"}""")).Status);
        const string communes = "tinh-mau:commune_boundary_synthetic";
        Assert.Equal("Ranh giới xã", (await server.Client.GetJsonAsync($"ogc/collections/{communes}?f=json")).GetProperty("title").GetString());
        Assert.Contains($"<Name>{communes}</Name>", await server.Client.GetStringAsync("wms?service=WMS&request=GetCapabilities"));
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Put, Layers + "/commune_boundary_synthetic/metadata", """{"TitleEn":"Communes"}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, Layers + "/commune_boundary_synthetic/styles/default",
            """{"name":"default","rules":[{"symbolizers":[{"type":"polygon","fill":"#ff0000"}]}]}""")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, Layers + "/commune_boundary_synthetic")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"ogc/collections/{communes}")).StatusCode);
        Assert.DoesNotContain(communes, await server.Client.GetStringAsync($"csw?service=CSW&version=2.0.2&request=GetRecordById&id={communes}"));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"ogc/collections/catalog/items/{communes}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"ogc/collections/{Parcels}")).StatusCode);
        // Published again, it starts afresh: no metadata, no style.
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, Layers + "/commune_boundary_synthetic", """{"Store":"land"}""")).Status);
        Assert.Equal("{}", (await server.GetNodeAsync(Layers + "/commune_boundary_synthetic/metadata")).ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.SendAsync(HttpMethod.Patch, Layers + "/commune_boundary_synthetic", """{"Styles":["default"]}""")).Status);
        var audit = (await server.GetNodeAsync($"admin/api/audit?target={communes}"))["entries"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
        Assert.Contains("layer.unpublish", audit);
        Assert.Contains("layer.publish", audit);
    }

    [Fact]
    public async Task Unpublishing_one_table_of_a_store_that_published_every_table_keeps_the_others()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        var before = (await server.GetNodeAsync(Layers))["layers"]!.AsArray().Select(l => (string)l!["name"]!).ToList();

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, Layers + "/osm_landuse_hanoi")).Status);

        var after = (await server.GetNodeAsync(Layers))["layers"]!.AsArray().Select(l => (string)l!["name"]!).ToList();
        Assert.Equal(before.Where(n => n != "osm_landuse_hanoi"), after);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("ogc/collections/tinh-mau:osm_landuse_hanoi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Delete, Layers + "/osm_landuse_hanoi")).Status);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadLayers => new()
    {
        { "tinh-mau/layers/nope", """{"Store":"land"}""", HttpStatusCode.BadRequest, "store 'land' has no table 'nope'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"elsewhere"}""", HttpStatusCode.BadRequest, "no store 'elsewhere'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Temporal":"no_such_column"}""", HttpStatusCode.BadRequest, "temporal property 'no_such_column'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Queryables":["geom"]}""", HttpStatusCode.BadRequest, "queryable 'geom'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Access":"Open","AllowedWorkspaces":["ha-noi"]}""", HttpStatusCode.BadRequest, "restricted layers only" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Access":"Restricted","AllowedWorkspaces":["nowhere"]}""", HttpStatusCode.BadRequest, "no workspace 'nowhere'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Access":"Restricted","AllowedKeys":["ghost"]}""", HttpStatusCode.BadRequest, "no API key 'ghost'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Access":"Restricted","AllowedUsers":["ghost"]}""", HttpStatusCode.BadRequest, "no user 'ghost'" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Access":"Hidden"}""", HttpStatusCode.BadRequest, "Access: not a valid access level" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Titel":"x"}""", HttpStatusCode.BadRequest, "'Titel' is not a field of a layer" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Title":"  "}""", HttpStatusCode.BadRequest, "Title must not be blank" },
        { "tinh-mau/layers/land_parcels_synthetic", """{"Store":"land","Keywords":"đất"}""", HttpStatusCode.BadRequest, "Keywords: not a valid list" },
        { "ha-noi/layers/land_parcels_synthetic", """{"Store":"local"}""", HttpStatusCode.Conflict, "configuration file" },
    };

    [Theory]
    [MemberData(nameof(BadLayers))]
    public async Task A_layer_that_does_not_check_out_is_refused_naming_the_problem_and_nothing_changes(string path, string body, HttpStatusCode status, string named)
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        var before = (await server.GetNodeAsync(Layers)).ToJsonString();

        var (answer, problem) = await server.SendAsync(HttpMethod.Put, "admin/api/workspaces/" + path, body);

        Assert.Equal(status, answer);
        Assert.Contains(named, problem);
        Assert.Equal(before, (await server.GetNodeAsync(Layers)).ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Patch, Layers + "/nope", """{"Title":"x"}""")).Status);
    }

    private static bool IsRed(PngReader image) =>
        image.Pixels.Count(p => p.R > 200 && p.G < 60 && p.B < 60 && p.A > 200) > image.Pixels.Length / 10;
}
