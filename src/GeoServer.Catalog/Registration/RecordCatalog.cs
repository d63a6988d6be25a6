using System.Security.Claims;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;
using GeoServer.Core.Configuration;
using GeoServer.Catalog.Storage;
using GeoServer.Core.Layers;
using GeoServer.Core.Metadata;

namespace GeoServer.Catalog.Registration;

/// <summary>
/// The live catalog: one record per published layer and per service endpoint, derived from the
/// <see cref="LayerRegistry"/>, plus the external records (inserted or harvested), all in one
/// <see cref="RecordIndex"/>. <see cref="Refresh"/> rebuilds the index; it is called at start-up and is what a registry
/// change (the admin API, issue #8) calls, so a published layer is findable, and a deleted one gone, as soon as the
/// rebuild (milliseconds for thousands of records) is done. Every lookup takes the caller: a layer's record is visible
/// exactly when the registry shows the caller the layer.
/// </summary>
public sealed class RecordCatalog
{
    private readonly LayerRegistry _layers;
    private readonly ServerOptions _server;
    private readonly CatalogOptions _options;
    private readonly IMetadataRepository _repository;
    private readonly Lock _refreshing = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private volatile RecordIndex _index = RecordIndex.Empty;
    private IReadOnlyDictionary<string, MetadataRecord> _external;
    private IReadOnlyDictionary<string, RecordOptions> _stored = new Dictionary<string, RecordOptions>();
    private Dictionary<string, DerivedRecord> _layerRecords = new(StringComparer.Ordinal);
    private (IReadOnlyList<Layer>? Layers, IReadOnlyList<MetadataRecord> Records) _serviceRecords = (null, []);

    /// <summary>A layer's record with what it was derived from.</summary>
    private sealed record DerivedRecord(LayerInfo Info, RecordOptions? Stored, MetadataRecord Record);

    /// <param name="repository">Where external records are kept; in memory when null.</param>
    public RecordCatalog(LayerRegistry layers, ServerOptions server, CatalogOptions options, IMetadataRepository? repository = null)
    {
        _layers = layers;
        _server = server;
        _options = options;
        _repository = repository ?? new InMemoryMetadataRepository();
        // Read once at start-up; afterwards the catalog's own writes keep the copy in memory current.
        _external = _repository.LoadAllAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Select(RecordDocument.FromStored).OfType<MetadataRecord>().ToDictionary(r => r.Id, StringComparer.Ordinal);
        Refresh();
    }

    public LayerRegistry Layers => _layers;
    public CatalogOptions Options => _options;
    public ServerOptions Server => _server;

    /// <summary>The current snapshot, whoever asks (filter with <see cref="VisibleTo"/>).</summary>
    public RecordIndex Index => _index;

    /// <summary>Rebuilds the index from the registry and the external records.</summary>
    public void Refresh()
    {
        lock (_refreshing)
        {
            var now = DateTimeOffset.UtcNow;
            var stored = _stored;
            var layers = _layers.All;
            // A record is derived again only when its layer or its stored metadata changed: an external insert or a
            // harvest must not make every layer look modified now.
            var previous = _layerRecords;
            var layerRecords = new Dictionary<string, DerivedRecord>(layers.Count, StringComparer.Ordinal);
            foreach (var layer in layers)
            {
                var options = stored.GetValueOrDefault(layer.Info.Id);
                layerRecords[layer.Info.Id] = previous.TryGetValue(layer.Info.Id, out var known)
                    && ReferenceEquals(known.Info, layer.Info) && ReferenceEquals(known.Stored, options)
                    ? known
                    : new DerivedRecord(layer.Info, options, LayerRecords.From(layer.Info, _server, _options, now, options));
            }
            if (!ReferenceEquals(_serviceRecords.Layers, layers))
                _serviceRecords = (layers, ServiceRecords.From(_layers, _server, _options, now).ToList());
            _layerRecords = layerRecords;
            _index = new RecordIndex(layerRecords.Values.Select(r => r.Record).Concat(_serviceRecords.Records).Concat(_external.Values));
        }
    }

    /// <summary>
    /// Replaces the descriptive fields put through the admin API (by layer id) and rebuilds the index: how an edit,
    /// on this node or another, reaches CSW and OGC API – Records.
    /// </summary>
    public void UseStoredMetadata(IReadOnlyDictionary<string, RecordOptions> byLayer)
    {
        _stored = byLayer;
        Refresh();
    }

    /// <summary>True when <paramref name="id"/> is a record the catalog derives (a layer's or an endpoint's), which only the registry changes.</summary>
    public bool IsDerived(string id) => _index.Find(id, _ => true) is { Origin: not RecordOrigin.External };

    /// <summary>The external record with this id, or null.</summary>
    public MetadataRecord? External(string id) => _external.GetValueOrDefault(id);

    /// <summary>Stores external records (inserted, updated or harvested), replacing those with the same ids, and refreshes the index.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<MetadataRecord> records, string? source, CancellationToken ct)
    {
        if (records.FirstOrDefault(r => IsDerived(r.Id)) is { } derived)
            throw new InvalidOperationException($"'{derived.Id}' is the record of a published layer or endpoint; change it through the layer.");
        await _writing.WaitAsync(ct);
        try
        {
            await _repository.UpsertAsync(records.Select(r => RecordDocument.ToStored(r, source)).ToList(), ct);
            var external = new Dictionary<string, MetadataRecord>(_external, StringComparer.Ordinal);
            foreach (var r in records) external[r.Id] = r;
            _external = external;
            Refresh();
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Deletes external records; returns how many were deleted.</summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var deletable = ids.Where(_external.ContainsKey).ToList();
            if (deletable.Count == 0) return 0;
            int deleted = await _repository.DeleteAsync(deletable, ct);
            _external = _external.Where(e => !deletable.Contains(e.Key)).ToDictionary(StringComparer.Ordinal);
            Refresh();
            return deleted;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// The test of whether <paramref name="caller"/> may see a record: the registry's answer for a layer's record;
    /// through a workspace's endpoints (<see cref="ScopedCaller"/>) only that workspace's records, of any origin.
    /// </summary>
    public Func<MetadataRecord, bool> VisibleTo(ClaimsPrincipal caller) => caller is ScopedCaller scoped
        ? record => record.Workspace == scoped.Workspace && (record.LayerId is null || _layers.Find(caller, record.LayerId) is not null)
        : record => record.LayerId is null || _layers.Find(caller, record.LayerId) is not null;

    public SearchResult Search(ClaimsPrincipal caller, SearchQuery query) => _index.Search(query, VisibleTo(caller));

    /// <summary>The record if it exists and the caller may see it; otherwise null.</summary>
    public MetadataRecord? Find(ClaimsPrincipal caller, string id) => _index.Find(id, VisibleTo(caller));
}
