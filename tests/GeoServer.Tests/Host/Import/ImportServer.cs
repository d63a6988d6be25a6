using System.Net.Http.Headers;
using GeoServer.Host.Security;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host.Import;

/// <summary>
/// A server for import tests: workspace "ha-noi" from its configuration file (the sample land parcels, and with a
/// scratch schema a PostGIS store "db" limited to it), workspace "other", and keys for each role.
/// </summary>
public static class ImportServer
{
    public const string AdminKey = "import-admin-key-0001";
    public const string HanoiAdminKey = "import-hanoi-admin-0002";
    public const string OtherAdminKey = "import-other-admin-0003";
    public const string EditorKey = "import-hanoi-editor-0004";
    public const string ReaderKey = "import-reader-0005";

    public static object Configuration(PostGisScratchSchema? schema = null, int maxUploadMegabytes = 200)
    {
        var stores = new Dictionary<string, object> { ["land"] = new { Type = "geopackage", Path = SampleData.PathOf("land.gpkg") } };
        if (schema is not null) stores["db"] = new { Type = "postgis", PostGisDatabase.ConnectionString, Schemas = new[] { schema.Name } };
        return new
        {
            Server = new { Title = "GeoSDI import test" },
            Import = new { MaxUploadMegabytes = maxUploadMegabytes },
            Workspaces = new Dictionary<string, object>
            {
                ["ha-noi"] = new { Title = "Hà Nội", Stores = stores },
                ["other"] = new { Title = "Other" },
            },
            Security = new
            {
                ApiKeys = new Dictionary<string, object>
                {
                    ["admin"] = new { Hash = SecretHash.OfApiKey(AdminKey), Role = "Admin" },
                    ["hanoi-admin"] = new { Hash = SecretHash.OfApiKey(HanoiAdminKey), Role = "WorkspaceAdmin", Workspaces = new[] { "ha-noi" } },
                    ["other-admin"] = new { Hash = SecretHash.OfApiKey(OtherAdminKey), Role = "WorkspaceAdmin", Workspaces = new[] { "other" } },
                    ["editor"] = new { Hash = SecretHash.OfApiKey(EditorKey), Role = "Editor", Workspaces = new[] { "ha-noi" } },
                    ["reader"] = new { Hash = SecretHash.OfApiKey(ReaderKey), Role = "Agency" },
                },
            },
        };
    }

    public static Task<GeoSdiProcess> StartAsync(PostGisScratchSchema? schema = null, int maxUploadMegabytes = 200, string? folder = null) =>
        GeoSdiProcess.StartAsync(Configuration(schema, maxUploadMegabytes), folder);

    /// <summary>POSTs a file to the workspace's imports as multipart/form-data, with form fields.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this GeoSdiProcess server, string file, string? key = AdminKey, string workspace = "ha-noi",
        params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", Path.GetFileName(file));
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/api/workspaces/{workspace}/imports") { Content = form };
        if (key is not null) request.Headers.Add("X-API-Key", key);
        // As curl does for large uploads: the server may refuse (401, 413) before the body is sent. Without it, a
        // refusal answered while the client is still sending can reach the client as a reset connection instead.
        request.Headers.ExpectContinue = true;
        return await server.Client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(this GeoSdiProcess server, HttpMethod method, string url, string? key = AdminKey)
    {
        using var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        return await server.Client.SendAsync(request);
    }

    /// <summary>Every file under the server's folder of imports, relative to it (empty when there is none).</summary>
    public static List<string> ImportedFiles(this GeoSdiProcess server)
    {
        var folder = Path.Combine(server.Folder, ".geosdi", "imports");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The configuration database's version and its import records, read beside the running server.</summary>
    public static (long Version, long Imports) ConfigurationState(this GeoSdiProcess server)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(server.Folder, ".geosdi", "config.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT version FROM geosdi_config_version), (SELECT count(*) FROM geosdi_imports)";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>The tables of a scratch schema.</summary>
    public static Task<string> TablesAsync(PostGisScratchSchema schema) =>
        PostGisDatabase.ScalarAsync<string>($"SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), '') FROM pg_tables WHERE schemaname = '{schema.Name}'");
}
