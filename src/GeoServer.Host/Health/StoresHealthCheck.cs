using GeoServer.Host.Startup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoServer.Host.Health;

/// <summary>Readiness: every store answers, and none was left out at start-up.</summary>
public sealed class StoresHealthCheck(LayerCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, object>(catalog.BrokenStores.ToDictionary(b => b.Key, b => (object)b.Value));
        foreach (var store in catalog.Stores)
        {
            try { await store.CheckAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { problems[store.ToString() ?? "store"] = e.Message; }
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.Stores.Count} stores answer")
            : HealthCheckResult.Unhealthy("Some stores are not available", data: problems);
    }
}
