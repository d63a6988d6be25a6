using GeoServer.Catalog.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeoServer.Catalog.Harvest;

/// <summary>
/// Harvests the configured sources (Catalog:Harvest) that have an interval, each on its own timer; a failure is
/// logged with the source and retried at the next interval, never stopping the server.
/// </summary>
public sealed class ScheduledHarvest(RecordCatalog catalog, CatalogOptions options, ILogger<ScheduledHarvest> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Harvest.Where(s => s.IntervalMinutes > 0).Select(s => RunAsync(s, stoppingToken)));

    private async Task RunAsync(HarvestSource source, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(source.IntervalMinutes));
        do
        {
            try
            {
                var (records, inserted) = await Harvester.RunAsync(source, catalog, ct);
                log.LogInformation("Harvested {Count} records ({Inserted} new) from {Source}", records.Count, inserted, source.Url);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Harvesting {Source} failed: {Message}", source.Url, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}
