using GeoServer.Core.Layers;
using GeoServer.Core.Sources;

namespace GeoServer.Host.Startup;

/// <summary>
/// Listens to every store that reports changes made behind GeoSDI's back (<see cref="IChangeFeed"/>: PostGIS with
/// ListenForChanges) and announces them on <see cref="LayerChanges"/>, as the server's own edits are.
/// </summary>
public sealed class ChangeFeedService(LayerCatalog catalog, LayerRegistry registry, LayerChanges changes, ILogger<ChangeFeedService> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = registry;   // asked for so the catalog has opened every store before its list is read
        var feeds = catalog.Published
            .Where(p => p.Store is IChangeFeed)
            .Select(p =>
            {
                var bySource = p.Layers.GroupBy(l => l.Features.Info.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                return ((IChangeFeed)p.Store).ListenAsync((source, area) =>
                {
                    if (!bySource.TryGetValue(source, out var layers)) return;
                    foreach (var layer in layers)
                    {
                        log.LogDebug("Table {Table} changed in {Area}", source, area);
                        changes.Publish(new LayerDataChange(layer.Info, area is { } a ? [a] : null));
                    }
                }, stoppingToken);
            })
            .ToList();
        return Task.WhenAll(feeds);
    }
}
