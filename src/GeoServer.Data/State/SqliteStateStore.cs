using System.Globalization;
using System.Text;
using GeoServer.Core.Audit;
using GeoServer.Core.Usage;
using Microsoft.Data.Sqlite;

namespace GeoServer.Data.State;

/// <summary>
/// The server's own records in one SQLite file (the embedded default): usage counts per hour, caller, workspace,
/// layer and service, and the audit log. WAL mode, so the writer (a flush every few seconds, an edit's audit)
/// never blocks a report.
/// </summary>
public sealed class SqliteStateStore : IUsageStore, IAuditLog
{
    private readonly string _connectionString;

    public SqliteStateStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS usage (
              hour TEXT NOT NULL, caller TEXT NOT NULL, workspace TEXT NOT NULL, layer TEXT NOT NULL, service TEXT NOT NULL,
              requests INTEGER NOT NULL, features INTEGER NOT NULL, bytes INTEGER NOT NULL,
              PRIMARY KEY (hour, caller, workspace, layer, service));
            CREATE TABLE IF NOT EXISTS audit (
              id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
              before TEXT, after TEXT);
            CREATE INDEX IF NOT EXISTS audit_target ON audit (target, id);
            """;
        cmd.ExecuteNonQuery();
    }

    public async Task AddAsync(IReadOnlyCollection<KeyValuePair<UsageKey, UsageCounts>> counts, CancellationToken ct)
    {
        if (counts.Count == 0) return;
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO usage VALUES ($hour, $caller, $workspace, $layer, $service, $requests, $features, $bytes)
            ON CONFLICT (hour, caller, workspace, layer, service) DO UPDATE SET
              requests = requests + excluded.requests, features = features + excluded.features, bytes = bytes + excluded.bytes
            """;
        var p = new[] { "$hour", "$caller", "$workspace", "$layer", "$service", "$requests", "$features", "$bytes" }
            .Select(n => cmd.Parameters.Add(n, n is "$requests" or "$features" or "$bytes" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        foreach (var (key, value) in counts)
        {
            p[0].Value = Hour(key.Hour);
            (p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (key.Caller, key.Workspace, key.Layer, key.Service);
            (p[5].Value, p[6].Value, p[7].Value) = (value.Requests, value.Features, value.Bytes);
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
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {select}sum(requests), sum(features), sum(bytes) FROM usage WHERE hour >= $from AND hour < $to{groupBy}";
        cmd.Parameters.AddWithValue("$from", Hour(query.From));
        cmd.Parameters.AddWithValue("$to", Hour(query.To));
        var rows = new List<UsageRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(groups.Count)) continue;   // no rows at all: sum() of nothing
            int i = 0;
            DateTime? day = query.ByDay ? DateTime.ParseExact(r.GetString(i++), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
            string? caller = query.ByCaller ? r.GetString(i++) : null, workspace = query.ByWorkspace ? r.GetString(i++) : null;
            string? layer = query.ByLayer ? r.GetString(i++) : null, service = query.ByService ? r.GetString(i++) : null;
            rows.Add(new UsageRow(day, caller, workspace, layer, service, new UsageCounts(r.GetInt64(i), r.GetInt64(i + 1), r.GetInt64(i + 2))));
        }
        return rows;
    }

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO audit (at, who, action, target, before, after) VALUES ($at, $who, $action, $target, $before, $after)";
        var p = new[] { "$at", "$who", "$action", "$target", "$before", "$after" }.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var e in entries)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (e.When.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.Who, e.Action, e.Target);
            (p[4].Value, p[5].Value) = ((object?)e.Before ?? DBNull.Value, (object?)e.After ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? targetPrefix, DateTimeOffset? since, int limit, CancellationToken ct)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        var sql = new StringBuilder("SELECT at, who, action, target, before, after FROM audit WHERE 1 = 1");
        if (targetPrefix is not null)
        {
            // A prefix range instead of LIKE, so '%' and '_' in a layer id mean themselves.
            sql.Append(" AND target >= $prefix AND target < $prefixEnd");
            cmd.Parameters.AddWithValue("$prefix", targetPrefix);
            cmd.Parameters.AddWithValue("$prefixEnd", targetPrefix + '\uffff');
        }
        if (since is { } s)
        {
            sql.Append(" AND at >= $since");
            cmd.Parameters.AddWithValue("$since", s.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        cmd.CommandText = sql.Append(" ORDER BY id DESC LIMIT $limit").ToString();
        cmd.Parameters.AddWithValue("$limit", limit);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new AuditEntry(DateTimeOffset.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
                r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return entries;
    }

    private static string Hour(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
