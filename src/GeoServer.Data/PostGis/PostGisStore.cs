using System.Data.Common;
using GeoServer.Core.Spatial;
using GeoServer.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GeoServer.Data.PostGis;

/// <summary>
/// A PostgreSQL/PostGIS database: one pooled <see cref="NpgsqlDataSource"/> shared by every table it publishes.
/// With no configuration it publishes every table and view with a geometry column that has an SRID and an
/// integer key (<see cref="PostGisStoreOptions"/> narrows or lists them); the rest are left out with the reason
/// in <see cref="SkippedTables"/> and the log.
/// </summary>
public sealed class PostGisStore : IStore, IChangeFeed
{
    private readonly NpgsqlDataSource _db;
    private readonly PostGisStoreOptions _options;
    private readonly ILogger _log;
    private IReadOnlyDictionary<string, string> _skipped = new Dictionary<string, string>();
    private IReadOnlySet<string> _watched = new HashSet<string>();

    /// <param name="connectionString">
    /// An Npgsql connection string. Unless it says otherwise, connections time out after 10 s, run in UTC, are
    /// named "geosdi" in pg_stat_activity, and statements are cancelled by the server after
    /// <see cref="PostGisStoreOptions.StatementTimeout"/> (and by the client 5 s later).
    /// </param>
    public PostGisStore(string connectionString, PostGisStoreOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new PostGisStoreOptions();
        var builder = new NpgsqlDataSourceBuilder(Configure(connectionString, _options.StatementTimeout));
        if (loggerFactory is not null) builder.UseLoggerFactory(loggerFactory);
        _db = builder.Build();
        _log = loggerFactory?.CreateLogger<PostGisStore>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Tables the last <see cref="OpenFeatureSourcesAsync"/> left out, by published name, with the reason.</summary>
    public IReadOnlyDictionary<string, string> SkippedTables => _skipped;

    public async Task<IReadOnlyList<IFeatureSource>> OpenFeatureSourcesAsync(CancellationToken ct)
    {
        await CheckAsync(ct);
        await using var connection = await _db.OpenConnectionAsync(ct);
        var (tables, skipped) = await PostGisCatalog.ReadAsync(connection, _options, ct);
        _skipped = skipped;
        foreach (var (table, reason) in skipped)
            _log.LogWarning("PostGIS table {Table} is not published: {Reason}", table, reason);
        if (_options.Tables is { } listed)
        {
            var problems = listed.Where(name => tables.All(t => t.Name != name && "public." + t.Name != name))
                .Select(name => skipped.TryGetValue(name, out var reason) ? $"{name} ({reason})" : $"{name} (not found)")
                .ToList();
            if (problems.Count > 0)
                throw new InvalidDataException($"tables that cannot be published: {string.Join("; ", problems)}.");
        }

        string? caseCollation = await CaseCollationAsync(connection, ct);
        var sources = new List<IFeatureSource>(tables.Count);
        foreach (var table in tables)
        {
            var schema = table.ToSchema();
            var temporal = table.Columns.FirstOrDefault(c => c.IsTemporal);
            var info = new FeatureSourceInfo
            {
                Name = table.Name,
                Title = table.Title,
                Description = table.Description,
                Schema = schema,
                Srid = table.Srid,
                Extent = table.Geometry is null ? null : await ExtentAsync(connection, table, ct),
                Temporal = temporal is null ? null : new TemporalProperty(temporal.Name),
            };
            sources.Add(new PostGisFeatureSource(_db, table, info, caseCollation));
        }
        if (_options.ListenForChanges) _watched = await InstallTriggersAsync(connection, tables, ct);
        return sources;
    }

    /// <summary>The change triggers on every table with geometry; a table that refuses them (a view) is logged, not fatal.</summary>
    private async Task<IReadOnlySet<string>> InstallTriggersAsync(NpgsqlConnection connection, IEnumerable<PostGisTable> tables, CancellationToken ct)
    {
        var watched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t.Geometry is not null))
            try
            {
                await PostGisChangeTriggers.InstallAsync(connection, table, ct);
                watched.Add(table.Name);
            }
            catch (PostgresException e)
            {
                _log.LogWarning("Changes to {Table} are not announced: its triggers could not be created ({Reason})", table.Name, e.MessageText);
            }
        return watched;
    }

    /// <summary>
    /// Reports the changes the triggers announce on the watched tables. After a lost connection it reconnects and
    /// reports every watched table as changed anywhere, since notifications sent meanwhile are lost.
    /// </summary>
    public async Task ListenAsync(Action<string, BBox?> changed, CancellationToken ct)
    {
        if (_watched.Count == 0) return;
        bool reconnecting = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _db.OpenConnectionAsync(ct);
                connection.Notification += (_, e) => Dispatch(e.Payload, changed);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostGisChangeTriggers.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (reconnecting)
                    foreach (var table in _watched) changed(table, null);
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                _log.LogWarning("Listening for table changes failed ({Reason}); retrying in 5 s", e.Message);
                reconnecting = true;
                try { await Task.Delay(TimeSpan.FromSeconds(5), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private void Dispatch(string payload, Action<string, BBox?> changed)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(payload);
            var name = json.RootElement.GetProperty("table").GetString() ?? "";
            // Tables of the public schema are published by their bare name.
            if (name.StartsWith("public.", StringComparison.Ordinal) && !_watched.Contains(name)) name = name["public.".Length..];
            if (!_watched.Contains(name)) return;
            var box = json.RootElement.GetProperty("box");
            changed(name, box.ValueKind == System.Text.Json.JsonValueKind.Array
                ? new BBox(box[0].GetDouble(), box[1].GetDouble(), box[2].GetDouble(), box[3].GetDouble())
                : null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _log.LogWarning("Ignored a malformed change notification: {Payload}", payload);
        }
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand("SELECT postgis_lib_version()");
        try
        {
            await cmd.ExecuteScalarAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedFunction)
        {
            throw new InvalidOperationException(
                $"PostGIS is not installed in database '{new NpgsqlConnectionStringBuilder(_db.ConnectionString).Database}': " +
                "run CREATE EXTENSION postgis in it.", e);
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>
    /// The table's extent in its storage CRS: the planner's estimate when statistics exist (cheap on any size of
    /// table, slightly generous), otherwise computed over every row; null for a table without geometries.
    /// </summary>
    private async Task<BBox?> ExtentAsync(NpgsqlConnection connection, PostGisTable table, CancellationToken ct)
    {
        try
        {
            await using var estimate = new NpgsqlCommand(
                "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_EstimatedExtent($1, $2, $3) AS e) x", connection);
            estimate.Parameters.Add(new NpgsqlParameter { Value = table.SchemaName });
            estimate.Parameters.Add(new NpgsqlParameter { Value = table.TableName });
            estimate.Parameters.Add(new NpgsqlParameter { Value = table.Geometry! });
            if (await ReadBoxAsync(estimate, ct) is { } box) return box;
        }
        catch (PostgresException e)
        {
            _log.LogDebug("No estimated extent for {Table}: {Reason}", table.Name, e.MessageText);
        }
        try
        {
            await using var exact = new NpgsqlCommand(
                $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(t.{SqlIdentifier.Quote(table.Geometry!)}) AS e FROM {table.From} t) x",
                connection);
            return await ReadBoxAsync(exact, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            _log.LogWarning("The extent of {Table} took longer than the statement timeout; published without one", table.Name);
            return null;
        }
    }

    /// <summary>ICU's root collation when the server has ICU (Debian's has), for CASEI; null otherwise.</summary>
    private static async Task<string?> CaseCollationAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT collname::text FROM pg_collation WHERE collname = 'und-x-icu' AND collprovider = 'i' LIMIT 1", connection);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    private static async Task<BBox?> ReadBoxAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) && !r.IsDBNull(0)
            ? new BBox(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3))
            : null;
    }

    private static string Configure(string connectionString, TimeSpan statementTimeout)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("Timeout")) builder.Timeout = 10;
        if (!given.Contains("Timezone")) builder.Timezone = "UTC";
        if (!given.Contains("ApplicationName")) builder.ApplicationName = "geosdi";
        // Vector tiles write dates as their ISO text (PostGisTileQuery), whatever the database's default DateStyle.
        if (builder.Options?.Contains("DateStyle", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = $"{builder.Options} -c DateStyle=ISO".Trim();
        if (statementTimeout > TimeSpan.Zero)
        {
            // The server cancels a runaway statement itself; the client waits a little longer before giving up.
            if (builder.Options?.Contains("statement_timeout", StringComparison.Ordinal) != true)
                builder.Options = $"{builder.Options} -c statement_timeout={(long)statementTimeout.TotalMilliseconds}".Trim();
            if (!given.Contains("CommandTimeout"))
                builder.CommandTimeout = (int)Math.Ceiling(statementTimeout.TotalSeconds) + 5;
        }
        return builder.ConnectionString;
    }
}
