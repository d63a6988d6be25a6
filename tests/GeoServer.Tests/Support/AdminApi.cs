using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GeoServer.Tests.Ogc.Editing;

namespace GeoServer.Tests.Support;

/// <summary>Requests to the admin API and a server to send them to: the editing server, with land.gpkg copies in its folder to publish.</summary>
public static class AdminApi
{
    /// <summary>Workspace "tinh-mau" of the configuration database: store "land" (a copy of land.gpkg) publishing every table.</summary>
    public const string LandWorkspace = """{"Title":"Tỉnh mẫu","Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}}}""";

    public static HttpRequestMessage Request(HttpMethod method, string url, string? key, string? json = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
        return request;
    }

    /// <summary>The editing server (file workspaces "ha-noi" and "other") with land.gpkg and unused.gpkg copies in its folder.</summary>
    public static async Task<GeoSdiProcess> StartWithLandCopyAsync()
    {
        var folder = Directory.CreateTempSubdirectory("geosdi-admin-").FullName;
        File.Copy(SampleData.PathOf("land.gpkg"), Path.Combine(folder, "land.gpkg"));
        File.Copy(SampleData.PathOf("land.gpkg"), Path.Combine(folder, "unused.gpkg"));
        return await EditingServer.StartAsync(folder, new { Type = "geopackage", Path = "unused.gpkg" });
    }

    /// <summary>The same, with workspace "tinh-mau" (<see cref="LandWorkspace"/>) put.</summary>
    public static async Task<GeoSdiProcess> StartWithLandWorkspaceAsync()
    {
        var server = await StartWithLandCopyAsync();
        var put = await server.Client.SendAsync(Request(HttpMethod.Put, "admin/api/workspaces/tinh-mau", EditingServer.AdminKey, LandWorkspace));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return server;
    }

    /// <summary>Sends as the global admin; the status and the body (JSON when there is one).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(this GeoSdiProcess server, HttpMethod method, string url, string? json = null,
        string mediaType = "application/json", string? key = EditingServer.AdminKey)
    {
        var response = await server.Client.SendAsync(Request(method, url, key, json, mediaType));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonNode> GetNodeAsync(this GeoSdiProcess server, string url, string? key = EditingServer.AdminKey)
    {
        var (status, body) = await server.SendAsync(HttpMethod.Get, url, key: key);
        Assert.True(status == HttpStatusCode.OK, $"GET {url}: {(int)status} {body}");
        return JsonNode.Parse(body)!;
    }
}
