using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GeoServer.Host.Security;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// Publishing while the server runs: an admin PUTs a workspace (stores and layers), it is checked, saved and served
/// at once, on every service; a second node sharing the PostgreSQL configuration serves it within seconds.
/// </summary>
public sealed class WorkspaceAdminTests
{
    private static HttpRequestMessage Request(HttpMethod method, string url, string? key, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return request;
    }

    private static async Task<GeoSdiProcess> StartWithLandCopyAsync()
    {
        var folder = Directory.CreateTempSubdirectory("geosdi-admin-").FullName;
        File.Copy(SampleData.PathOf("land.gpkg"), Path.Combine(folder, "land.gpkg"));
        File.Copy(SampleData.PathOf("land.gpkg"), Path.Combine(folder, "unused.gpkg"));
        return await EditingServer.StartAsync(folder, new { Type = "geopackage", Path = "unused.gpkg" });
    }

    [Fact]
    public async Task A_workspace_put_through_the_admin_API_is_served_and_catalogued_at_once_and_gone_after_delete()
    {
        await using var server = await StartWithLandCopyAsync();
        const string workspace = """{"Title":"Tỉnh mẫu","Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}},"Layers":{"land_parcels_synthetic":{"Store":"land","Title":"Thửa đất tỉnh mẫu"}}}""";
        var put = await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau", EditingServer.AdminKey, workspace));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("ogc/collections/tinh-mau:land_parcels_synthetic/items?limit=1")).StatusCode);
        Assert.Contains("<Name>tinh-mau:land_parcels_synthetic</Name>", await server.Client.GetStringAsync("wms?service=WMS&request=GetCapabilities"));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("tiles/tinh-mau:land_parcels_synthetic/15/26016/14415.png")).StatusCode);
        const string record = "csw?service=CSW&version=2.0.2&request=GetRecordById&id=tinh-mau:land_parcels_synthetic&ElementSetName=brief";
        Assert.Contains(">tinh-mau:land_parcels_synthetic</dc:identifier>", await server.Client.GetStringAsync(record));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("ogc/collections/catalog/items/tinh-mau:land_parcels_synthetic?f=json")).StatusCode);
        var audit = await (await server.Client.SendAsync(Request(HttpMethod.Get, "admin/api/audit?target=workspace:tinh-mau", EditingServer.AdminKey))).Content.ReadAsStringAsync();
        Assert.Contains("workspace.create", audit);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Request(HttpMethod.Delete, "admin/api/workspaces/tinh-mau", EditingServer.AdminKey))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("ogc/collections/tinh-mau:land_parcels_synthetic")).StatusCode);
        Assert.DoesNotContain(">tinh-mau:land_parcels_synthetic</dc:identifier>", await server.Client.GetStringAsync(record));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("ogc/collections/catalog/items/tinh-mau:land_parcels_synthetic?f=json")).StatusCode);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadPuts => new()
    {
        { "tinh-mau", """{"Stores":{"land":{"Type":"geopackage","Path":"missing.gpkg"}}}""", HttpStatusCode.BadRequest, "Store 'land'" },
        { "tinh-mau", """{"Stores":{"land":{"Type":"geopackage","Path":"../../../../etc/passwd"}}}""", HttpStatusCode.BadRequest, "relative" },
        { "tinh-mau", """{"Stores":{"land":{"Type":"geopackage","Path":"/etc/passwd"}}}""", HttpStatusCode.BadRequest, "relative" },
        { "tinh-mau", """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}},"Layers":{"nope":{"Store":"land"}}}""", HttpStatusCode.BadRequest, "no table 'nope'" },
        { "tinh-mau", """{"Stores":{"land":{"Type":"shapefile","Path":"land.gpkg"}}}""", HttpStatusCode.BadRequest, "shapefile" },
        { "tinh-mau", "{not json", HttpStatusCode.BadRequest, "not a workspace" },
        { "Bad Id", """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}}}""", HttpStatusCode.BadRequest, "lower-case" },
        { "ha-noi", """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}}}""", HttpStatusCode.Conflict, "configuration file" },
    };

    [Theory]
    [MemberData(nameof(BadPuts))]
    public async Task A_workspace_that_does_not_check_out_is_refused_naming_the_problem_and_nothing_is_published(string id, string body, HttpStatusCode status, string named)
    {
        await using var server = await StartWithLandCopyAsync();
        var response = await server.Client.SendAsync(Request(HttpMethod.Put, $"admin/api/workspaces/{Uri.EscapeDataString(id)}", EditingServer.AdminKey, body));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
        var list = await (await server.Client.SendAsync(Request(HttpMethod.Get, "admin/api/workspaces", EditingServer.AdminKey))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"database\"", list);
    }

    [Fact]
    public async Task A_style_put_through_the_admin_API_redraws_the_layer_and_drops_its_cached_tiles()
    {
        await using var server = await StartWithLandCopyAsync();
        const string workspace = """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}},"Layers":{"land_parcels_synthetic":{"Store":"land"}}}""";
        Assert.Equal(HttpStatusCode.Created, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau", EditingServer.AdminKey, workspace))).StatusCode);
        const string tile = "tiles/tinh-mau:land_parcels_synthetic/15/26016/14415.png";
        var before = PngReader.Read(await server.Client.GetByteArrayAsync(tile));
        string cached = XyzTiles.CachedFile(server.CacheDirectory, "tinh-mau:land_parcels_synthetic", 15, 26016, 14415, "png");
        Assert.True(File.Exists(cached));

        const string red = """{"name":"default","rules":[{"symbolizers":[{"type":"polygon","fill":"#ff0000","stroke":"#000000","strokeWidth":1}]}]}""";
        var put = await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau/layers/land_parcels_synthetic/styles/default", EditingServer.AdminKey, red));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.False(File.Exists(cached), "the layer's cached tiles are dropped");

        var after = PngReader.Read(await server.Client.GetByteArrayAsync(tile));
        Assert.True(after.Pixels.Count(p => p.R > 200 && p.G < 60 && p.B < 60 && p.A > 200) > after.Pixels.Length / 10, "the parcels are now red");
        Assert.True(before.Pixels.Count(p => p.R > 200 && p.G < 60 && p.B < 60 && p.A > 200) < before.Pixels.Length / 100, "they were not before");

        var wrongName = await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau/layers/land_parcels_synthetic/styles/blue", EditingServer.AdminKey, red));
        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        var broken = await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau/layers/land_parcels_synthetic/styles/default", EditingServer.AdminKey,
            """{"name":"default","rules":[{"filter":"no_such_column = 1","symbolizers":[{"type":"polygon","fill":"#00ff00"}]}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("no_such_column", await broken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_workspace_admin_changes_its_own_workspace_and_nothing_else()
    {
        await using var server = await StartWithLandCopyAsync();
        const string workspace = """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}},"Layers":{"land_parcels_synthetic":{"Store":"land"}}}""";
        Assert.Equal(HttpStatusCode.Created, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau", EditingServer.AdminKey, workspace))).StatusCode);
        var created = await server.Client.SendAsync(Request(HttpMethod.Post, "admin/api/keys", EditingServer.AdminKey, """{"name":"tinh-mau-admin","role":"WorkspaceAdmin","workspaces":["tinh-mau"]}"""));
        string key = (string)System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!;

        const string style = """{"name":"default","rules":[{"symbolizers":[{"type":"polygon","fill":"#00aa00"}]}]}""";
        Assert.Equal(HttpStatusCode.Created, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau/layers/land_parcels_synthetic/styles/default", key, style))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau", key, workspace))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.SendAsync(Request(HttpMethod.Delete, "admin/api/workspaces/tinh-mau", key))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-khac", key, workspace))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.SendAsync(Request(HttpMethod.Get, "admin/api/usage", key))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.SendAsync(Request(HttpMethod.Post, "admin/api/keys", key, """{"name":"mine","role":"Admin"}"""))).StatusCode);
    }

    [Fact]
    public async Task The_admin_API_describes_itself_in_OpenAPI()
    {
        await using var server = await StartWithLandCopyAsync();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await server.Client.GetStringAsync("admin/api/openapi.json"))!;
        Assert.StartsWith("3.", (string?)document["openapi"]);
        var paths = document["paths"]!.AsObject();
        Assert.NotNull(paths["/admin/api/workspaces/{id}"]!["put"]);
        Assert.NotNull(paths["/admin/api/usage"]!["get"]);
        Assert.NotNull(paths["/admin/api/audit"]!["get"]);
        foreach (var (path, methods) in new[]
        {
            ("/admin/api/workspaces/{workspace}/stores", new[] { "get" }),
            ("/admin/api/workspaces/{workspace}/stores/{store}", ["get", "put", "delete"]),
            ("/admin/api/workspaces/{workspace}/stores/{store}/test", ["post"]),
            ("/admin/api/workspaces/{workspace}/layers", ["get"]),
            ("/admin/api/workspaces/{workspace}/layers/{layer}", ["get", "put", "patch", "delete"]),
            ("/admin/api/workspaces/{workspace}/layers/{layer}/metadata", ["get", "put", "patch", "delete"]),
        })
            foreach (var method in methods)
                Assert.True(paths[path]?[method] is not null, $"{method} {path}");
        // Bodies are described by their schemas: a layer's access level and a record's topic categories among them.
        var layerPut = paths["/admin/api/workspaces/{workspace}/layers/{layer}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var schemas = document["components"]!["schemas"]!;
        string layerSchema = ((string)layerPut["$ref"]!).Split('/')[^1];
        Assert.NotNull(schemas[layerSchema]!["properties"]!["AllowedWorkspaces"]);
        Assert.Contains("Restricted", schemas["AccessLevel"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("inlandWaters", schemas["TopicCategory"]!["enum"]!.AsArray().Select(v => (string?)v));
        var metadataPatch = paths["/admin/api/workspaces/{workspace}/layers/{layer}/metadata"]!["patch"]!["requestBody"]!["content"]!;
        Assert.NotNull(metadataPatch["application/merge-patch+json"]);
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/ogc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_admins_publish()
    {
        await using var server = await StartWithLandCopyAsync();
        const string body = """{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}}}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/x", null, body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/x", EditingServer.EditorKey, body))).StatusCode);
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Two_nodes_sharing_a_PostgreSQL_configuration_serve_what_either_publishes()
    {
        await using var schema = await EditingServer.CreateParcelsCopyAsync();
        string configuration = PostGisDatabase.ConnectionString + $";Search Path={schema.Name}";
        object Node() => new
        {
            Server = new { ConfigurationDatabase = configuration },
            Workspaces = new Dictionary<string, object>(),
            Security = new { ApiKeys = new Dictionary<string, object> { ["admin"] = new { Hash = SecretHash.OfApiKey(EditingServer.AdminKey), Role = "Admin" } } },
        };
        await using var a = await GeoSdiProcess.StartAsync(Node());
        await using var b = await GeoSdiProcess.StartAsync(Node());

        string workspace = System.Text.Json.JsonSerializer.Serialize(new
        {
            Stores = new { db = new { Type = "postgis", PostGisDatabase.ConnectionString, Tables = new[] { schema.Name + ".parcels" } } },
        });
        Assert.Equal(HttpStatusCode.Created, (await a.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/cluster", EditingServer.AdminKey, workspace))).StatusCode);
        string items = $"ogc/collections/cluster:{schema.Name}.parcels/items?limit=1";
        Assert.Equal(HttpStatusCode.OK, (await a.Client.GetAsync(items)).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode onB;
        while ((onB = (await b.Client.GetAsync(items)).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(HttpStatusCode.OK, onB);

        Assert.Equal(HttpStatusCode.NoContent, (await b.Client.SendAsync(Request(HttpMethod.Delete, "admin/api/workspaces/cluster", EditingServer.AdminKey))).StatusCode);
        deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode onA;
        while ((onA = (await a.Client.GetAsync(items)).StatusCode) != HttpStatusCode.NotFound && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(HttpStatusCode.NotFound, onA);
    }
}
