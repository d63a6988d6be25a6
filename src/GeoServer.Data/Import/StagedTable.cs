using GeoServer.Core.Configuration;
using Npgsql;

namespace GeoServer.Data.Import;

/// <summary>
/// A PostGIS table loaded under a temporary name in the target schema. Committing renames it (and its indexes and
/// key sequence) to the layer's name in one transaction, dropping the table it replaces in the same transaction.
/// </summary>
public sealed class StagedTable(string connectionString, string schema, string stagedTable, string finalTable) : StagedImport
{
    public override StoreOptions Staged { get; } = new() { Type = "postgis", ConnectionString = connectionString, Tables = [schema + "." + stagedTable] };

    public override async Task CommitAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var renames = new List<(string Kind, string Name)>();
        await using (var relations = new NpgsqlCommand("""
            SELECT CASE c.relkind WHEN 'i' THEN 'INDEX' ELSE 'SEQUENCE' END, c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('i', 'S') AND left(c.relname, length(@prefix)) = @prefix
            """, connection, transaction))
        {
            relations.Parameters.AddWithValue("schema", schema);
            relations.Parameters.AddWithValue("prefix", stagedTable + "_");
            await using var r = await relations.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) renames.Add((r.GetString(0), r.GetString(1)));
        }
        await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {Q(schema)}.{Q(finalTable)} CASCADE", ct);
        await ExecuteAsync(connection, transaction, $"ALTER TABLE {Q(schema)}.{Q(stagedTable)} RENAME TO {Q(finalTable)}", ct);
        // Cosmetic but kept tidy: "roads_imp_1a2b_pkey" becomes "roads_pkey", as if the table had been made under its name.
        foreach (var (kind, name) in renames)
            await ExecuteAsync(connection, transaction, $"ALTER {kind} {Q(schema)}.{Q(name)} RENAME TO {Q(finalTable + name[stagedTable.Length..])}", ct);
        await transaction.CommitAsync(ct);
        Committed = true;
    }

    public override async ValueTask DisposeAsync()
    {
        if (!Committed) await DropAsync(connectionString, schema, stagedTable, CancellationToken.None);
    }

    /// <summary>The layer name a PostGIS store publishes the table under: "table" in public, else "schema.table".</summary>
    public static string PublishedName(string schema, string table) => PostGis.PostGisCatalog.PublishedName(schema, table);

    /// <summary>Whether a table, view or other relation of that name exists in the schema.</summary>
    public static async Task<bool> ExistsAsync(string connectionString, string schema, string table, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relname = @table", connection);
        cmd.Parameters.AddWithValue("schema", schema);
        cmd.Parameters.AddWithValue("table", table);
        return (long)(await cmd.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>Drops a table the import made (its staged copy, or a removed import's table).</summary>
    public static async Task DropAsync(string connectionString, string schema, string table, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, null, $"DROP TABLE IF EXISTS {Q(schema)}.{Q(table)} CASCADE", ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Q(string identifier) => SqlIdentifier.Quote(identifier);
}
