using System.Globalization;
using GeoServer.Core.Editing;
using GeoServer.Core.Sources;
using GeoServer.Data.Editing;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace GeoServer.Data.GeoPackage;

/// <summary>
/// Writes edits to one GeoPackage table in one transaction. SQLite's write transaction (BEGIN IMMEDIATE) holds the
/// file's write lock from the first statement, so a row's entity tag is compared with no other writer in between;
/// the table's R-tree triggers keep the spatial index in step, and gpkg_contents.last_change is updated.
/// </summary>
internal sealed class GeoPackageFeatureWriter(GeoPackageStore store, FeatureSourceInfo info, string? geometryColumn,
    Func<SqliteDataReader, Feature> readFeature, string select) : IFeatureEditSteps<SqliteConnection>
{
    private readonly string _table = SqlIdentifier.Quote(info.Name);
    private readonly string _key = SqlIdentifier.Quote(info.Schema.KeyName);

    public async Task<FeatureEditResult> ApplyAsync(IReadOnlyList<FeatureEdit> edits, CancellationToken ct)
    {
        await using var connection = store.OpenForWriting();
        await using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            var result = await FeatureEditPlayback.PlayAsync(edits, this, connection, ct);
            await ExecuteAsync(connection,
                "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = $p0", [info.Name], ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 19 or 20)
        {
            // SQLITE_CONSTRAINT (NOT NULL, UNIQUE, CHECK, trigger RAISE) and SQLITE_MISMATCH: the client's values.
            throw new FeatureEditException(e.SqliteExtendedErrorCode is 1555 or 2067 ? FeatureEditError.Conflict : FeatureEditError.Invalid,
                e.Message.Replace("SQLite Error 19: ", "", StringComparison.Ordinal), e);
        }
    }

    public async Task<Feature?> ReadForUpdateAsync(SqliteConnection connection, long id, CancellationToken ct)
    {
        // The transaction began IMMEDIATE: the file's write lock is held, so reading is locking.
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"{select} WHERE t.{_key} = $id";
        cmd.Parameters.AddWithValue("$id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? readFeature(reader) : null;
    }

    public Task DeleteAsync(SqliteConnection connection, long id, CancellationToken ct) =>
        ExecuteAsync(connection, $"DELETE FROM {_table} WHERE {_key} = $p0", [id], ct);

    public async Task<long> InsertAsync(SqliteConnection connection, FeatureDraft draft, CancellationToken ct)
    {
        var columns = new List<string>();
        var values = new List<object?>();
        if (geometryColumn is not null && draft.Geometry is not null)
        {
            columns.Add(SqlIdentifier.Quote(geometryColumn));
            values.Add(GeoPackageGeometry.Write(draft.Geometry, info.Srid ?? 0));
        }
        foreach (var (name, value) in draft.Values)
        {
            Property(name);
            columns.Add(SqlIdentifier.Quote(name));
            values.Add(ToParameter(value));
        }
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = columns.Count == 0
            ? $"INSERT INTO {_table} DEFAULT VALUES RETURNING {_key}"
            : $"INSERT INTO {_table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i))}) RETURNING {_key}";
        Bind(cmd, values);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task UpdateAsync(SqliteConnection connection, long id, FeatureDraft draft, bool everyColumn, CancellationToken ct)
    {
        var sets = new List<string>();
        var values = new List<object?> { id };
        if (geometryColumn is not null && (everyColumn || draft.SetsGeometry))
        {
            values.Add(draft.Geometry is null ? null : GeoPackageGeometry.Write(draft.Geometry, info.Srid ?? 0));
            sets.Add($"{SqlIdentifier.Quote(geometryColumn)} = $p{values.Count - 1}");
        }
        foreach (var name in draft.Values.Keys) Property(name);
        foreach (var property in info.Schema.Properties)
        {
            bool given = draft.Values.TryGetValue(property.Name, out var value);
            if (!given && !everyColumn) continue;
            values.Add(ToParameter(given ? value : null));
            sets.Add($"{SqlIdentifier.Quote(property.Name)} = $p{values.Count - 1}");
        }
        if (sets.Count == 0) return;
        await ExecuteAsync(connection, $"UPDATE {_table} SET {string.Join(", ", sets)} WHERE {_key} = $p0", values, ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, IReadOnlyList<object?> values, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Bind(cmd, values);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Bind(SqliteCommand cmd, IReadOnlyList<object?> values)
    {
        for (int i = 0; i < values.Count; i++) cmd.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
    }

    private void Property(string name)
    {
        if (info.Schema.Find(name) is null)
            throw new FeatureEditException(FeatureEditError.Invalid, $"'{name}' is not a property of {info.Name}.");
    }

    /// <summary>GeoPackage stores booleans as 0/1 and dates as ISO 8601 text, which the draft already holds.</summary>
    private static object? ToParameter(object? value) => value is bool b ? (b ? 1L : 0L) : value;
}
