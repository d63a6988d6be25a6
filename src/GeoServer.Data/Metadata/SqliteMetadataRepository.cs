using GeoServer.Core.Metadata;
using Microsoft.Data.Sqlite;

namespace GeoServer.Data.Metadata;

/// <summary>
/// Catalog records in one SQLite table (created when missing): id, the record document, modification time and
/// source. Every statement binds its values as parameters; writes run in one transaction each.
/// </summary>
public sealed class SqliteMetadataRepository : IMetadataRepository
{
    private readonly string _connectionString;

    /// <param name="path">The database file; created with its folder when missing.</param>
    public SqliteMetadataRepository(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS catalog_records (
                id TEXT PRIMARY KEY NOT NULL,
                document TEXT NOT NULL,
                modified TEXT NOT NULL,
                source TEXT)
            """;
        create.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public async Task<IReadOnlyList<StoredRecord>> LoadAllAsync(CancellationToken ct)
    {
        await using var connection = Open();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, document, modified, source FROM catalog_records ORDER BY id";
        await using var reader = await select.ExecuteReaderAsync(ct);
        var records = new List<StoredRecord>();
        while (await reader.ReadAsync(ct))
            records.Add(new StoredRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2),
                System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return records;
    }

    public async Task UpsertAsync(IReadOnlyCollection<StoredRecord> records, CancellationToken ct)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO catalog_records (id, document, modified, source) VALUES ($id, $document, $modified, $source)
            ON CONFLICT (id) DO UPDATE SET document = excluded.document, modified = excluded.modified, source = excluded.source
            """;
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var document = upsert.Parameters.Add("$document", SqliteType.Text);
        var modified = upsert.Parameters.Add("$modified", SqliteType.Text);
        var source = upsert.Parameters.Add("$source", SqliteType.Text);
        foreach (var r in records)
        {
            id.Value = r.Id;
            document.Value = r.Document;
            modified.Value = r.Modified.UtcDateTime.ToString("O");
            source.Value = (object?)r.Source ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM catalog_records WHERE id = $id";
        var id = delete.Parameters.Add("$id", SqliteType.Text);
        int deleted = 0;
        foreach (var value in ids)
        {
            id.Value = value;
            deleted += await delete.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return deleted;
    }
}
