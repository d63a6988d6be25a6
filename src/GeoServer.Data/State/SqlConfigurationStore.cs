using System.Data.Common;
using System.Text.Json;
using GeoServer.Core.Configuration;

namespace GeoServer.Data.State;

/// <summary>
/// Run-time workspaces as JSON documents in SQLite (one node) or PostgreSQL (a cluster sharing it), with one
/// version row bumped in the same transaction as each change. The SQL is the common subset of both databases.
/// </summary>
public sealed class SqlConfigurationStore : IConfigurationStore
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private readonly StateDatabase _db;

    private SqlConfigurationStore(StateDatabase db) => _db = db;

    /// <summary>PostgreSQL when the text is an Npgsql connection string ("Host=…"), otherwise an SQLite file path.</summary>
    public static async Task<SqlConfigurationStore> OpenAsync(string database, CancellationToken ct)
    {
        var store = new SqlConfigurationStore(new StateDatabase(database));
        await store.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS geosdi_workspaces (id TEXT PRIMARY KEY, definition TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS geosdi_styles (workspace TEXT NOT NULL, layer TEXT NOT NULL, name TEXT NOT NULL, format TEXT NOT NULL,
              body TEXT NOT NULL, PRIMARY KEY (workspace, layer, name));
            CREATE TABLE IF NOT EXISTS geosdi_layer_metadata (workspace TEXT NOT NULL, layer TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (workspace, layer));
            CREATE TABLE IF NOT EXISTS geosdi_credentials (kind TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL, PRIMARY KEY (kind, name));
            CREATE TABLE IF NOT EXISTS geosdi_imports (workspace TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL, PRIMARY KEY (workspace, name));
            CREATE TABLE IF NOT EXISTS geosdi_config_version (one INTEGER PRIMARY KEY CHECK (one = 1), version BIGINT NOT NULL);
            INSERT INTO geosdi_config_version (one, version) VALUES (1, 0) ON CONFLICT (one) DO NOTHING;
            """, [], ct);
        return store;
    }

    public async Task<IReadOnlyDictionary<string, WorkspaceOptions>> ReadWorkspacesAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, definition FROM geosdi_workspaces ORDER BY id";
        var workspaces = new Dictionary<string, WorkspaceOptions>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) workspaces[r.GetString(0)] = JsonSerializer.Deserialize<WorkspaceOptions>(r.GetString(1), Json)!;
        return workspaces;
    }

    public async Task<long> VersionAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM geosdi_config_version WHERE one = 1";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<WorkspaceOptions?> PutWorkspaceAsync(string id, WorkspaceOptions workspace, CancellationToken ct) =>
        ChangeAsync(id, "INSERT INTO geosdi_workspaces (id, definition) VALUES (@id, @definition) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition",
            JsonSerializer.Serialize(workspace, Json), ct);

    public async Task<bool> ReplaceWorkspaceAsync(string id, WorkspaceOptions workspace, long expectedVersion, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The version row is the lock: the UPDATE waits for a concurrent change to commit, then finds the version moved.
        await using (var bump = StateDatabase.Command(connection, transaction,
            "UPDATE geosdi_config_version SET version = version + 1 WHERE one = 1 AND version = @expected", ("expected", expectedVersion)))
            if (await bump.ExecuteNonQueryAsync(ct) == 0) return false;
        await using (var write = StateDatabase.Command(connection, transaction, "UPDATE geosdi_workspaces SET definition = @definition WHERE id = @id",
            ("id", id), ("definition", JsonSerializer.Serialize(workspace, Json))))
            if (await write.ExecuteNonQueryAsync(ct) == 0) return false;
        await transaction.CommitAsync(ct);
        return true;
    }

    public Task<WorkspaceOptions?> DeleteWorkspaceAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, "DELETE FROM geosdi_workspaces WHERE id = @id", null, ct);

    public async Task<IReadOnlyList<StoredStyle>> ReadStylesAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = StateDatabase.Command(connection, null, "SELECT workspace, layer, name, format, body FROM geosdi_styles ORDER BY workspace, layer, name");
        var styles = new List<StoredStyle>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) styles.Add(new StoredStyle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        return styles;
    }

    public async Task<StoredStyle?> PutStyleAsync(StoredStyle style, CancellationToken ct) =>
        await ChangeStyleAsync(style.Workspace, style.Layer, style.Name,
            "INSERT INTO geosdi_styles VALUES (@workspace, @layer, @name, @format, @body) ON CONFLICT (workspace, layer, name) DO UPDATE SET format = excluded.format, body = excluded.body",
            [("format", style.Format), ("body", style.Body)], ct);

    public async Task<StoredStyle?> DeleteStyleAsync(string workspace, string layer, string name, CancellationToken ct) =>
        await ChangeStyleAsync(workspace, layer, name, "DELETE FROM geosdi_styles WHERE workspace = @workspace AND layer = @layer AND name = @name", [], ct);

    public async Task<IReadOnlyList<StoredMetadata>> ReadMetadataAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = StateDatabase.Command(connection, null, "SELECT workspace, layer, body FROM geosdi_layer_metadata ORDER BY workspace, layer");
        var all = new List<StoredMetadata>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) all.Add(new StoredMetadata(r.GetString(0), r.GetString(1), r.GetString(2)));
        return all;
    }

    public Task<StoredMetadata?> PutMetadataAsync(StoredMetadata metadata, CancellationToken ct) =>
        ChangeMetadataAsync(metadata.Workspace, metadata.Layer,
            "INSERT INTO geosdi_layer_metadata VALUES (@workspace, @layer, @body) ON CONFLICT (workspace, layer) DO UPDATE SET body = excluded.body", metadata.Body, ct);

    public Task<StoredMetadata?> DeleteMetadataAsync(string workspace, string layer, CancellationToken ct) =>
        ChangeMetadataAsync(workspace, layer, "DELETE FROM geosdi_layer_metadata WHERE workspace = @workspace AND layer = @layer", null, ct);

    private async Task<StoredMetadata?> ChangeMetadataAsync(string workspace, string layer, string sql, string? body, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        (string, object?)[] key = [("workspace", workspace), ("layer", layer)];
        StoredMetadata? previous = null;
        await using (var read = StateDatabase.Command(connection, transaction, "SELECT body FROM geosdi_layer_metadata WHERE workspace = @workspace AND layer = @layer", key))
            if (await read.ExecuteScalarAsync(ct) is string text) previous = new StoredMetadata(workspace, layer, text);
        await using (var write = StateDatabase.Command(connection, transaction, sql, [.. key, ("body", body)])) await write.ExecuteNonQueryAsync(ct);
        await using (var bump = StateDatabase.Command(connection, transaction, "UPDATE geosdi_config_version SET version = version + 1 WHERE one = 1"))
            await bump.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return previous;
    }

    public async Task<SecurityOptions> ReadCredentialsAsync(CancellationToken ct)
    {
        var security = new SecurityOptions();
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = StateDatabase.Command(connection, null, "SELECT kind, name, definition FROM geosdi_credentials ORDER BY kind, name");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            (r.GetString(0) == "user" ? security.Users : security.ApiKeys)[r.GetString(1)] = JsonSerializer.Deserialize<CredentialOptions>(r.GetString(2), Json)!;
        return security;
    }

    public Task<bool> PutCredentialAsync(string kind, string name, CredentialOptions credential, CancellationToken ct) =>
        ChangeCredentialAsync(kind, name, "INSERT INTO geosdi_credentials VALUES (@kind, @name, @definition) ON CONFLICT (kind, name) DO UPDATE SET definition = excluded.definition",
            JsonSerializer.Serialize(credential, Json), ct);

    public Task<bool> DeleteCredentialAsync(string kind, string name, CancellationToken ct) =>
        ChangeCredentialAsync(kind, name, "DELETE FROM geosdi_credentials WHERE kind = @kind AND name = @name", null, ct);

    public async Task<IReadOnlyList<ImportedLayer>> ReadImportsAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = StateDatabase.Command(connection, null, "SELECT definition FROM geosdi_imports ORDER BY workspace, name");
        var imports = new List<ImportedLayer>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) imports.Add(JsonSerializer.Deserialize<ImportedLayer>(r.GetString(0), Json)!);
        return imports;
    }

    public Task<ImportedLayer?> PutImportAsync(ImportedLayer layer, CancellationToken ct) =>
        ChangeImportAsync(layer.Workspace, layer.Name,
            "INSERT INTO geosdi_imports VALUES (@workspace, @name, @definition) ON CONFLICT (workspace, name) DO UPDATE SET definition = excluded.definition",
            JsonSerializer.Serialize(layer, Json), ct);

    public Task<ImportedLayer?> DeleteImportAsync(string workspace, string name, CancellationToken ct) =>
        ChangeImportAsync(workspace, name, "DELETE FROM geosdi_imports WHERE workspace = @workspace AND name = @name", null, ct);

    private async Task<ImportedLayer?> ChangeImportAsync(string workspace, string name, string sql, string? definition, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        (string, object?)[] key = [("workspace", workspace), ("name", name)];
        ImportedLayer? previous = null;
        await using (var read = StateDatabase.Command(connection, transaction, "SELECT definition FROM geosdi_imports WHERE workspace = @workspace AND name = @name", key))
            if (await read.ExecuteScalarAsync(ct) is string text) previous = JsonSerializer.Deserialize<ImportedLayer>(text, Json);
        await using (var write = StateDatabase.Command(connection, transaction, sql, [.. key, ("definition", definition)]))
            await write.ExecuteNonQueryAsync(ct);
        await using (var bump = StateDatabase.Command(connection, transaction, "UPDATE geosdi_config_version SET version = version + 1 WHERE one = 1"))
            await bump.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return previous;
    }

    private async Task<bool> ChangeCredentialAsync(string kind, string name, string sql, string? definition, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        bool existed;
        await using (var read = StateDatabase.Command(connection, transaction, "SELECT count(*) FROM geosdi_credentials WHERE kind = @kind AND name = @name", ("kind", kind), ("name", name)))
            existed = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
        await using (var write = StateDatabase.Command(connection, transaction, sql, ("kind", kind), ("name", name), ("definition", definition)))
            await write.ExecuteNonQueryAsync(ct);
        await using (var bump = StateDatabase.Command(connection, transaction, "UPDATE geosdi_config_version SET version = version + 1 WHERE one = 1"))
            await bump.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return existed;
    }

    private async Task<StoredStyle?> ChangeStyleAsync(string workspace, string layer, string name, string sql, (string, object?)[] values, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        (string, object?)[] key = [("workspace", workspace), ("layer", layer), ("name", name)];
        StoredStyle? previous = null;
        await using (var read = StateDatabase.Command(connection, transaction, "SELECT format, body FROM geosdi_styles WHERE workspace = @workspace AND layer = @layer AND name = @name", key))
        await using (var r = await read.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct)) previous = new StoredStyle(workspace, layer, name, r.GetString(0), r.GetString(1));
        await using (var write = StateDatabase.Command(connection, transaction, sql, [.. key, .. values])) await write.ExecuteNonQueryAsync(ct);
        await using (var bump = StateDatabase.Command(connection, transaction, "UPDATE geosdi_config_version SET version = version + 1 WHERE one = 1"))
            await bump.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return previous;
    }

    private async Task<WorkspaceOptions?> ChangeAsync(string id, string sql, string? definition, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        WorkspaceOptions? previous = null;
        await using (var read = StateDatabase.Command(connection, transaction, "SELECT definition FROM geosdi_workspaces WHERE id = @id", ("id", id)))
            if (await read.ExecuteScalarAsync(ct) is string text) previous = JsonSerializer.Deserialize<WorkspaceOptions>(text, Json);
        await using (var write = StateDatabase.Command(connection, transaction, sql, ("id", id), ("definition", definition)))
            await write.ExecuteNonQueryAsync(ct);
        if (definition is null)
            // A workspace made again under the same id starts empty: no styles, metadata or imports of the one deleted.
            foreach (var table in new[] { "geosdi_styles", "geosdi_layer_metadata", "geosdi_imports" })
                await using (var owned = StateDatabase.Command(connection, transaction, $"DELETE FROM {table} WHERE workspace = @id", ("id", id)))
                    await owned.ExecuteNonQueryAsync(ct);
        await using (var bump = StateDatabase.Command(connection, transaction, "UPDATE geosdi_config_version SET version = version + 1 WHERE one = 1"))
            await bump.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return previous;
    }

    private async Task ExecuteAsync(string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var cmd = StateDatabase.Command(connection, null, statement, parameters);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
