using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GeoServer.Tests.Support;

/// <summary>
/// The real server as its own process (the built GeoServer.Host beside the tests) on a configuration the test
/// writes: for tests that need their own stores, keys or tile cache, and for tests that kill the server. Its
/// folder (configuration, tile cache, anything the test puts there) is deleted on dispose.
/// </summary>
public sealed class GeoSdiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GeoSdiProcess(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
            { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The server's folder: its config.json and its tile cache ("tiles").</summary>
    public string Folder { get; }

    public string CacheDirectory => Path.Combine(Folder, "tiles");

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// Starts a server on a free loopback port with this configuration (serialised to config.json in a new
    /// folder; Tiles.CacheDirectory is set to the folder's "tiles" unless given) and waits until it answers.
    /// <paramref name="folder"/> reuses a folder, e.g. to restart after <see cref="Kill"/>.
    /// </summary>
    public static async Task<GeoSdiProcess> StartAsync(object configuration, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("geosdi-process-").FullName;
        var configFile = Path.Combine(folder, "config.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(configuration));
        int port = FreePort();
        var host = Path.Combine(AppContext.BaseDirectory, "GeoServer.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var a in new[] { host, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", configFile })
            start.ArgumentList.Add(a);
        start.Environment["GEOSDI_DATA_ROOT"] = SampleData.RepositoryRoot;
        start.Environment["GEOSDI_Tiles__CacheDirectory"] = Path.Combine(folder, "tiles");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("GEOSDI_CONFIG");
        var server = new GeoSdiProcess(Process.Start(start)!, folder, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited)
                throw new InvalidOperationException($"The server exited with {server._process.ExitCode}:\n{server.Output}");
            try
            {
                if ((await server.Client.GetAsync("health/live")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The server did not answer within 60 s:\n" + server.Output);
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no rollback by the server itself.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Kill();
        _process.Dispose();
        await Task.Yield();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Keeps the folder (for a restart) but stops the process.</summary>
    public void Stop() => Kill();

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
