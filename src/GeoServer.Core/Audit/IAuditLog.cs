namespace GeoServer.Core.Audit;

/// <summary>An append-only record of every write and every administrative action.</summary>
public interface IAuditLog
{
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct);

    /// <summary>Entries newest first, optionally only those whose target starts with a prefix (a layer id), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string? targetPrefix, DateTimeOffset? since, int limit, CancellationToken ct);
}
