using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Host.Import;
using GeoServer.Host.Security;
using GeoServer.Tiles.Styles;

namespace GeoServer.Host.Startup;

/// <summary>
/// Keeps the registry in step with the workspaces and imported layers of the configuration database: at start, when
/// this node's admin API (or an import) changes one, and when another node or a <c>geosdi import</c> does (the
/// database's version is polled every second). The configuration file's layers stay as opened at start; the
/// database's workspaces and every import are reopened on each change and swapped in at once; their previous stores
/// are closed a little later, once requests using them are done.
/// </summary>
public sealed class ConfigurationReloader(GeoSdiOptions fileOptions, string baseDirectory, IConfigurationStore store, LayerRegistry registry,
    StyleCatalog styles, Credentials credentials, ILoggerFactory logging) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CloseDelay = TimeSpan.FromSeconds(60);
    private readonly ILogger _log = logging.CreateLogger<ConfigurationReloader>();
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly IReadOnlyList<Workspace> _fileWorkspaces = registry.Workspaces;
    private readonly IReadOnlyList<Layer> _fileLayers = registry.All;
    private readonly IReadOnlyDictionary<string, LayerStyles> _fileStyles = styles.Configured;
    private LayerCatalog? _databaseCatalog;
    private long _version = -1;

    /// <summary>Reloads if the database changed since the last load (or always, with <paramref name="force"/>).</summary>
    public async Task ReloadAsync(bool force, CancellationToken ct)
    {
        await _reloading.WaitAsync(ct);
        try
        {
            long version = await store.VersionAsync(ct);
            if (!force && version == _version) return;
            var workspaces = await store.ReadWorkspacesAsync(ct);
            var options = new GeoSdiOptions
            {
                Server = fileOptions.Server, Wms = fileOptions.Wms, Tiles = fileOptions.Tiles, Security = fileOptions.Security,
                Workspaces = ImportedStores.Merge(fileOptions.Workspaces, workspaces, await store.ReadImportsAsync(ct)),
            };
            var catalog = new LayerCatalog(options, baseDirectory, CrsRegistry.Default, logging);
            var loaded = await catalog.LoadAsync(ct);
            // Layers imported into the file's workspaces join them; a table the file's own store already publishes
            // (a PostGIS store discovering every table, after a restart) stays the file's.
            var fileIds = _fileLayers.Select(l => l.Info.Id).ToHashSet(StringComparer.Ordinal);
            var added = loaded.All.Where(l => !fileIds.Contains(l.Info.Id)).ToList();
            // Styles first: a tile drawn for a new layer must already find its style.
            styles.Replace(await StylesAsync(added, ct));
            registry.Replace(_fileWorkspaces.Concat(loaded.Workspaces.Where(w => !fileOptions.Workspaces.ContainsKey(w.Id))), _fileLayers.Concat(added));
            credentials.Replace(await store.ReadCredentialsAsync(ct), registry.Workspaces.Select(w => w.Id).ToList(), _log);
            var previous = _databaseCatalog;
            _databaseCatalog = catalog;
            _version = version;
            _log.LogInformation("Configuration version {Version}: {Workspaces} database workspaces, {Layers} layers", version, loaded.Workspaces.Count, loaded.All.Count);
            if (previous is not null) _ = CloseLaterAsync(previous);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>The file's styles plus the stored styles of the database layers ("default" first, then by name).</summary>
    private async Task<IReadOnlyDictionary<string, LayerStyles>> StylesAsync(IReadOnlyList<Layer> layers, CancellationToken ct)
    {
        var all = new Dictionary<string, LayerStyles>(_fileStyles, StringComparer.Ordinal);
        var byId = layers.ToDictionary(l => l.Info.Id, StringComparer.Ordinal);
        foreach (var group in (await store.ReadStylesAsync(ct)).GroupBy(s => s.Workspace + ":" + s.Layer))
        {
            if (!byId.TryGetValue(group.Key, out var layer)) continue;
            try
            {
                all[group.Key] = new LayerStyles(group.OrderBy(s => s.Name == "default" ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal)
                    .SelectMany(s => StyleFiles.Parse(s.Body, s.Format, layer.Info.Schema).Styles)
                    .Select(s => StyleCompiler.Compile(s, layer.Info.Schema)).ToList());
            }
            catch (StyleException e)
            {
                // A schema change can break a stored style; the layer falls back to its default until it is fixed.
                _log.LogError("Stored styles of {Layer} no longer compile: {Problem}", group.Key, e.Message);
            }
        }
        return all;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await ReloadAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken store in the database must not stop the node: it keeps serving what it had.
                _log.LogError("Reloading the configuration failed; still serving the previous one: {Reason}", e.Message);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task CloseLaterAsync(LayerCatalog catalog)
    {
        await Task.Delay(CloseDelay);
        foreach (var s in catalog.Stores) await s.DisposeAsync();
    }
}
