using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using GeoServer.Core.Editing;
using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace GeoServer.Data.PostGis;

/// <summary>
/// One PostgreSQL table or view. The select list (quoted identifiers from the catalog, geometry as
/// <c>ST_AsBinary</c>) is written once at open; a request only adds WHERE clauses and binds their values as
/// positional parameters. Rows are streamed; cancelling the token cancels the statement on the server. Vector
/// tiles are encoded by PostGIS in one statement per tile (<see cref="PostGisTileQuery"/>).
/// </summary>
public sealed class PostGisFeatureSource : IFeatureSource, IMatchCountingSource, IVectorTileSource, IFeatureEditor
{
    private readonly NpgsqlDataSource _db;
    private readonly PostGisTable _table;
    private const string TotalColumn = "geosdi_matched";
    private readonly string _selectList;
    private readonly string _selectHead;
    private readonly string _select;
    private readonly string _count;
    private readonly string? _geometry;
    private readonly string? _caseCollation;
    private readonly PostGisTileQuery? _tiles;
    private readonly PostGisFeatureWriter _writer;

    internal PostGisFeatureSource(NpgsqlDataSource db, PostGisTable table, FeatureSourceInfo info, string? caseCollation)
    {
        _db = db;
        _caseCollation = caseCollation;
        _table = table;
        Info = info;
        _geometry = table.Geometry is null ? null : "t." + SqlIdentifier.Quote(table.Geometry);
        var columns = new List<string>
        {
            table.Key.PgType == "int8" ? table.Key.Sql : table.Key.Sql + "::int8",
            _geometry is null ? "NULL::bytea" : $"ST_AsBinary({_geometry})",
        };
        _selectHead = $"SELECT {string.Join(", ", columns)}";
        columns.AddRange(table.Columns.Select(c => c.Select));
        _selectList = $"SELECT {string.Join(", ", columns)}";
        _select = $"{_selectList} FROM {table.From} t";
        _count = $"SELECT count(*) FROM {table.From} t";
        _tiles = table.Geometry is null ? null : new PostGisTileQuery(table);
        _writer = new PostGisFeatureWriter(db, table, ReadFeature, _select);
    }

    public FeatureSourceInfo Info { get; }

    /// <summary>The select of a query: every column, or NULL in place of those the query will not read.</summary>
    private string SelectFor(FeatureQuery query)
    {
        if (query.Properties is not { } wanted) return _select;
        var columns = new StringBuilder(_selectHead);
        for (int i = 0; i < _table.Columns.Count; i++)
            columns.Append(", ").Append(wanted.Contains(i) ? _table.Columns[i].Select : "NULL");
        return columns.Append(" FROM ").Append(_table.From).Append(" t").ToString();
    }

    public IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, CancellationToken ct) => QueryAsync(query, null, ct);

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, MatchCount? count, [EnumeratorCancellation] CancellationToken ct)
    {
        var parameters = new PostGisParameters();
        var where = Where(query, parameters);
        long offset = query.Offset;
        // Keyset paging follows the key order only, so it applies when nothing else orders the page.
        if (query.AfterKey is { } after && query.SortBy.Count == 0)
        {
            Append(where, $"{_table.Key.Sql} > {parameters.Add(after)}");
            offset = 0;
        }
        var order = new StringBuilder();
        // Sorting a map's box only delays its first row; keep the order wherever paging or a count relies on it.
        if (!(query.AnyOrder && query.SortBy.Count == 0 && query.AfterKey is null && offset == 0 && count is null))
        {
            order.Append(" ORDER BY ");
            foreach (var key in query.SortBy)
                order.Append(Column(key.Property.Name).Sql).Append(key.Descending ? " DESC, " : " ASC, ");
            order.Append(_table.Key.Sql);
        }
        var paging = new StringBuilder();
        if (query.Limit < int.MaxValue) paging.Append(" LIMIT ").Append(parameters.Add((long)query.Limit));
        if (offset > 0) paging.Append(" OFFSET ").Append(parameters.Add(offset));

        string sql = count is null
            ? $"{SelectFor(query)}{where}{order}{paging}"
            // One scan both counts the matches (the window runs before LIMIT) and finds the page; the outer
            // query encodes geometries for the page's rows only.
            : $"{_selectList}, t.{TotalColumn} FROM (SELECT t.*, count(*) OVER () AS {TotalColumn} FROM {_table.From} t{where}{order}{paging}) t{order}";

        // A connection of our own rather than a data-source command, which cannot be cancelled (see CloseAsync).
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var cmd = parameters.Bind(new NpgsqlCommand(sql, connection));
        var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        bool finished = false;
        try
        {
            while (await reader.ReadAsync(ct))
            {
                var feature = ReadFeature(reader);
                if (count is not null) count.Value ??= reader.GetInt64(reader.FieldCount - 1);
                yield return feature;
            }
            finished = true;
        }
        finally
        {
            await CloseAsync(cmd, reader, finished || ct.IsCancellationRequested);
        }
    }

    /// <summary>
    /// Closing a reader reads the rows left unread, so a caller that stops early (a page written, an error) would
    /// wait for the whole statement; cancel it on the server instead and discard the error that answers. A
    /// cancelled token has already cancelled it.
    /// </summary>
    private static async Task CloseAsync(NpgsqlCommand cmd, NpgsqlDataReader reader, bool done)
    {
        if (done)
        {
            await reader.DisposeAsync();
            return;
        }
        try
        {
            cmd.Cancel();
            await reader.DisposeAsync();
        }
        catch (Exception e) when (e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } or OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The layer encoded by PostGIS (<c>ST_AsMVT</c>) in one statement, under the statement timeout and cancelled
    /// on the server with the token; null when no feature reaches the tile, or the table has no geometry.
    /// </summary>
    public Task<byte[]?> GetVectorTileAsync(VectorTileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return _tiles is null ? Task.FromResult<byte[]?>(null) : _tiles.ExecuteAsync(_db, request, ct);
    }

    public Task<FeatureEditResult> ApplyAsync(IReadOnlyList<FeatureEdit> edits, CancellationToken ct) => _writer.ApplyAsync(edits, ct);

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken ct)
    {
        var parameters = new PostGisParameters();
        await using var cmd = parameters.Bind(_db.CreateCommand(_count + Where(query, parameters)));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task<Feature?> GetAsync(long id, CancellationToken ct)
    {
        var parameters = new PostGisParameters();
        await using var cmd = parameters.Bind(_db.CreateCommand($"{_select} WHERE {_table.Key.Sql} = {parameters.Add(id)}"));
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) ? ReadFeature(reader) : null;
    }

    public async Task<(string? Start, string? End)> TemporalExtentAsync(TemporalProperty property, CancellationToken ct)
    {
        PostGisColumn start = Column(property.Start), end = Column(property.End ?? property.Start);
        await using var cmd = _db.CreateCommand($"SELECT min({start.Select}), max({end.Select}) FROM {_table.From} t");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (Text(PostGisValues.Read(reader, 0, start)), Text(PostGisValues.Read(reader, 1, end)));
    }

    private StringBuilder Where(FeatureQuery query, PostGisParameters parameters)
    {
        var where = new StringBuilder();
        if (query.BBox is { } box && _geometry is not null)
        {
            // && lets the planner use the GiST index; ST_Intersects then tests the exact geometry.
            string envelope = $"ST_MakeEnvelope({parameters.Add(box.MinX)}, {parameters.Add(box.MinY)}, " +
                              $"{parameters.Add(box.MaxX)}, {parameters.Add(box.MaxY)}, {_table.Srid ?? 0})";
            Append(where, query.BBoxByEnvelope ? $"{_geometry} && {envelope}"
                : $"{_geometry} && {envelope} AND ST_Intersects({_geometry}, {envelope})");
        }
        if (query.Datetime is { } time) AppendTime(where, parameters, time);
        foreach (var filter in query.PropertyFilters)
            Append(where, EqualityClause(Column(filter.Property.Name), filter.Value, parameters));
        if (query.Filter is { } cql) AppendFilter(where, cql, parameters);
        return where;
    }

    /// <summary>The CQL2 filter as parameterised SQL (see <see cref="PostGisFilterSql"/>).</summary>
    private void AppendFilter(StringBuilder where, CqlExpression filter, PostGisParameters parameters) =>
        Append(where, new PostGisFilterSql(_table, parameters, _caseCollation).Predicate(filter));

    private static string EqualityClause(PostGisColumn column, object value, PostGisParameters parameters)
    {
        // Dates and timestamps arrive as the client wrote them; compared as instants, so "…00Z" equals "…00.000Z".
        if (column.Type == PropertyType.Date && value is string date)
            return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? $"{column.Sql} = {parameters.Add(d)}"
                : "FALSE";
        if (column.Type == PropertyType.DateTime && value is string timestamp)
            return DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? $"{column.Sql} = {parameters.Add(t)}"
                : "FALSE";
        return $"{column.Value} = {parameters.Add(value)}";
    }

    private void AppendTime(StringBuilder where, PostGisParameters parameters, TemporalFilter time)
    {
        PostGisColumn start = Column(time.Property.Start);
        PostGisColumn? end = time.Property.End is null ? null : Column(time.Property.End);
        if (time.Interval.End is { } e)
            Append(where, $"{start.Instant} <= {parameters.Add(e.ToUniversalTime())}");
        if (time.Interval.Start is { } s)
        {
            string from = parameters.Add(s.ToUniversalTime());
            // An interval with no end value is still open, so it reaches every later instant.
            Append(where, end is null ? $"{start.Instant} >= {from}" : $"({end.Sql} IS NULL OR {end.Instant} >= {from})");
        }
        if (time.Interval.Start is null && time.Interval.End is null)
            Append(where, $"{start.Sql} IS NOT NULL");
    }

    private Feature ReadFeature(NpgsqlDataReader reader)
    {
        long id = reader.GetInt64(0);
        Geometry? geometry = reader.IsDBNull(1) ? null : WkbGeometryReader.Read(reader.GetFieldValue<byte[]>(1));
        var columns = _table.Columns;
        var values = new object?[columns.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = PostGisValues.Read(reader, i + 2, columns[i]);
        return new Feature(id, geometry, values);
    }

    private PostGisColumn Column(string name) =>
        name == _table.Key.Name ? _table.Key
        : _table.Columns.FirstOrDefault(c => c.Name == name)
          ?? throw new ArgumentException($"'{name}' is not a column of {_table.Name}.", nameof(name));

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private static void Append(StringBuilder where, string clause) =>
        where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(clause);
}
