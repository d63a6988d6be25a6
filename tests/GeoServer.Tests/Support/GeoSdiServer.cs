using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GeoServer.Tests.Support;

/// <summary>
/// The real server on the embedded default configuration (every sample GeoPackage), listening on a free
/// loopback TCP port so that both <see cref="HttpClient"/> and external clients such as GDAL can reach it.
/// Started once for every test class of the <see cref="GeoSdiServerCollection"/>.
/// </summary>
public sealed class GeoSdiServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public GeoSdiServer()
    {
        // The default configuration looks for data-samples/ above the working directory; name it to be sure,
        // and make sure no configuration file from the environment replaces the default.
        Environment.SetEnvironmentVariable("GEOSDI_DATA_ROOT", SampleData.RepositoryRoot);
        Environment.SetEnvironmentVariable("GEOSDI_CONFIG", null);
        // A tile cache of its own, so no tile drawn by another run (or build) is ever served here.
        CacheDirectory = Directory.CreateTempSubdirectory("geosdi-tiles-").FullName;
        Environment.SetEnvironmentVariable("GEOSDI_Tiles__CacheDirectory", CacheDirectory);
        _factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b
                // What users run: no developer exception page, no development settings.
                .UseEnvironment("Production")
                .UseSetting("urls", "http://127.0.0.1:0"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.Select(a => new Uri(a)).FirstOrDefault(a => a.IsLoopback && a.Port > 0)
            ?? throw new InvalidOperationException($"The test server listens on [{string.Join(", ", addresses)}], not on a loopback port.");
        BaseAddress = new Uri($"http://127.0.0.1:{address.Port}/");
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The folder of this server's tile cache (deleted with the server).</summary>
    public string CacheDirectory { get; }

    /// <summary>A client of the server, base address http://127.0.0.1:{port}/.</summary>
    public HttpClient Client { get; }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OGC API landing page, e.g. http://127.0.0.1:41234/ogc.</summary>
    public string OgcRoot => new Uri(BaseAddress, "/ogc").ToString();

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        try { Directory.Delete(CacheDirectory, recursive: true); } catch (IOException) { }
    }
}
