using System.Security.Claims;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;

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
    private readonly Func<IEnumerable<MetadataRecord>> _external;
    private readonly Lock _refreshing = new();
    private volatile RecordIndex _index = RecordIndex.Empty;

    /// <param name="external">The external records, read at each refresh; null for none.</param>
    public RecordCatalog(LayerRegistry layers, ServerOptions server, CatalogOptions options, Func<IEnumerable<MetadataRecord>>? external = null)
    {
        _layers = layers;
        _server = server;
        _options = options;
        _external = external ?? (() => []);
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
            var derived = _layers.All.Select(l => LayerRecords.From(l.Info, _server, _options, now))
                .Concat(ServiceRecords.From(_layers, _server, _options, now));
            _index = new RecordIndex(derived.Concat(_external()));
        }
    }

    /// <summary>The test of whether <paramref name="caller"/> may see a record: the registry's answer for a layer's record.</summary>
    public Func<MetadataRecord, bool> VisibleTo(ClaimsPrincipal caller) =>
        record => record.LayerId is null || _layers.Find(caller, record.LayerId) is not null;

    public SearchResult Search(ClaimsPrincipal caller, SearchQuery query) => _index.Search(query, VisibleTo(caller));

    /// <summary>The record if it exists and the caller may see it; otherwise null.</summary>
    public MetadataRecord? Find(ClaimsPrincipal caller, string id) => _index.Find(id, VisibleTo(caller));
}
