using GeoServer.Host.Security;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// A server of its own for download tests: the workspaces a test gives, packages made in the server's folder
/// ("downloads", so a test can see it emptied), small limits, the licence and English title of the populated places
/// in the catalog, a member of the first workspace, a reader whose usage a test reads and an admin who reads it.
/// </summary>
public static class DownloadServer
{
    public const string MemberKey = "download-test-vn-member-0001";
    public const string MeteredKey = "download-test-metered-0002";
    public const string AdminKey = "download-test-admin-0003";
    public const long MaxFeatures = 5000;
    public const long MaxMegabytes = 2;
    public const string Licence = "ODbL 1.0";
    public const string LicenceUrl = "https://opendatacommons.org/licenses/odbl/1-0/";

    public static Task<GeoSdiProcess> StartAsync(Dictionary<string, object> workspaces) => GeoSdiProcess.StartAsync(new
    {
        Server = new { Title = "GeoSDI download test" },
        Downloads = new { MaxFeatures, MaxMegabytes, TempDirectory = "downloads" },
        Workspaces = workspaces,
        Security = new
        {
            ApiKeys = new Dictionary<string, object>
            {
                ["vn-member"] = new { Hash = SecretHash.OfApiKey(MemberKey), Role = "Member", Workspaces = workspaces.Keys.Take(1).ToArray() },
                ["metered"] = new { Hash = SecretHash.OfApiKey(MeteredKey), Role = "Agency" },
                ["admin"] = new { Hash = SecretHash.OfApiKey(AdminKey), Role = "Admin" },
            },
        },
        Catalog = new
        {
            Records = new Dictionary<string, object>
            {
                ["vn:populated_places"] = new { TitleEn = "Populated places", Licence, LicenceUrl },
            },
        },
    });

    /// <summary>Where the server puts packages together.</summary>
    public static string TempDirectory(GeoSdiProcess server) => Path.Combine(server.Folder, "downloads");

    /// <summary>Waits (up to 30 s: a response can reach the client just before its folder goes) until no package folder is left.</summary>
    public static async Task AssertTempDirectoryEmptiesAsync(GeoSdiProcess server)
    {
        var folder = TempDirectory(server);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] left = [];
        while (DateTime.UtcNow < deadline)
        {
            left = Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder) : [];
            if (left.Length == 0) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The download folder still holds {string.Join(", ", left.Select(Path.GetFileName))}.");
    }
}
