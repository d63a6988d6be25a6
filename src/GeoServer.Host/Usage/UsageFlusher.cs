using GeoServer.Core.Usage;

namespace GeoServer.Host.Usage;

/// <summary>Moves the meter's counts to the usage store every few seconds, and once more when the server stops.</summary>
public sealed class UsageFlusher(UsageMeter meter, IUsageStore store, ILogger<UsageFlusher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync();
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        var counts = meter.TakeCounts();
        try
        {
            await store.AddAsync(counts, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Usage counts of {Count} keys could not be stored", counts.Count);
        }
    }
}
