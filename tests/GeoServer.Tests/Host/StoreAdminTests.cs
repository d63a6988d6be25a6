using System.Net;
using System.Text.Json.Nodes;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;
using Microsoft.Data.Sqlite;

namespace GeoServer.Tests.Host;

/// <summary>
/// /admin/api/workspaces/{ws}/stores: a database workspace's stores one by one (listed, read, put, tested, deleted,
/// each change audited and served at once), precise refusals, and connection-string passwords that never come back
/// out: not in answers, not in the audit log, not in a connection test's error.
/// </summary>
public sealed class StoreAdminTests
{
    private const string Stores = "admin/api/workspaces/tinh-mau/stores";

    [Fact]
    public async Task A_store_is_put_read_tested_and_deleted_each_change_served_and_audited()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        File.Copy(SampleData.PathOf("geology.gpkg"), Path.Combine(server.Folder, "geology.gpkg"));

        var put = await server.SendAsync(HttpMethod.Put, Stores + "/geology", """{"Type":"geopackage","Path":"geology.gpkg","Access":"Shared"}""");
        Assert.Equal(HttpStatusCode.Created, put.Status);
        var geology = await server.GetNodeAsync(Stores + "/geology");
        Assert.Equal("geology.gpkg", (string?)geology["Path"]);
        Assert.Equal("Shared", (string?)geology["Access"]);
        var list = await server.GetNodeAsync(Stores);
        var listed = list["stores"]!.AsArray().Single(s => (string?)s!["name"] == "geology")!;
        Assert.Equal("database", (string?)listed["source"]);
        string layer = (string)listed["layers"]!.AsArray().First()!;
        Assert.StartsWith("tinh-mau:", layer);
        // A shared layer: served to agencies at once, hidden from anonymous callers.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"ogc/collections/{layer}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Get, $"ogc/collections/{layer}", key: EditingServer.ReaderKey)).Status);

        var test = JsonNode.Parse((await server.SendAsync(HttpMethod.Post, Stores + "/geology/test")).Body)!;
        Assert.True((bool)test["reachable"]!);
        Assert.Contains(layer["tinh-mau:".Length..], test["tables"]!.AsArray().Select(t => (string)t!));
        Assert.Contains(layer, test["layers"]!.AsArray().Select(t => (string)t!));

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, Stores + "/geology")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Get, $"ogc/collections/{layer}", key: EditingServer.ReaderKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Get, Stores + "/geology")).Status);
        var audit = (await server.GetNodeAsync("admin/api/audit?target=workspace:tinh-mau/stores/geology"))["entries"]!.AsArray();
        Assert.Equal(["store.delete", "store.create"], audit.Select(e => (string)e!["action"]!));
        Assert.Equal("geology.gpkg", (string?)audit[1]!["after"]!["Path"]);
        Assert.Equal("key:admin", (string?)audit[1]!["who"]);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadPuts => new()
    {
        { "tinh-mau/stores/x", """{"Type":"geopackage","Path":"../../etc/passwd"}""", HttpStatusCode.BadRequest, "relative" },
        { "tinh-mau/stores/x", """{"Type":"geopackage","Path":"/etc/passwd"}""", HttpStatusCode.BadRequest, "relative" },
        { "tinh-mau/stores/x", """{"Type":"geopackage","Path":"missing.gpkg"}""", HttpStatusCode.BadRequest, "Store 'x' cannot be opened" },
        { "tinh-mau/stores/x", """{"Type":"shapefile","Path":"land.gpkg"}""", HttpStatusCode.BadRequest, "Unknown store type 'shapefile'" },
        { "tinh-mau/stores/x", """{"Type":"geopackage","Pth":"land.gpkg"}""", HttpStatusCode.BadRequest, "'Pth' is not a field of a store" },
        { "tinh-mau/stores/x", """{"Type":"geopackage","Path":"unused.gpkg","Access":"Secret"}""", HttpStatusCode.BadRequest, "Access: not a valid access level" },
        { "tinh-mau/stores/x", """{"Type":"geopackage","Path":"unused.gpkg","StatementTimeoutSeconds":"soon"}""", HttpStatusCode.BadRequest, "StatementTimeoutSeconds" },
        // unused.gpkg is a copy of land.gpkg: its tables would be published twice.
        { "tinh-mau/stores/x", """{"Type":"geopackage","Path":"unused.gpkg"}""", HttpStatusCode.BadRequest, "would be published by stores 'land' and 'x'" },
        { "tinh-mau/stores/bad%20name", """{"Type":"geopackage","Path":"land.gpkg"}""", HttpStatusCode.BadRequest, "Store name" },
        { "tinh-mau/stores/x", "[1,2]", HttpStatusCode.BadRequest, "JSON object" },
        { "tinh-mau/stores/x", "{not json", HttpStatusCode.BadRequest, "not JSON" },
        { "ha-noi/stores/local", """{"Type":"geopackage","Path":"land.gpkg"}""", HttpStatusCode.Conflict, "configuration file" },
        { "nowhere/stores/x", """{"Type":"geopackage","Path":"land.gpkg"}""", HttpStatusCode.NotFound, "No workspace 'nowhere'" },
    };

    [Theory]
    [MemberData(nameof(BadPuts))]
    public async Task A_store_that_does_not_check_out_is_refused_naming_the_problem_and_nothing_changes(string path, string body, HttpStatusCode status, string named)
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();

        var (answer, problem) = await server.SendAsync(HttpMethod.Put, "admin/api/workspaces/" + path, body);

        Assert.Equal(status, answer);
        Assert.Contains(named, problem);
        Assert.Contains("\"status\":" + (int)status, problem);
        var stores = (await server.GetNodeAsync(Stores))["stores"]!.AsArray();
        Assert.Equal(["land"], stores.Select(s => (string)s!["name"]!));
    }

    [Fact]
    public async Task A_store_with_listed_layers_or_the_last_store_is_not_deleted()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        var only = await server.SendAsync(HttpMethod.Delete, Stores + "/land");
        Assert.Equal(HttpStatusCode.Conflict, only.Status);
        Assert.Contains("only store", only.Body);

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Patch, "admin/api/workspaces/tinh-mau/layers/osm_landuse_hanoi", """{"Title":"Đất"}""")).Status);
        var listed = await server.SendAsync(HttpMethod.Delete, Stores + "/land");
        Assert.Equal(HttpStatusCode.Conflict, listed.Status);
        Assert.Contains("osm_landuse_hanoi", listed.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Delete, Stores + "/none")).Status);
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_tests_as_unreachable_with_its_reason()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();

        var (status, body) = await server.SendAsync(HttpMethod.Post, Stores + "/x/test", """{"Type":"geopackage","Path":"missing.gpkg"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.False((bool)answer["reachable"]!);
        Assert.Contains("missing.gpkg", (string?)answer["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.SendAsync(HttpMethod.Post, Stores + "/x/test", """{"Type":"geopackage","Path":"/etc/passwd"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Post, Stores + "/x/test")).Status);
    }

    [Fact]
    public async Task A_raster_store_publishes_its_file_as_one_layer()
    {
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        File.Copy(SampleData.PathOf("raster/bluemarble_vn.tif"), Path.Combine(server.Folder, "bluemarble_vn.tif"));

        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, Stores + "/imagery", """{"Type":"gdal","Path":"bluemarble_vn.tif"}""")).Status);

        var test = JsonNode.Parse((await server.SendAsync(HttpMethod.Post, Stores + "/imagery/test")).Body)!;
        Assert.Equal(["bluemarble_vn"], test["tables"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("ogc/collections/tinh-mau:bluemarble_vn")).StatusCode);
        var unpublish = await server.SendAsync(HttpMethod.Delete, "admin/api/workspaces/tinh-mau/layers/bluemarble_vn");
        Assert.Equal(HttpStatusCode.Conflict, unpublish.Status);
        Assert.Contains("delete the store", unpublish.Body);
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task A_connection_string_password_never_leaves_the_server()
    {
        const string password = "s3cret-Pa55word";
        await using var schema = await EditingServer.CreateParcelsCopyAsync();
        await using var server = await AdminApi.StartWithLandWorkspaceAsync();
        string connection = PostGisDatabase.ConnectionString + $";Password={password}";
        string store = System.Text.Json.JsonSerializer.Serialize(new { Type = "postgis", ConnectionString = connection, Tables = new[] { schema.Name + ".parcels" } });

        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Put, Stores + "/db", store)).Status);
        var read = await server.SendAsync(HttpMethod.Get, Stores + "/db");
        var list = await server.SendAsync(HttpMethod.Get, Stores);
        var test = await server.SendAsync(HttpMethod.Post, Stores + "/db/test");
        Assert.Contains("Password=***", read.Body);
        Assert.Contains($"{schema.Name}.parcels", test.Body);
        Assert.Contains("\"reachable\":true", test.Body);

        // What an admin GETs, changes and PUTs back keeps the stored password.
        var changed = JsonNode.Parse(read.Body)!;
        changed["StatementTimeoutSeconds"] = 10;
        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Put, Stores + "/db", changed.ToJsonString())).Status);
        Assert.Contains($"Password={password}", StoredDefinition(server, "tinh-mau"));

        // A failing connection's message names the problem, never the password.
        string wrongUser = PostGisDatabase.ConnectionString.Replace("Username=", "Username=nobody_here_", StringComparison.OrdinalIgnoreCase) + $";Password={password}";
        var failed = await server.SendAsync(HttpMethod.Post, Stores + "/other/test",
            System.Text.Json.JsonSerializer.Serialize(new { Type = "postgis", ConnectionString = wrongUser }));
        Assert.Contains("\"reachable\":false", failed.Body);
        Assert.Contains("nobody_here_", failed.Body);
        var refused = await server.SendAsync(HttpMethod.Put, Stores + "/other", System.Text.Json.JsonSerializer.Serialize(new { Type = "postgis", ConnectionString = wrongUser }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        var audit = await server.SendAsync(HttpMethod.Get, "admin/api/audit?target=workspace:tinh-mau");
        Assert.Contains("Password=***", audit.Body);
        foreach (var answer in new[] { read.Body, list.Body, test.Body, failed.Body, refused.Body, audit.Body })
            Assert.DoesNotContain(password, answer);
    }

    /// <summary>The workspace's definition as the configuration database holds it.</summary>
    private static string StoredDefinition(GeoSdiProcess server, string workspace)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(server.Folder, ".geosdi", "config.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT definition FROM geosdi_workspaces WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", workspace);
        return (string)cmd.ExecuteScalar()!;
    }
}
