using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// Keys and users managed through the admin API: a new key works at once with exactly its role, disappears
/// when deleted; users log in with Basic; nothing secret is ever listed.
/// </summary>
public sealed class CredentialAdminTests : IAsyncLifetime
{
    private GeoSdiProcess _server = null!;

    public async Task InitializeAsync()
    {
        (_server, _) = await EditingServer.StartOnLandCopyAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key, string? json = null, string? basic = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        if (basic is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(json.StartsWith('{') && json.Contains("\"type\":\"Feature\"") ? "application/geo+json" : "application/json"));
        return _server.Client.SendAsync(request);
    }

    private const string Parcel = """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[105.83,21.13],[105.831,21.13],[105.831,21.131],[105.83,21.13]]]},"properties":{}}""";

    [Fact]
    public async Task A_key_made_through_the_admin_API_works_at_once_with_its_role_and_stops_when_deleted()
    {
        var created = await SendAsync(HttpMethod.Post, "admin/api/keys", EditingServer.AdminKey, """{"name":"province-app","role":"Editor","workspaces":["ha-noi"]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string key = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!;
        Assert.True(key.Length >= 40);

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "ogc/collections/ha-noi:land_parcels_synthetic/items", key, Parcel)).StatusCode);
        var list = await (await SendAsync(HttpMethod.Get, "admin/api/keys", EditingServer.AdminKey)).Content.ReadAsStringAsync();
        Assert.Contains("province-app", list);
        Assert.DoesNotContain("sha256:", list);
        Assert.DoesNotContain(key, list);

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, "admin/api/keys", EditingServer.AdminKey, """{"name":"province-app","role":"Agency"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "admin/api/keys/province-app", EditingServer.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "ogc/collections", key)).StatusCode);
    }

    [Fact]
    public async Task A_user_made_through_the_admin_API_logs_in_with_Basic()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "admin/api/users/lan", EditingServer.AdminKey, """{"password":"short","role":"Agency"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, "admin/api/users/lan", EditingServer.AdminKey,
            """{"password":"mật khẩu đủ dài 2026","role":"Editor","workspaces":["ha-noi"]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "ogc/collections/ha-noi:land_parcels_synthetic/items", null, Parcel, basic: "lan:mật khẩu đủ dài 2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "ogc/collections", null, basic: "lan:wrong password here")).StatusCode);
        // A new password replaces the old at once, even though the old one was remembered.
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Put, "admin/api/users/lan", EditingServer.AdminKey,
            """{"password":"một mật khẩu mới hơn","role":"Agency"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "ogc/collections", null, basic: "lan:mật khẩu đủ dài 2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "ogc/collections/ha-noi:land_parcels_synthetic/items", null, Parcel, basic: "lan:một mật khẩu mới hơn")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","role":"Editor"}""", "workspaces")]
    [InlineData("""{"name":"x","role":"Editor","workspaces":["nowhere"]}""", "nowhere")]
    [InlineData("""{"name":"../etc","role":"Agency"}""", "name")]
    [InlineData("""{"name":"x","role":"Emperor"}""", "not a key or user")]
    [InlineData("""{"name":"editor","role":"Agency"}""", "already")]
    public async Task A_bad_key_request_is_refused_naming_the_problem(string body, string named)
    {
        var response = await SendAsync(HttpMethod.Post, "admin/api/keys", EditingServer.AdminKey, body);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, response.StatusCode.ToString());
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_admins_manage_credentials()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "admin/api/keys", EditingServer.EditorKey, """{"name":"mine","role":"Admin"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "admin/api/users", null)).StatusCode);
    }
}
