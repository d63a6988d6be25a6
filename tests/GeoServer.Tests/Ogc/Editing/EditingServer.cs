using GeoServer.Host.Security;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Editing;

/// <summary>
/// A server of its own for editing tests: workspace "ha-noi" holding the store a test gives, an empty workspace
/// "other", and API keys: an editor of ha-noi, an editor of "other", an agency reader, a global admin and a
/// reader limited to <see cref="Limit"/> requests a minute.
/// </summary>
public static class EditingServer
{
    public const string EditorKey = "editor-key-for-ha-noi-0001";
    public const string OtherEditorKey = "editor-key-for-other-0002";
    public const string ReaderKey = "agency-reader-key-0003";
    public const string AdminKey = "global-admin-key-0004";
    public const string LimitedKey = "limited-key-0005";

    /// <summary>Requests per minute allowed to <see cref="LimitedKey"/>.</summary>
    public const int Limit = 3;

    public static Task<GeoSdiProcess> StartAsync(string folder, object store) => GeoSdiProcess.StartAsync(new
    {
        Server = new { Title = "GeoSDI editing test" },
        Workspaces = new Dictionary<string, object>
        {
            ["ha-noi"] = new { Title = "Hà Nội", Stores = new Dictionary<string, object> { ["local"] = store } },
            ["other"] = new { Title = "Other" },
        },
        Security = new
        {
            ApiKeys = new Dictionary<string, object>
            {
                ["editor"] = new { Hash = SecretHash.OfApiKey(EditorKey), Role = "Editor", Workspaces = new[] { "ha-noi" } },
                ["other-editor"] = new { Hash = SecretHash.OfApiKey(OtherEditorKey), Role = "Editor", Workspaces = new[] { "other" } },
                ["reader"] = new { Hash = SecretHash.OfApiKey(ReaderKey), Role = "Agency" },
                ["admin"] = new { Hash = SecretHash.OfApiKey(AdminKey), Role = "Admin" },
                ["limited"] = new { Hash = SecretHash.OfApiKey(LimitedKey), Role = "Agency", RequestsPerMinute = Limit },
            },
        },
    }, folder);
}
