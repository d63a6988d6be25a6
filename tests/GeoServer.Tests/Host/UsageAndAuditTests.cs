using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// Usage is metered per caller, workspace, layer and service (requests, features, bytes) and reported to admins as
/// JSON and CSV; every edit is in the audit log with who, what and the feature before and after; a key's rate
/// limit answers 429 with Retry-After.
/// </summary>
public sealed class UsageAndAuditTests : IAsyncLifetime
{
    private const string Layer = "ha-noi:land_parcels_synthetic";
    private GeoSdiProcess _server = null!;

    public async Task InitializeAsync()
    {
        (_server, _) = await EditingServer.StartOnLandCopyAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key, string? body = null, string? contentType = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType!));
        return _server.Client.SendAsync(request);
    }

    [Fact]
    public async Task Requests_features_and_bytes_are_reported_per_caller_layer_and_service()
    {
        long bytes = 0;
        for (int i = 0; i < 3; i++)
        {
            var response = await SendAsync(HttpMethod.Get, $"ogc/collections/{Layer}/items?limit=5", EditingServer.ReaderKey);
            bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        JsonObject? row = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (row is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var report = JsonNode.Parse(await (await SendAsync(HttpMethod.Get, "admin/api/usage?by=caller,workspace,layer,service", EditingServer.AdminKey)).Content.ReadAsStringAsync())!;
            row = report["rows"]!.AsArray().Select(r => r!.AsObject())
                .FirstOrDefault(r => (string?)r["caller"] == "key:reader" && (string?)r["layer"] == Layer && (string?)r["service"] == "ogcapi");
        }
        Assert.NotNull(row);
        Assert.Equal("ha-noi", (string?)row["workspace"]);
        Assert.Equal(3, (long)row["requests"]!);
        Assert.Equal(15, (long)row["features"]!);
        Assert.Equal(bytes, (long)row["bytes"]!);

        var csv = await SendAsync(HttpMethod.Get, "admin/api/usage?by=caller,layer&f=csv", EditingServer.AdminKey);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("day,caller,workspace,layer,service,requests,features,bytes", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($",key:reader,,{Layer},,3,15,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_admins_read_usage_and_audit()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "admin/api/usage", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "admin/api/audit", EditingServer.EditorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "admin/api/usage?by=colour", EditingServer.AdminKey)).StatusCode);
    }

    [Fact]
    public async Task Every_edit_is_audited_with_who_what_and_the_feature_before_and_after()
    {
        var before = JsonNode.Parse(await _server.Client.GetStringAsync($"ogc/collections/{Layer}/items/7"))!;
        var patch = await SendAsync(HttpMethod.Patch, $"ogc/collections/{Layer}/items/7", EditingServer.EditorKey,
            """{"properties":{"ghi_chu":"đã đo lại"}}""", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);

        var audit = JsonNode.Parse(await (await SendAsync(HttpMethod.Get, $"admin/api/audit?target={Layer}/7", EditingServer.AdminKey)).Content.ReadAsStringAsync())!;
        var entry = audit["entries"]!.AsArray().Single()!;
        Assert.Equal("key:editor", (string?)entry["who"]);
        Assert.Equal("feature.update", (string?)entry["action"]);
        Assert.Equal($"{Layer}/7", (string?)entry["target"]);
        Assert.Equal((string?)before["properties"]!["so_thua"]?.ToString(), entry["before"]!["properties"]!["so_thua"]?.ToString());
        Assert.Equal("đã đo lại", (string?)entry["after"]!["properties"]!["ghi_chu"]);
        Assert.StartsWith("POLYGON", (string?)entry["before"]!["geometry"]);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse((string)entry["when"]!) < TimeSpan.FromMinutes(1));
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Nodes_sharing_a_PostgreSQL_state_database_add_up_one_usage_report_and_one_audit_log()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("SELECT 1");
        string shared = PostGisDatabase.ConnectionString + $";Search Path={schema.Name}";
        async Task<GeoSdiProcess> NodeAsync()
        {
            var folder = Directory.CreateTempSubdirectory("geosdi-node-").FullName;
            File.Copy(SampleData.PathOf("land.gpkg"), Path.Combine(folder, "land.gpkg"));
            return await GeoSdiProcess.StartAsync(new
            {
                Server = new { StateDatabase = shared, ConfigurationDatabase = shared },
                Workspaces = new Dictionary<string, object> { ["ha-noi"] = new { Stores = new { land = new { Type = "geopackage", Path = "land.gpkg" } } } },
                Security = new
                {
                    ApiKeys = new Dictionary<string, object>
                    {
                        ["reader"] = new { Hash = GeoServer.Host.Security.SecretHash.OfApiKey(EditingServer.ReaderKey), Role = "Agency" },
                        ["admin"] = new { Hash = GeoServer.Host.Security.SecretHash.OfApiKey(EditingServer.AdminKey), Role = "Admin" },
                    },
                },
            }, folder);
        }
        await using var a = await NodeAsync();
        await using var b = await NodeAsync();
        foreach (var node in new[] { a, b, b })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"ogc/collections/{Layer}/items?limit=2");
            request.Headers.Add("X-API-Key", EditingServer.ReaderKey);
            Assert.Equal(HttpStatusCode.OK, (await node.Client.SendAsync(request)).StatusCode);
        }
        long requests = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (requests < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var report = new HttpRequestMessage(HttpMethod.Get, "admin/api/usage?by=caller,layer");
            report.Headers.Add("X-API-Key", EditingServer.AdminKey);
            var rows = JsonNode.Parse(await (await a.Client.SendAsync(report)).Content.ReadAsStringAsync())!["rows"]!.AsArray();
            requests = rows.Where(r => (string?)r!["caller"] == "key:reader" && (string?)r["layer"] == Layer).Select(r => (long)r!["requests"]!).SingleOrDefault();
        }
        Assert.Equal(3, requests);
    }

    [Fact]
    public async Task A_key_past_its_rate_limit_gets_429_with_Retry_After()
    {
        for (int i = 0; i < EditingServer.Limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "ogc/collections?f=json", EditingServer.LimitedKey)).StatusCode);
        var refused = await SendAsync(HttpMethod.Get, "ogc/collections?f=json", EditingServer.LimitedKey);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        // Other callers are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "ogc/collections?f=json", EditingServer.ReaderKey)).StatusCode);
    }
}
