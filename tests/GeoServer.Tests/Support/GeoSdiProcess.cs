using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GeoServer.Tests.Support;

/// <summary>
/// The real server as its own process (the built GeoServer.Host beside the tests), started as an operator starts it:
/// for tests that need their own configuration, stores, keys or tile cache, that kill the server, or that read its
/// exit code. A server started from a configuration object owns its folder (config.json, tile cache, state) and
/// deletes it on dispose.
/// </summary>
public sealed class GeoSdiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly bool _ownsFolder;
    private readonly StringBuilder _output = new();

    private GeoSdiProcess(Process process, string folder, int port, bool ownsFolder)
    {
        _process = process;
        _ownsFolder = ownsFolder;
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

    /// <summary>The server's folder: its configuration file, and its tile cache ("tiles") when started from an object.</summary>
    public string Folder { get; }

    public string CacheDirectory => Path.Combine(Folder, "tiles");

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// Starts a server on a free loopback port with this configuration (serialised to config.json in a new folder, or
    /// in <paramref name="folder"/>, e.g. to restart after <see cref="Kill"/>; the tile cache goes to the folder's
    /// "tiles") and waits until it answers.
    /// </summary>
    public static async Task<GeoSdiProcess> StartAsync(object configuration, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("geosdi-process-").FullName;
        var configFile = Path.Combine(folder, "config.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(configuration));
        return await StartAsync(configFile, folder, ownsFolder: true,
            ("GEOSDI_DATA_ROOT", SampleData.RepositoryRoot), ("GEOSDI_Tiles__CacheDirectory", Path.Combine(folder, "tiles")));
    }

    /// <summary>Starts a server on a configuration file the test wrote (JSON or YAML), with extra environment variables.</summary>
    public static Task<GeoSdiProcess> StartWithFileAsync(string configFile, params (string Name, string Value)[] environment) =>
        StartAsync(configFile, Path.GetDirectoryName(configFile)!, ownsFolder: false, environment);

    /// <summary>Runs the server's command line to its end: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string? configFile, string arguments,
        params (string Name, string Value)[] environment)
    {
        using var process = Launch(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), configFile, Path.GetTempPath(), environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<GeoSdiProcess> StartAsync(string configFile, string folder, bool ownsFolder, params (string Name, string Value)[] environment)
    {
        int port = FreePort();
        var process = Launch(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], configFile, folder, environment);
        var server = new GeoSdiProcess(process, folder, port, ownsFolder);
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

    private static Process Launch(string[] arguments, string? configFile, string workingDirectory, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GeoServer.Host.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (configFile is not null)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(configFile);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("GEOSDI_CONFIG");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
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
        if (_ownsFolder)
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
