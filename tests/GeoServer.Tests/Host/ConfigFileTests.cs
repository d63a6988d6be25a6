using System.Net;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// The server process as an operator starts it: `serve --config FILE` with YAML or JSON, GEOSDI_ environment
/// overrides, and start-up that names a broken store.
/// </summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geosdi-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The collections that are layers (the catalog's records are a collection too).</summary>
    private static IEnumerable<System.Text.Json.JsonElement> Layers(System.Text.Json.JsonElement collections) =>
        collections.GetProperty("collections").EnumerateArray().Where(c => c.GetProperty("itemType").GetString() == "feature");

    private static string Geology => SampleData.PathOf("geology.gpkg").Replace("\\", "/");

    [Fact]
    public async Task A_YAML_config_publishes_only_the_listed_layer_with_its_overrides()
    {
        var config = Write("geosdi.yaml", $"""
            Server:
              Title: Sở TN&MT thử nghiệm
            Workspaces:
              demo:
                Title: Demo
                Stores:
                  geology: {"{"} Type: geopackage, Path: "{Geology}" {"}"}
                Layers:
                  faults_illustrative: {"{"} Store: geology, Title: Đứt gãy chính, Keywords: [geology, faults] {"}"}
            """);

        await using var server = await GeoSdiProcess.StartWithFileAsync(config);
        var collections = await server.Client.GetJsonAsync("/ogc/collections");
        var landing = await server.Client.GetJsonAsync("/ogc");

        var only = Assert.Single(Layers(collections));
        Assert.Equal("demo:faults_illustrative", only.GetProperty("id").GetString());
        Assert.Equal("Đứt gãy chính", only.GetProperty("title").GetString());
        Assert.Equal("Sở TN&MT thử nghiệm", landing.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_environment_variable_overrides_the_config_file()
    {
        var config = Write("geosdi.json", $$"""
            { "Server": { "Title": "From the file" },
              "Workspaces": { "demo": { "Stores": { "geology": { "Type": "geopackage", "Path": "{{Geology}}" } } } } }
            """);

        await using var server = await GeoSdiProcess.StartWithFileAsync(config, ("GEOSDI_Server__Title", "From the environment"));
        var landing = await server.Client.GetJsonAsync("/ogc");
        var collections = await server.Client.GetJsonAsync("/ogc/collections");

        Assert.Equal("From the environment", landing.GetProperty("title").GetString());
        Assert.Equal(3, Layers(collections).Count()); // no layers listed: all of them
    }

    [Fact]
    public async Task A_missing_store_file_stops_start_up_naming_the_store()
    {
        var config = Write("geosdi.json", """
            { "Workspaces": { "demo": { "Stores": { "lost": { "Type": "geopackage", "Path": "nowhere.gpkg" } } } } }
            """);

        var (exitCode, output) = await GeoSdiProcess.RunToExitAsync(config, "serve");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("demo/lost", output);
        Assert.Contains("nowhere.gpkg", output);
    }

    [Fact]
    public async Task With_FailOnBrokenStore_off_the_rest_is_served_and_health_names_the_broken_store()
    {
        var config = Write("geosdi.json", $$"""
            { "Server": { "FailOnBrokenStore": false },
              "Workspaces": { "demo": { "Stores": {
                "lost": { "Type": "geopackage", "Path": "nowhere.gpkg" },
                "geology": { "Type": "geopackage", "Path": "{{Geology}}" } } } } }
            """);

        await using var server = await GeoSdiProcess.StartWithFileAsync(config);
        var collections = await server.Client.GetJsonAsync("/ogc/collections");
        var health = await server.Client.GetAsync("/health");

        Assert.Equal(3, Layers(collections).Count());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("demo/lost", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_command_line_argument_is_refused_with_usage()
    {
        var (exitCode, output) = await GeoSdiProcess.RunToExitAsync(null, "serve --prot");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: geosdi serve", output);
    }

    /// <summary>The built server (GeoServer.Host.dll, copied beside the tests) run as its own process on a free port.</summary>
    [Fact]
    public async Task Geosdi_seed_fills_the_tile_cache_for_a_layer_and_exits()
    {
        var cache = Directory.CreateTempSubdirectory("geosdi-seed-").FullName;
        try
        {
            var (exitCode, output) = await GeoSdiProcess.RunToExitAsync(null, "seed vn:rivers --zooms 0-4",
                ("GEOSDI_DATA_ROOT", SampleData.RepositoryRoot), ("GEOSDI_Tiles__CacheDirectory", cache));

            Assert.True(exitCode == 0, output);
            Assert.Contains("png tiles of vn:rivers", output);
            var tiles = Directory.GetFiles(cache, "*.png", SearchOption.AllDirectories);
            Assert.Contains(tiles, t => t.EndsWith(Path.Combine("vn:rivers", "default", "WebMercatorQuad", "0", "0", "0.png"), StringComparison.Ordinal));
            Assert.True(tiles.Length >= 5);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
