using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

        await using var server = await ServerProcess.StartAsync(config);
        var collections = await server.Client.GetJsonAsync("/ogc/collections");
        var landing = await server.Client.GetJsonAsync("/ogc");

        var only = Assert.Single(collections.GetProperty("collections").EnumerateArray());
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

        await using var server = await ServerProcess.StartAsync(config, ("GEOSDI_Server__Title", "From the environment"));
        var landing = await server.Client.GetJsonAsync("/ogc");
        var collections = await server.Client.GetJsonAsync("/ogc/collections");

        Assert.Equal("From the environment", landing.GetProperty("title").GetString());
        Assert.Equal(3, collections.GetProperty("collections").GetArrayLength()); // no layers listed: all of them
    }

    [Fact]
    public async Task A_missing_store_file_stops_start_up_naming_the_store()
    {
        var config = Write("geosdi.json", """
            { "Workspaces": { "demo": { "Stores": { "lost": { "Type": "geopackage", "Path": "nowhere.gpkg" } } } } }
            """);

        var (exitCode, output) = await ServerProcess.RunToExitAsync(config);

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

        await using var server = await ServerProcess.StartAsync(config);
        var collections = await server.Client.GetJsonAsync("/ogc/collections");
        var health = await server.Client.GetAsync("/health");

        Assert.Equal(3, collections.GetProperty("collections").GetArrayLength());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("demo/lost", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_command_line_argument_is_refused_with_usage()
    {
        var (exitCode, output) = await ServerProcess.RunToExitAsync(null, extraArguments: "--prot");

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
            var (exitCode, output) = await ServerProcess.RunToExitAsync(null, "vn:rivers --zooms 0-4", "seed",
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

    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, int port)
        {
            _process = process;
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        }

        public HttpClient Client { get; }

        public static async Task<ServerProcess> StartAsync(string config, params (string Name, string Value)[] environment)
        {
            int port = FreePort();
            var process = Start(config, $"serve --port {port}", environment);
            var server = new ServerProcess(process, port);
            for (int i = 0; i < 300 && !process.HasExited; i++)
            {
                try
                {
                    if ((await server.Client.GetAsync("/health/live")).IsSuccessStatusCode) return server;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(100);
            }
            string output = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
            await server.DisposeAsync();
            throw new InvalidOperationException("The server did not start: " + output);
        }

        public static async Task<(int ExitCode, string Output)> RunToExitAsync(string? config, string extraArguments = "",
            string verb = "serve", params (string Name, string Value)[] environment)
        {
            using var process = Start(config, $"{verb} {extraArguments}", environment);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }

        private static Process Start(string? config, string arguments, (string Name, string Value)[] environment)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "GeoServer.Host.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                Arguments = $"\"{dll}\" {arguments}" + (config is null ? "" : $" --config \"{config}\""),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetTempPath(),
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (name, value) in environment) start.Environment[name] = value;
            return Process.Start(start)!;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
