using GeoServer.Core.Spatial;
using GeoServer.Core.Sources;
using Microsoft.Data.Sqlite;

namespace GeoServer.Data.GeoPackage;

/// <summary>
/// A GeoPackage file, read through read-only connections (edits open their own). Lists its feature and attribute tables from gpkg_contents and describes
/// each from the GeoPackage catalog tables and SQLite's table_info.
/// </summary>
public sealed class GeoPackageStore : IStore
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _writeConnectionString;

    public GeoPackageStore(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
        _writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            // A writer waits for another (this process or an ogr2ogr next door) instead of failing at once.
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<IReadOnlyList<IFeatureSource>> OpenFeatureSourcesAsync(CancellationToken ct)
    {
        await CheckAsync(ct);
        await using var connection = Open();
        var tables = new List<(string Name, string Type, string? Title, string? Description, BBox? Extent)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, max_y
                FROM gpkg_contents WHERE data_type IN ('features', 'attributes') ORDER BY table_name
                """;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                BBox? extent = r.IsDBNull(4) || r.IsDBNull(7) ? null
                    : new BBox(r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7));
                tables.Add((r.GetString(0), r.GetString(1), NullIfEmpty(r, 2), NullIfEmpty(r, 3), extent));
            }
        }

        var sources = new List<IFeatureSource>();
        foreach (var t in tables)
            sources.Add(await DescribeAsync(connection, t.Name, t.Title, t.Description, t.Extent, ct));
        return sources;
    }

    public Task CheckAsync(CancellationToken ct)
    {
        if (!File.Exists(_path)) throw new FileNotFoundException($"GeoPackage file not found: {_path}", _path);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM gpkg_contents";
        cmd.ExecuteScalar();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A connection that may write, with the functions the R-tree triggers call.</summary>
    internal SqliteConnection OpenForWriting()
    {
        var connection = new SqliteConnection(_writeConnectionString);
        connection.Open();
        GeoPackageSqlFunctions.Register(connection);
        return connection;
    }

    private async Task<IFeatureSource> DescribeAsync(
        SqliteConnection connection, string table, string? title, string? description, BBox? extent, CancellationToken ct)
    {
        string? geometryColumn = null, geometryType = null;
        int? srid = null;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = $t";
            cmd.Parameters.AddWithValue("$t", table);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct))
            {
                geometryColumn = r.GetString(0);
                geometryType = r.GetString(1).ToUpperInvariant();
                srid = r.GetInt32(2);
            }
        }

        string? key = null;
        var properties = new List<PropertyInfo>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name, type, pk FROM pragma_table_info($t) ORDER BY cid";
            cmd.Parameters.AddWithValue("$t", table);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                string name = r.GetString(0), type = r.GetString(1);
                if (r.GetInt32(2) == 1 && key is null && ToPropertyType(type) == PropertyType.Integer) key = name;
                else if (name != geometryColumn) properties.Add(new PropertyInfo(name, ToPropertyType(type)));
            }
        }
        if (key is null) throw new InvalidDataException($"GeoPackage table '{table}' has no integer primary key.");

        string? rtree = null;
        if (geometryColumn is not null)
        {
            string candidate = $"rtree_{table}_{geometryColumn}";
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n";
            cmd.Parameters.AddWithValue("$n", candidate);
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 1) rtree = candidate;
        }

        var schema = new FeatureSchema(key, properties, geometryType);
        var temporalColumn = properties.FirstOrDefault(p => p.Type is PropertyType.DateTime or PropertyType.Date);
        var info = new FeatureSourceInfo
        {
            Name = table,
            Title = title,
            Description = description,
            Schema = schema,
            Srid = srid,
            Extent = geometryColumn is null ? null : extent ?? await RtreeExtentAsync(connection, rtree, ct),
            Temporal = temporalColumn is null ? null : new TemporalProperty(temporalColumn.Name),
        };
        return new GeoPackageFeatureSource(this, info, geometryColumn, rtree);
    }

    private static async Task<BBox?> RtreeExtentAsync(SqliteConnection connection, string? rtree, CancellationToken ct)
    {
        if (rtree is null) return null;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT min(minx), min(miny), max(maxx), max(maxy) FROM {SqlIdentifier.Quote(rtree)}";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) && !r.IsDBNull(0)
            ? new BBox(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3))
            : null;
    }

    /// <summary>GeoPackage 1.3 table 1 data types; SQLite affinity rules for anything else.</summary>
    private static PropertyType ToPropertyType(string declared)
    {
        string t = declared.ToUpperInvariant();
        int paren = t.IndexOf('(');
        if (paren >= 0) t = t[..paren];
        return t.Trim() switch
        {
            "BOOLEAN" => PropertyType.Boolean,
            "TINYINT" or "SMALLINT" or "MEDIUMINT" or "INT" or "INTEGER" or "BIGINT" => PropertyType.Integer,
            "FLOAT" or "DOUBLE" or "REAL" or "NUMERIC" => PropertyType.Number,
            "DATE" => PropertyType.Date,
            "DATETIME" => PropertyType.DateTime,
            "BLOB" => PropertyType.Binary,
            var other when other.Contains("INT") => PropertyType.Integer,
            var other when other.Contains("REAL") || other.Contains("FLOA") || other.Contains("DOUB") => PropertyType.Number,
            _ => PropertyType.String,
        };
    }

    private static string? NullIfEmpty(SqliteDataReader r, int i) =>
        r.IsDBNull(i) || string.IsNullOrWhiteSpace(r.GetString(i)) ? null : r.GetString(i);
}
