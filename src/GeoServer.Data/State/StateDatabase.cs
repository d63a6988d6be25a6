using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GeoServer.Data.State;

/// <summary>
/// The database of the server's own tables (configuration, usage, audit): PostgreSQL when named by an Npgsql
/// connection string ("Host=…"), shared by a cluster; otherwise an SQLite file. Both understand the SQL these tables
/// use, with @name parameters.
/// </summary>
internal sealed class StateDatabase
{
    private readonly Func<DbConnection> _connect;

    public StateDatabase(string database)
    {
        IsPostgres = database.Contains('=', StringComparison.Ordinal);
        if (IsPostgres)
        {
            var source = NpgsqlDataSource.Create(database);
            _connect = () => source.CreateConnection();
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        _connect = () => new SqliteConnection(connectionString);
    }

    public bool IsPostgres { get; }

    public DbConnection Open()
    {
        var connection = _connect();
        connection.Open();
        return connection;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = _connect();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>A command with its values bound as parameters (never written into the SQL).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
