using GeoServer.Catalog;
using GeoServer.Catalog.Csw;
using GeoServer.Catalog.Records;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Host.Configuration;
using GeoServer.Core.Audit;
using GeoServer.Core.Usage;
using GeoServer.Core.Downloads;
using GeoServer.Data.Gdal;
using GeoServer.Data.State;
using GeoServer.Host.Admin;
using GeoServer.Host.Health;
using GeoServer.Host.Import;
using GeoServer.Host.Usage;
using GeoServer.Host.Security;
using GeoServer.Host.Startup;
using GeoServer.Core.Layers;
using GeoServer.Ogc;
using GeoServer.Tiles.Cache;
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

if (args is ["key", .. var keyArgs])
    return KeyCommand.Run(keyArgs, Console.In, Console.Out, Console.Error);

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
// An import's answer is its one line; the start-up log of the stores it opens would bury it.
if (command.Import is not null) builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
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
var configurationStore = await SqlConfigurationStore.OpenAsync(
    options.Server.ConfigurationDatabase.Contains('=') ? options.Server.ConfigurationDatabase : Path.GetFullPath(options.Server.ConfigurationDatabase, baseDirectory),
    CancellationToken.None);
builder.Services.AddSingleton<IConfigurationStore>(configurationStore);
builder.Services.AddSingleton(new HostPaths(baseDirectory));
builder.Services.AddSingleton(sp => new ConfigurationReloader(options, baseDirectory, configurationStore, sp.GetRequiredService<LayerRegistry>(),
    sp.GetRequiredService<StyleCatalog>(), sp.GetRequiredService<Credentials>(), sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfigurationReloader>());
builder.Services.AddSingleton<WorkspaceEdits>();
var databaseWorkspaces = await configurationStore.ReadWorkspacesAsync(CancellationToken.None);
builder.Services.AddSingleton(new Credentials(options.Security, options.Workspaces.Keys.Concat(databaseWorkspaces.Keys).ToList()));
// No default authenticate scheme (not even the automatic one a single scheme gets): the host's authentication
// middleware would otherwise run the handler on every request, before UseCredentials, which alone decides when a
// request is authenticated.
AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
builder.Services.AddAuthentication(o => o.DefaultChallengeScheme = Credentials.Scheme)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CredentialsAuthenticationHandler>(Credentials.Scheme, null);
builder.Services.AddSingleton<LayerChanges>();
builder.Services.AddGeoSdiRateLimits(options.Security);
var state = SqlStateStore.Open(options.Server.StateDatabase.Contains('=')
    ? options.Server.StateDatabase : Path.GetFullPath(options.Server.StateDatabase, baseDirectory));
builder.Services.AddSingleton<IUsageStore>(state);
builder.Services.AddSingleton<IAuditLog>(state);
builder.Services.AddSingleton(options.Import);
builder.Services.AddSingleton<LayerImporter>();
builder.Services.AddSingleton<UsageMeter>();
builder.Services.AddHostedService<UsageFlusher>();
builder.Services.AddHostedService<ChangeFeedService>();
builder.Services.AddSingleton(sp => new LayerCatalog(options, baseDirectory, CrsRegistry.Default, sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton(sp => sp.GetRequiredService<LayerCatalog>().LoadAsync(CancellationToken.None).GetAwaiter().GetResult());
builder.Services.AddSingleton(options.Wms);
builder.Services.AddSingleton(options.Downloads.Resolved(baseDirectory));
builder.Services.AddSingleton<IVectorConverter, GdalVectorConverter>();
builder.Services.AddSingleton(sp => new StyleLoader(options, baseDirectory, sp.GetRequiredService<ILogger<StyleLoader>>())
    .Load(sp.GetRequiredService<LayerRegistry>()));
// One bound on maps drawn at once, shared by WMS and the tile renderer.
var renderSlots = new RenderSlots(options.Wms.MaxConcurrentRenders);
builder.Services.AddSingleton(renderSlots);
builder.Services.AddSingleton(sp => new WmsServices(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<StyleCatalog>(),
    CrsRegistry.Default, options.Server, options.Wms, renderSlots));
builder.Services.AddSingleton(sp => new TileServices(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<StyleCatalog>(),
    CrsRegistry.Default, TileMatrixSetRegistry.Default, options.Server, options.Wms,
    TileCacheFactory.Open(options, baseDirectory, sp.GetRequiredService<ILoggerFactory>().CreateLogger("GeoServer.TileCache")),
    Math.Clamp(options.Tiles.MetaTileSize, 1, 16)));
builder.Services.AddSingleton(new TileImageRenderer(CrsRegistry.Default, options.Wms, renderSlots));
builder.Services.AddSingleton(new VectorTilesetEncoder(CrsRegistry.Default));
builder.Services.AddOgcTiles(TileMatrixSetRegistry.Default);
var catalog = builder.Configuration.GetSection("Catalog").Get<CatalogOptions>() ?? new CatalogOptions();
builder.Services.AddCatalog(catalog, CatalogRepository.Open(catalog, baseDirectory));
builder.Services.AddProblemDetails();
// The admin API describes itself (OpenAPI 3.1 at /admin/api/openapi.json); the OGC API has its own at /ogc/api.
builder.Services.AddOpenApi("openapi", AdminOpenApi.Configure);
builder.Services.AddHealthChecks().AddCheck<StoresHealthCheck>("stores", tags: ["ready"]);
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.All);

var app = builder.Build();
// Publish at start-up so a broken store fails now, with its name, rather than on the first request.
app.Services.GetRequiredService<LayerRegistry>();
app.Services.GetRequiredService<StyleCatalog>();
// Records follow the registry: a layer published or deleted through the admin API is findable, or gone, at once.
var records = app.Services.GetRequiredService<GeoServer.Catalog.Registration.RecordCatalog>();
app.Services.GetRequiredService<LayerRegistry>().Changed += (_, _) => records.Refresh();
var catalogLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GeoServer.Catalog");
app.Services.GetRequiredService<ConfigurationReloader>().MetadataLoaded += stored => records.UseStoredMetadata(RecordOptionsJson.ByLayer(stored,
    (layer, problem) => catalogLog.LogError("Stored metadata of {Layer} no longer reads; its record keeps the derived fields: {Problem}", layer, problem)));
if (app.Services.GetRequiredService<TileServices>().Cache is { } tileCache)
{
    var invalidator = new TileInvalidator(tileCache, TileMatrixSetRegistry.Default, CrsRegistry.Default);
    app.Services.GetRequiredService<LayerChanges>().Subscribe(change => invalidator.Invalidate(change));
    // A layer republished through the admin API may draw differently: its tiles (and its workspace's) go.
    app.Services.GetRequiredService<LayerRegistry>().Changed += (before, after) =>
        tileCache.InvalidateTilesets(before.Except(after).Concat(after.Except(before))
            .SelectMany(l => new[] { l.Info.Id, l.Info.Workspace.Id }).ToHashSet(StringComparer.Ordinal));
}
// The admin API's workspaces join before the first request.
await app.Services.GetRequiredService<ConfigurationReloader>().ReloadAsync(force: true, CancellationToken.None);
if (command.Seed is { } seed)
    return await SeedRunner.RunAsync(app.Services, seed, Console.Out, CancellationToken.None);
if (command.Import is { } import)
    return await ImportRunner.RunAsync(app.Services, import, Console.Out, Console.Error, CancellationToken.None);

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWorkspaceEndpoints();
app.UseRouting();
app.UseMiddleware<RequestLog>();
app.UseCredentials();
app.UseWorkspaceScope();
// Anonymous callers skip the limiter entirely unless an anonymous limit is set (keys and users carry their own).
app.UseWhen(http => options.Security.AnonymousRequestsPerMinute > 0 || http.User.Identity?.IsAuthenticated == true,
    limited => limited.UseRateLimiter());
var meter = app.Services.GetRequiredService<UsageMeter>();
app.Use(meter.InvokeAsync);
app.MapGet("/", () => Results.Redirect("/ogc"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
var ogc = app.MapOgcApi();
ogc.MapOgcTiles();
ogc.MapOgcRecords();
app.MapWms();
app.MapWmts();
app.MapCsw();
app.MapXyzTiles();
app.MapTileViewer();
app.MapAdminApi();
app.MapOpenApi("/admin/api/{documentName}.json");
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
