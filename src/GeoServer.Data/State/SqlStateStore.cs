using System.Data.Common;
using System.Globalization;
using System.Text;
using GeoServer.Core.Audit;
using GeoServer.Core.Usage;

namespace GeoServer.Data.State;

/// <summary>
/// The server's own records: usage counts per hour, caller, workspace, layer and service, and the audit log. In an
/// SQLite file by default (WAL mode, so a flush never blocks a report), or in PostgreSQL when given a connection
/// string, where every node of a cluster adds to the same counts and the same log. The SQL is the common subset of
/// both, except the audit key's declaration.
/// </summary>
public sealed class SqlStateStore : IUsageStore, IAuditLog
{
    private readonly StateDatabase _db;

    private SqlStateStore(StateDatabase db) => _db = db;

    /// <summary>PostgreSQL when the text is an Npgsql connection string ("Host=…"), otherwise an SQLite file path.</summary>
    public static SqlStateStore Open(string database)
    {
        var db = new StateDatabase(database);
        bool postgres = db.IsPostgres;
        var store = new SqlStateStore(db);
        using var connection = db.Open();
        var statements = new List<string>
        {
            """
            CREATE TABLE IF NOT EXISTS geosdi_usage (
              hour TEXT NOT NULL, caller TEXT NOT NULL, workspace TEXT NOT NULL, layer TEXT NOT NULL, service TEXT NOT NULL,
              requests BIGINT NOT NULL, features BIGINT NOT NULL, bytes BIGINT NOT NULL,
              PRIMARY KEY (hour, caller, workspace, layer, service))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS geosdi_audit (
              id {(postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY")}, at TEXT NOT NULL, who TEXT NOT NULL,
              action TEXT NOT NULL, target TEXT NOT NULL, before TEXT, after TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS geosdi_audit_target ON geosdi_audit (target, id)",
        };
        if (!postgres) statements.Insert(0, "PRAGMA journal_mode = WAL");
        foreach (var sql in statements)
        {
            using var cmd = StateDatabase.Command(connection, null, sql);
            cmd.ExecuteNonQuery();
        }
        return store;
    }

    public async Task AddAsync(IReadOnlyCollection<KeyValuePair<UsageKey, UsageCounts>> counts, CancellationToken ct)
    {
        if (counts.Count == 0) return;
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var (key, value) in counts)
        {
            await using var cmd = StateDatabase.Command(connection, transaction, """
                INSERT INTO geosdi_usage VALUES (@hour, @caller, @workspace, @layer, @service, @requests, @features, @bytes)
                ON CONFLICT (hour, caller, workspace, layer, service) DO UPDATE SET requests = geosdi_usage.requests + excluded.requests,
                  features = geosdi_usage.features + excluded.features, bytes = geosdi_usage.bytes + excluded.bytes
                """, ("hour", Hour(key.Hour)), ("caller", key.Caller), ("workspace", key.Workspace), ("layer", key.Layer), ("service", key.Service),
                ("requests", value.Requests), ("features", value.Features), ("bytes", value.Bytes));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<UsageRow>> ReportAsync(UsageQuery query, CancellationToken ct)
    {
        // Only fixed column names are written into the SQL; the period is bound.
        var groups = new List<string>();
        if (query.ByDay) groups.Add("substr(hour, 1, 10)");
        if (query.ByCaller) groups.Add("caller");
        if (query.ByWorkspace) groups.Add("workspace");
        if (query.ByLayer) groups.Add("layer");
        if (query.ByService) groups.Add("service");
        string select = groups.Count == 0 ? "" : string.Join(", ", groups) + ", ";
        string groupBy = groups.Count == 0 ? "" : " GROUP BY " + string.Join(", ", groups) + " ORDER BY " + string.Join(", ", groups);
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = StateDatabase.Command(connection, null,
            $"SELECT {select}sum(requests), sum(features), sum(bytes) FROM geosdi_usage WHERE hour >= @from AND hour < @to{groupBy}",
            ("from", Hour(query.From)), ("to", Hour(query.To)));
        var rows = new List<UsageRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(groups.Count)) continue;   // no rows at all: sum() of nothing
            int i = 0;
            DateTime? day = query.ByDay ? DateTime.ParseExact(r.GetString(i++), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
            string? caller = query.ByCaller ? r.GetString(i++) : null, workspace = query.ByWorkspace ? r.GetString(i++) : null;
            string? layer = query.ByLayer ? r.GetString(i++) : null, service = query.ByService ? r.GetString(i++) : null;
            rows.Add(new UsageRow(day, caller, workspace, layer, service,
                new UsageCounts(Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(i + 1), CultureInfo.InvariantCulture),
                    Convert.ToInt64(r.GetValue(i + 2), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var e in entries)
        {
            await using var cmd = StateDatabase.Command(connection, transaction,
                "INSERT INTO geosdi_audit (at, who, action, target, before, after) VALUES (@at, @who, @action, @target, @before, @after)",
                ("at", e.When.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("who", e.Who), ("action", e.Action), ("target", e.Target),
                ("before", e.Before), ("after", e.After));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? targetPrefix, DateTimeOffset? since, int limit, CancellationToken ct)
    {
        var sql = new StringBuilder("SELECT at, who, action, target, before, after FROM geosdi_audit WHERE 1 = 1");
        var parameters = new List<(string, object?)> { ("limit", limit) };
        if (targetPrefix is not null)
        {
            // A prefix compare instead of LIKE, so '%' and '_' in a layer id mean themselves.
            sql.Append(" AND substr(target, 1, length(@prefix)) = @prefix");
            parameters.Add(("prefix", targetPrefix));
        }
        if (since is { } s)
        {
            sql.Append(" AND at >= @since");
            parameters.Add(("since", s.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        }
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = StateDatabase.Command(connection, null, sql.Append(" ORDER BY id DESC LIMIT @limit").ToString(), [.. parameters]);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new AuditEntry(DateTimeOffset.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
                r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return entries;
    }

    private static string Hour(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
}
