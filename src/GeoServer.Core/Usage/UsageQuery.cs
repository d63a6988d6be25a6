namespace GeoServer.Core.Usage;

/// <summary>A usage report: the UTC period [From, To) and which dimensions to group by (the rest are summed over).</summary>
public sealed record UsageQuery(DateTime From, DateTime To, bool ByDay, bool ByCaller, bool ByWorkspace, bool ByLayer, bool ByService);
