using System.Text.Json;
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
/// database's workspaces and every import are reopened when their definitions or styles change and swapped in at
/// once; their previous stores are closed a little later, once requests using them are done. Credentials and the
/// layers' descriptive metadata (<see cref="MetadataLoaded"/>) follow every change without reopening anything.
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
    private string? _definitions, _metadata;

    /// <summary>Raised with every layer's stored metadata at start and whenever it changed.</summary>
    public event Action<IReadOnlyList<StoredMetadata>>? MetadataLoaded;

    /// <summary>Reloads if the database changed since the last load (or always, with <paramref name="force"/>).</summary>
    public async Task ReloadAsync(bool force, CancellationToken ct)
    {
        await _reloading.WaitAsync(ct);
        try
        {
            long version = await store.VersionAsync(ct);
            if (!force && version == _version) return;
            var workspaces = await store.ReadWorkspacesAsync(ct);
            var storedStyles = await store.ReadStylesAsync(ct);
            var imports = await store.ReadImportsAsync(ct);
            string definitions = JsonSerializer.Serialize(new { workspaces, storedStyles, imports });
            if (definitions != _definitions) await ReopenAsync(workspaces, storedStyles, imports, ct);
            credentials.Replace(await store.ReadCredentialsAsync(ct), registry.Workspaces.Select(w => w.Id).ToList(), _log);
            var metadata = await store.ReadMetadataAsync(ct);
            string metadataText = JsonSerializer.Serialize(metadata);
            if (metadataText != _metadata) MetadataLoaded?.Invoke(metadata);
            _definitions = definitions;
            _metadata = metadataText;
            _version = version;
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task ReopenAsync(IReadOnlyDictionary<string, WorkspaceOptions> workspaces, IReadOnlyList<StoredStyle> storedStyles,
        IReadOnlyList<ImportedLayer> imports, CancellationToken ct)
    {
        var options = new GeoSdiOptions
        {
            Server = fileOptions.Server, Wms = fileOptions.Wms, Tiles = fileOptions.Tiles, Security = fileOptions.Security,
            Workspaces = ImportedStores.Merge(fileOptions.Workspaces, workspaces, imports),
        };
        var catalog = new LayerCatalog(options, baseDirectory, CrsRegistry.Default, logging);
        var loaded = await catalog.LoadAsync(ct);
        // Layers imported into the file's workspaces join them; a table the file's own store already publishes
        // (a PostGIS store discovering every table, after a restart) stays the file's.
        var fileIds = _fileLayers.Select(l => l.Info.Id).ToHashSet(StringComparer.Ordinal);
        var added = loaded.All.Where(l => !fileIds.Contains(l.Info.Id)).ToList();
        // Styles first: a tile drawn for a new layer must already find its style.
        styles.Replace(Styles(added, options.Workspaces, storedStyles));
        registry.Replace(_fileWorkspaces.Concat(loaded.Workspaces.Where(w => !fileOptions.Workspaces.ContainsKey(w.Id))), _fileLayers.Concat(added));
        var previous = _databaseCatalog;
        _databaseCatalog = catalog;
        _log.LogInformation("Configuration: {Workspaces} database workspaces, {Layers} database and imported layers", loaded.Workspaces.Count, added.Count);
        if (previous is not null) _ = CloseLaterAsync(previous);
    }

    /// <summary>
    /// The file's styles plus the stored styles of the database layers: those the layer names, in its order, or else
    /// all of them ("default" first, then by name).
    /// </summary>
    private IReadOnlyDictionary<string, LayerStyles> Styles(IReadOnlyList<Layer> layers, IReadOnlyDictionary<string, WorkspaceOptions> workspaces,
        IReadOnlyList<StoredStyle> storedStyles)
    {
        var all = new Dictionary<string, LayerStyles>(_fileStyles, StringComparer.Ordinal);
        var byId = layers.ToDictionary(l => l.Info.Id, StringComparer.Ordinal);
        foreach (var group in storedStyles.GroupBy(s => s.Workspace + ":" + s.Layer))
        {
            if (!byId.TryGetValue(group.Key, out var layer)) continue;
            var named = workspaces.GetValueOrDefault(layer.Info.Workspace.Id)?.Layers.GetValueOrDefault(layer.Info.Name)?.Styles;
            var chosen = (named is { Count: > 0 }
                ? named.Select(n => group.FirstOrDefault(s => s.Name == n)).OfType<StoredStyle>()
                : group.OrderBy(s => s.Name == "default" ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal)).ToList();
            if (chosen.Count == 0) continue;
            try
            {
                all[group.Key] = new LayerStyles(chosen
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
