using System.Globalization;
using GeoServer.Core.Editing;
using GeoServer.Core.Sources;
using GeoServer.Data.Editing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace GeoServer.Data.PostGis;

/// <summary>
/// Writes edits to one table in one transaction. A row about to change is read with FOR UPDATE, so its entity tag
/// is compared under the row lock and a concurrent edit of the same row waits, then sees the new tag. PostgreSQL's
/// own checks (NOT NULL, CHECK, UNIQUE, geometry type and SRID) refuse what does not fit, naming the column.
/// </summary>
internal sealed class PostGisFeatureWriter(NpgsqlDataSource db, PostGisTable table, Func<NpgsqlDataReader, Feature> readFeature, string select)
    : IFeatureEditSteps<NpgsqlConnection>
{
    private readonly string? _geometry = table.Geometry is null ? null : SqlIdentifier.Quote(table.Geometry);

    public async Task<FeatureEditResult> ApplyAsync(IReadOnlyList<FeatureEdit> edits, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var result = await FeatureEditPlayback.PlayAsync(edits, this, connection, ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Class 22 (data exception) and 23 (integrity constraint): the client's values, not the server, are wrong.
            throw new FeatureEditException(e.SqlState.StartsWith("23505", StringComparison.Ordinal) ? FeatureEditError.Conflict : FeatureEditError.Invalid,
                e.MessageText + (e.ColumnName is { } column ? $" (column '{column}')" : ""), e);
        }
    }

    public async Task<Feature?> ReadForUpdateAsync(NpgsqlConnection connection, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"{select} WHERE {table.Key.Sql} = $1 FOR UPDATE", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) ? readFeature(reader) : null;
    }

    public Task DeleteAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        ExecuteAsync(connection, $"DELETE FROM {table.From} t WHERE {table.Key.Sql} = $1", [id], ct);

    public async Task<long> InsertAsync(NpgsqlConnection connection, FeatureDraft draft, CancellationToken ct)
    {
        var columns = new List<string>();
        var values = new List<string>();
        var parameters = new List<object?>();
        if (_geometry is not null && draft.Geometry is not null)
        {
            columns.Add(_geometry);
            parameters.Add(Wkb(draft.Geometry));
            values.Add($"ST_GeomFromWKB(${parameters.Count}, {table.Srid ?? 0})");
        }
        foreach (var (name, value) in draft.Values)
        {
            var column = Column(name);
            columns.Add(SqlIdentifier.Quote(column.Name));
            parameters.Add(ToParameter(column, value));
            values.Add(Placeholder(column, parameters.Count));
        }
        string sql = columns.Count == 0
            ? $"INSERT INTO {table.From} DEFAULT VALUES RETURNING {SqlIdentifier.Quote(table.Key.Name)}::int8"
            : $"INSERT INTO {table.From} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) RETURNING {SqlIdentifier.Quote(table.Key.Name)}::int8";
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task UpdateAsync(NpgsqlConnection connection, long id, FeatureDraft draft, bool everyColumn, CancellationToken ct)
    {
        var sets = new List<string>();
        var parameters = new List<object?> { id };
        if (_geometry is not null && (everyColumn || draft.SetsGeometry))
        {
            if (draft.Geometry is null) sets.Add($"{_geometry} = NULL");
            else
            {
                parameters.Add(Wkb(draft.Geometry));
                sets.Add($"{_geometry} = ST_GeomFromWKB(${parameters.Count}, {table.Srid ?? 0})");
            }
        }
        foreach (var column in table.Columns)
        {
            bool given = draft.Values.TryGetValue(column.Name, out var value);
            if (!given && !everyColumn) continue;
            parameters.Add(ToParameter(column, given ? value : null));
            sets.Add($"{SqlIdentifier.Quote(column.Name)} = {Placeholder(column, parameters.Count)}");
        }
        if (sets.Count == 0) return;
        await ExecuteAsync(connection, $"UPDATE {table.From} t SET {string.Join(", ", sets)} WHERE {table.Key.Sql} = $1", parameters, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, IEnumerable<object?> parameters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private PostGisColumn Column(string name) => table.Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new FeatureEditException(FeatureEditError.Invalid, $"'{name}' is not a property of {table.Name}.");

    /// <summary>Types read as text (uuid, json, enums, …) are written as text cast back to the column's type.</summary>
    private static string Placeholder(PostGisColumn column, int position) =>
        column.Value.EndsWith("::text", StringComparison.Ordinal)
            ? $"CAST(${position} AS {SqlIdentifier.Quote(column.PgType)})"
            : "$" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The draft's value as the .NET type Npgsql writes into the column's type.</summary>
    private static object? ToParameter(PostGisColumn column, object? value) => value switch
    {
        null => null,
        string date when column.PgType == "date" => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        string time when column.PgType is "timestamptz" or "timestamp" => Timestamp(column, time),
        long l when column.PgType == "int2" => checked((short)l),
        long l when column.PgType == "int4" => checked((int)l),
        double d when column.PgType == "float4" => (float)d,
        double d when column.PgType == "numeric" => (decimal)d,
        long l when column.PgType is "float4" or "float8" or "numeric" => (double)l,
        _ => value,
    };

    /// <summary>UTC; a column without time zone holds UTC too (connections run with TimeZone=UTC).</summary>
    private static DateTime Timestamp(PostGisColumn column, string text)
    {
        var utc = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
        return column.PgType == "timestamp" ? DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) : utc;
    }

    private static byte[] Wkb(Geometry geometry) => new WKBWriter(ByteOrder.LittleEndian, false, false).Write(geometry);
}
