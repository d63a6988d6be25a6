namespace GeoServer.Core.Usage;

/// <summary>Where usage counts add up, shared by every node that writes to the same store.</summary>
public interface IUsageStore
{
    /// <summary>Adds the counts to what is stored under each key.</summary>
    Task AddAsync(IReadOnlyCollection<KeyValuePair<UsageKey, UsageCounts>> counts, CancellationToken ct);

    /// <summary>The sums over the period, grouped as asked, ordered by the grouping values.</summary>
    Task<IReadOnlyList<UsageRow>> ReportAsync(UsageQuery query, CancellationToken ct);
}
