using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Data;
using GeoServer.Data.Gdal;

namespace GeoServer.Host.Startup;

/// <summary>
/// Opens every configured store once at start-up and publishes its layers into one <see cref="LayerRegistry"/>.
/// A store that fails either stops start-up with its name and the reason, or (FailOnBrokenStore: false) is left
/// out and reported on /health.
/// </summary>
public sealed class LayerCatalog(GeoSdiOptions options, string baseDirectory, CrsRegistry crs, ILoggerFactory logging)
{
    private readonly List<IStore> _stores = [];
    private readonly ILogger _log = logging.CreateLogger<LayerCatalog>();

    /// <summary>Stores ("workspace/store") and auto-published tables ("workspace/store/table") left out, with the reason.</summary>
    public Dictionary<string, string> BrokenStores { get; } = new();

    public IReadOnlyList<IStore> Stores => _stores;

    /// <summary>Each opened store with the layers it publishes.</summary>
    public IReadOnlyList<(IStore Store, IReadOnlyList<Layer> Layers)> Published => _published;

    private readonly List<(IStore, IReadOnlyList<Layer>)> _published = [];

    public async Task<LayerRegistry> LoadAsync(CancellationToken ct)
    {
        ConfigureGdal();
        var workspaces = new List<Workspace>();
        var layers = new List<Layer>();
        foreach (var (workspaceId, workspaceOptions) in options.Workspaces)
        {
            var workspace = new Workspace(workspaceId, workspaceOptions.Title ?? workspaceId, workspaceOptions.Abstract);
            workspaces.Add(workspace);
            foreach (var (storeName, storeOptions) in workspaceOptions.Stores)
            {
                try
                {
                    layers.AddRange(await PublishStoreAsync(workspace, workspaceOptions, storeName, storeOptions, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException && !options.Server.FailOnBrokenStore)
                {
                    BrokenStores[$"{workspaceId}/{storeName}"] = e.Message;
                    _log.LogError("Store {Workspace}/{Store} was not published: {Reason}", workspaceId, storeName, e.Message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new InvalidOperationException($"Store '{workspaceId}/{storeName}' could not be published: {e.Message}", e);
                }
            }
        }
        // An imported PostGIS table is also found by its store when that store discovers every table: one layer, the store's.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        layers.RemoveAll(l => !seen.Add(l.Info.Id));
        _log.LogInformation("Published {Count} layers in {Workspaces} workspaces", layers.Count, workspaces.Count);
        // Registry order is drawing order for a workspace's map: rasters (opaque pictures) go under the features.
        return new LayerRegistry(workspaces, layers.OrderBy(l => l.Raster is null ? 1 : 0).ToList(), new AccessPolicy());
    }

    /// <summary>GDAL's warnings into the log (it would print them on stderr), and its block cache as configured.</summary>
    private void ConfigureGdal()
    {
        var gdal = logging.CreateLogger("GeoServer.Data.Gdal");
        GdalLibrary.OnWarning(message => gdal.LogWarning("GDAL: {Message}", message));
        if (options.Server.GdalCacheMegabytes is { } megabytes)
            GdalLibrary.CacheMaxBytes = Math.Max(1, megabytes) * (1L << 20);
    }

    private async Task<List<Layer>> PublishStoreAsync(Workspace workspace, WorkspaceOptions workspaceOptions, string storeName,
        StoreOptions storeOptions, CancellationToken ct)
    {
        var store = SourceFactory.OpenStore(storeOptions, baseDirectory, logging);
        _stores.Add(store);
        var sources = await store.OpenFeatureSourcesAsync(ct);
        var rasters = await store.OpenRasterSourcesAsync(ct);
        var listed = workspaceOptions.Layers
            .Where(l => l.Value.Store == storeName)
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        bool publishAll = storeOptions.AutoPublish ?? listed.Count == 0;
        var published = new List<Layer>();
        foreach (var source in sources)
        {
            listed.TryGetValue(source.Info.Name, out var layerOptions);
            if (layerOptions is not null)
                published.Add(await LayerBuilder.BuildAsync(workspace, source, storeOptions, layerOptions, crs, ct));
            else if (publishAll)
                try
                {
                    published.Add(await LayerBuilder.BuildAsync(workspace, source, storeOptions, null, crs, ct));
                }
                catch (InvalidDataException e)
                {
                    // One odd table (say, an SRID the server has no definition for) must not hide the rest of an
                    // auto-published store; a layer the configuration names still fails loudly.
                    BrokenStores[$"{workspace.Id}/{storeName}/{source.Info.Name}"] = e.Message;
                    _log.LogWarning("Table {Table} of {Workspace}/{Store} was not published: {Reason}",
                        source.Info.Name, workspace.Id, storeName, e.Message);
                }
        }
        foreach (var raster in rasters)
        {
            // A raster file is one layer: published whether or not the configuration lists it.
            listed.TryGetValue(raster.Info.Name, out var layerOptions);
            published.Add(await LayerBuilder.BuildAsync(workspace, raster, storeOptions, layerOptions, crs, ct));
        }
        var missing = listed.Keys.Where(t => sources.All(s => s.Info.Name != t) && rasters.All(r => r.Info.Name != t)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"tables not found: {string.Join(", ", missing)}.");
        // The admin API edits a layer through the store that publishes it.
        published = published.Select(l => l with { Info = l.Info with { Store = storeName } }).ToList();
        _published.Add((store, published));
        return published;
    }
}
