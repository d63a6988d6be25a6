namespace GeoServer.Core.Usage;

/// <summary>One line of a usage report: the grouping values (null for a dimension not grouped by) and the sums.</summary>
public sealed record UsageRow(DateTime? Day, string? Caller, string? Workspace, string? Layer, string? Service, UsageCounts Counts);
