using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using GeoServer.Core.Editing;
using GeoServer.Core.Sources;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace GeoServer.Data.GeoPackage;

/// <summary>
/// One GeoPackage table. The select list and the R-tree join are written once at open; a request only adds
/// the WHERE clauses its filters need and binds their values as parameters.
/// </summary>
public sealed class GeoPackageFeatureSource : IFeatureSource, IFeatureEditor
{
    private const string IntersectsFunction = "geosdi_intersects";
    private readonly GeoPackageStore _store;
    private readonly string _selectList;
    private readonly string _from;
    private readonly string _key;
    private readonly string? _geometry;
    private readonly string? _rtree;
    private readonly GeoPackageFeatureWriter _writer;

    internal GeoPackageFeatureSource(GeoPackageStore store, FeatureSourceInfo info, string? geometryColumn, string? rtree)
    {
        _store = store;
        Info = info;
        _key = "t." + SqlIdentifier.Quote(info.Schema.KeyName);
        _geometry = geometryColumn is null ? null : "t." + SqlIdentifier.Quote(geometryColumn);
        _rtree = rtree;
        var columns = new List<string> { _key, _geometry ?? "NULL" };
        columns.AddRange(info.Schema.Properties.Select(p => "t." + SqlIdentifier.Quote(p.Name)));
        _selectList = string.Join(", ", columns);
        // Joining the R-tree lets SQLite walk the spatial index instead of the table for bbox queries.
        _from = rtree is null
            ? $"{SqlIdentifier.Quote(info.Name)} t"
            : $"{SqlIdentifier.Quote(info.Name)} t JOIN {SqlIdentifier.Quote(rtree)} r ON r.id = {_key}";
        _writer = new GeoPackageFeatureWriter(store, info, geometryColumn, ReadFeature,
            $"SELECT {_selectList} FROM {SqlIdentifier.Quote(info.Name)} t");
    }

    public FeatureSourceInfo Info { get; }

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = _store.Open();
        await using var cmd = connection.CreateCommand();
        var where = Where(query, cmd, connection);
        if (query.AfterKey is { } after && query.SortBy.Count == 0)
        {
            Append(where, $"{_key} > $after");
            cmd.Parameters.AddWithValue("$after", after);
        }
        cmd.CommandText = $"SELECT {_selectList} FROM {FromFor(query)}{where} ORDER BY {OrderBy(query)} LIMIT $limit OFFSET $offset";
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.Parameters.AddWithValue("$offset", query.AfterKey is null || query.SortBy.Count > 0 ? query.Offset : 0);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return ReadFeature(reader);
    }

    public Task<FeatureEditResult> ApplyAsync(IReadOnlyList<FeatureEdit> edits, CancellationToken ct) => _writer.ApplyAsync(edits, ct);

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken ct)
    {
        await using var connection = _store.Open();
        await using var cmd = connection.CreateCommand();
        var where = Where(query, cmd, connection);
        cmd.CommandText = $"SELECT count(*) FROM {FromFor(query)}{where}";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task<Feature?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = _store.Open();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {_selectList} FROM {SqlIdentifier.Quote(Info.Name)} t WHERE {_key} = $id";
        cmd.Parameters.AddWithValue("$id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadFeature(reader) : null;
    }

    public async Task<(string? Start, string? End)> TemporalExtentAsync(TemporalProperty property, CancellationToken ct)
    {
        await using var connection = _store.Open();
        await using var cmd = connection.CreateCommand();
        string start = Column(property.Start), end = Column(property.End ?? property.Start);
        cmd.CommandText = $"SELECT min({start}), max({end}) FROM {SqlIdentifier.Quote(Info.Name)} t";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
    }

    private string FromFor(FeatureQuery query) =>
        query.BBox is not null && _rtree is not null ? _from : $"{SqlIdentifier.Quote(Info.Name)} t";

    /// <summary>The requested order, then the key so that ties never reorder between pages.</summary>
    private string OrderBy(FeatureQuery query)
    {
        if (query.SortBy.Count == 0) return _key;
        var order = new StringBuilder();
        foreach (var key in query.SortBy)
            order.Append(Column(key.Property.Name)).Append(key.Descending ? " DESC, " : " ASC, ");
        return order.Append(_key).ToString();
    }

    private StringBuilder Where(FeatureQuery query, SqliteCommand cmd, SqliteConnection connection)
    {
        var where = new StringBuilder();
        if (query.BBox is { } box && _geometry is not null)
        {
            cmd.Parameters.AddWithValue("$minx", box.MinX);
            cmd.Parameters.AddWithValue("$miny", box.MinY);
            cmd.Parameters.AddWithValue("$maxx", box.MaxX);
            cmd.Parameters.AddWithValue("$maxy", box.MaxY);
            connection.CreateFunction<byte[]?, double, double, double, double, bool>(IntersectsFunction, Intersects, isDeterministic: true);
            string exact = $"{IntersectsFunction}({_geometry}, $minx, $miny, $maxx, $maxy)";
            if (_rtree is null)
                Append(where, exact);
            else if (query.BBoxByEnvelope)
                Append(where, "r.minx <= $maxx AND r.maxx >= $minx AND r.miny <= $maxy AND r.maxy >= $miny");
            else
                // The R-tree answers envelope overlap on single-precision bounds rounded outwards, so features not
                // wholly inside the box (points too) need the exact test.
                Append(where, "r.minx <= $maxx AND r.maxx >= $minx AND r.miny <= $maxy AND r.maxy >= $miny AND " +
                              $"((r.minx >= $minx AND r.maxx <= $maxx AND r.miny >= $miny AND r.maxy <= $maxy) OR {exact})");
        }
        if (query.Datetime is { } time) AppendTime(where, cmd, time);
        if (query.Filter is { } cql)
        {
            GeoPackageFilterSql.RegisterFunctions(connection);
            Append(where, GeoPackageFilterSql.Translate(cql, cmd, _geometry, _rtree, _key));
        }
        for (int i = 0; i < query.PropertyFilters.Count; i++)
        {
            var filter = query.PropertyFilters[i];
            Append(where, $"{Column(filter.Property.Name)} = $p{i}");
            cmd.Parameters.AddWithValue($"$p{i}", filter.Value is bool b ? (b ? 1 : 0) : filter.Value);
        }
        return where;
    }

    private void AppendTime(StringBuilder where, SqliteCommand cmd, TemporalFilter time)
    {
        // julianday() compares instants whatever the text's precision ("…00Z" and "…00.000Z" are equal).
        string start = $"julianday({Column(time.Property.Start)})";
        string end = time.Property.End is null ? start : $"julianday({Column(time.Property.End)})";
        if (time.Interval.End is { } e)
        {
            Append(where, $"{start} <= julianday($tend)");
            cmd.Parameters.AddWithValue("$tend", Iso(e));
        }
        if (time.Interval.Start is { } s)
        {
            // An interval with no end value is still open, so it reaches every later instant.
            Append(where, time.Property.End is null ? $"{end} >= julianday($tstart)"
                : $"({Column(time.Property.End)} IS NULL OR {end} >= julianday($tstart))");
            cmd.Parameters.AddWithValue("$tstart", Iso(s));
        }
        if (time.Interval.Start is null && time.Interval.End is null)
            Append(where, $"{Column(time.Property.Start)} IS NOT NULL");
    }

    private Feature ReadFeature(SqliteDataReader reader)
    {
        var properties = Info.Schema.Properties;
        var values = new object?[properties.Count];
        for (int i = 0; i < values.Length; i++)
        {
            int ordinal = i + 2;
            if (reader.IsDBNull(ordinal)) continue;
            values[i] = properties[i].Type == PropertyType.Boolean ? reader.GetInt64(ordinal) != 0 : reader.GetValue(ordinal);
        }
        Geometry? geometry = reader.IsDBNull(1) ? null : GeoPackageGeometry.Read((byte[])reader.GetValue(1));
        return new Feature(reader.GetInt64(0), geometry, values);
    }

    private static bool Intersects(byte[]? blob, double minX, double minY, double maxX, double maxY)
    {
        if (blob is null) return false;
        var geometry = GeoPackageGeometry.Read(blob);
        if (geometry.IsEmpty) return false;
        var box = new Envelope(minX, maxX, minY, maxY);
        return box.Intersects(geometry.EnvelopeInternal) && geometry.Intersects(geometry.Factory.ToGeometry(box));
    }

    private static string Column(string name) => "t." + SqlIdentifier.Quote(name);

    private static void Append(StringBuilder where, string clause) =>
        where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(clause);

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
