namespace GeoServer.Core.Audit;

/// <summary>
/// One recorded change: when (UTC), who (a key's or user's name), what action on which target ("ha-noi:parcels/42"),
/// and the target as JSON before and after (null where it did not exist).
/// </summary>
public sealed record AuditEntry(DateTimeOffset When, string Who, string Action, string Target, string? Before, string? After);
