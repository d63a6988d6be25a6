using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Host.Configuration;
using GeoServer.Host.Health;
using GeoServer.Host.Startup;
using GeoServer.Core.Layers;
using GeoServer.Ogc;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.OgcTiles;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using GeoServer.Tiles.Viewer;
using GeoServer.Tiles.Wmts;
using GeoServer.Tiles.Xyz;
using GeoServer.Tiles.Wms;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// Before anything renders: large native blocks (Cairo's) must go back to the system when freed (see NativeHeap).
NativeHeap.ReturnLargeBlocksToSystem();
var builder = WebApplication.CreateBuilder(args);
var baseDirectory = builder.Configuration.AddGeoSdiConfiguration(command.ConfigFile);
if (command.Postgres is { } postgres)
    // Zero configuration: every spatial table of the database, in workspace "db".
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Workspaces:db:Title"] = "PostGIS",
        ["Workspaces:db:Stores:postgis:Type"] = "postgis",
        ["Workspaces:db:Stores:postgis:ConnectionString"] = postgres,
    });
if (builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
    builder.WebHost.UseUrls($"http://{command.Host}:{command.Port}");
builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

var options = builder.Configuration.Get<GeoSdiOptions>() ?? new GeoSdiOptions();
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(options.Server);
builder.Services.AddSingleton(CrsRegistry.Default);
builder.Services.AddSingleton(sp => new LayerCatalog(options, baseDirectory, CrsRegistry.Default, sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton(sp => sp.GetRequiredService<LayerCatalog>().LoadAsync(CancellationToken.None).GetAwaiter().GetResult());
builder.Services.AddSingleton(options.Wms);
builder.Services.AddSingleton(sp => new StyleLoader(options, baseDirectory, sp.GetRequiredService<ILogger<StyleLoader>>())
    .Load(sp.GetRequiredService<LayerRegistry>()));
builder.Services.AddSingleton(sp => new WmsServices(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<StyleCatalog>(),
    CrsRegistry.Default, options.Server, options.Wms));
builder.Services.AddSingleton(sp => new TileServices(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<StyleCatalog>(),
    CrsRegistry.Default, TileMatrixSetRegistry.Default, options.Server, options.Wms,
    TileCacheFactory.Open(options, baseDirectory, sp.GetRequiredService<ILoggerFactory>().CreateLogger("GeoServer.TileCache"))));
builder.Services.AddSingleton(new TileImageRenderer(CrsRegistry.Default, options.Wms));
builder.Services.AddSingleton(new VectorTilesetEncoder(CrsRegistry.Default));
builder.Services.AddOgcTiles(TileMatrixSetRegistry.Default);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<StoresHealthCheck>("stores", tags: ["ready"]);
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.All);

var app = builder.Build();
// Publish at start-up so a broken store fails now, with its name, rather than on the first request.
app.Services.GetRequiredService<LayerRegistry>();
app.Services.GetRequiredService<StyleCatalog>();
if (command.Seed is { } seed)
    return await SeedRunner.RunAsync(app.Services, seed, Console.Out, CancellationToken.None);

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseMiddleware<RequestLog>();
app.MapGet("/", () => Results.Redirect("/ogc"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
var ogc = app.MapOgcApi();
ogc.MapOgcTiles();
app.MapWms();
app.MapWmts();
app.MapXyzTiles();
app.MapTileViewer();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
