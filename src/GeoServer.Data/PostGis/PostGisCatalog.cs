using Npgsql;
using NpgsqlTypes;

namespace GeoServer.Data.PostGis;

/// <summary>
/// Reads which tables and views a database can publish from pg_catalog and PostGIS's geometry_columns, in five
/// queries whatever the number of tables: relations, geometry columns, columns, unique indexes, and the base-table
/// keys views read.
/// </summary>
internal static class PostGisCatalog
{
    private const string Public = "public";

    /// <summary>The publishable tables, and the ones left out with the reason, both by published name.</summary>
    public static async Task<(List<PostGisTable> Tables, Dictionary<string, string> Skipped)> ReadAsync(
        NpgsqlConnection connection, PostGisStoreOptions options, CancellationToken ct)
    {
        var listed = options.Tables?.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var relations = await RelationsAsync(connection, options.Schemas, listed is not null, ct);
        if (listed is not null) relations.RemoveAll(r => !listed.Contains(r.Name));
        var oids = relations.Select(r => r.Oid).ToArray();
        var geometries = await GeometryColumnsAsync(connection, options.Schemas, ct);
        var columns = await ColumnsAsync(connection, oids, ct);
        var indexes = await UniqueIndexesAsync(connection, oids, ct);
        var viewKeys = await ViewKeysAsync(connection, relations.Where(r => r.Kind is "v" or "m").Select(r => r.Oid).ToArray(), ct);

        var tables = new List<PostGisTable>();
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relation in relations)
        {
            if (tables.Any(t => t.Name == relation.Name))
            {
                skipped[relation.Name] = $"its published name is taken by another table named \"{relation.Name}\"";
                continue;
            }
            var own = columns.GetValueOrDefault(relation.Oid) ?? [];
            var geometry = geometries.GetValueOrDefault((relation.Schema, relation.Table))?
                .Select(g => (g, own.FindIndex(c => c.Name == g.Column))).Where(x => x.Item2 >= 0)
                .OrderBy(x => x.Item2).Select(x => x.g).FirstOrDefault();
            if (geometry is { Srid: <= 0 })
            {
                skipped[relation.Name] = $"geometry column \"{geometry.Column}\" has no SRID; declare one, e.g. " +
                    $"ALTER TABLE … ALTER COLUMN … TYPE geometry({geometry.Type}, 4326)";
                continue;
            }
            var (key, reason) = ChooseKey(relation, own, indexes.GetValueOrDefault(relation.Oid) ?? [], viewKeys.GetValueOrDefault(relation.Oid) ?? []);
            if (key is null)
            {
                skipped[relation.Name] = reason!;
                continue;
            }
            var (title, description) = SplitComment(relation.Comment);
            tables.Add(new PostGisTable
            {
                Name = relation.Name,
                SchemaName = relation.Schema,
                TableName = relation.Table,
                Title = title,
                Description = description,
                Key = new PostGisColumn(key.Name, key.PgType),
                Geometry = geometry?.Column,
                GeometryType = geometry?.Type,
                Srid = geometry?.Srid,
                Columns = own.Where(c => c.Name != key.Name && c.Name != geometry?.Column && !IsSpatial(c.PgType))
                    .Select(c => new PostGisColumn(c.Name, c.PgType)).ToList(),
            });
        }
        return (tables, skipped);
    }

    /// <summary>"schema.table", or "table" in the public schema.</summary>
    public static string PublishedName(string schema, string table) => schema == Public ? table : schema + "." + table;

    private static string Normalize(string name) => name.StartsWith(Public + ".", StringComparison.Ordinal) ? name[(Public.Length + 1)..] : name;

    private static (Column? Key, string? Reason) ChooseKey(Relation relation, List<Column> columns, List<UniqueIndex> indexes, List<string> viewKeys)
    {
        Column? Integer(string name) => columns.FirstOrDefault(c => c.Name == name && c.IsInteger);
        var primary = indexes.FirstOrDefault(i => i.Primary);
        if (primary is { Columns: 1 } && Integer(primary.Column) is { } pk) return (pk, null);
        // A unique integer column identifies rows as well as a primary key, provided it holds no NULLs.
        foreach (var index in indexes.Where(i => i.Columns == 1))
            if (Integer(index.Column) is { NotNull: true } unique) return (unique, null);
        // A view or materialized view: a column named as the integer key of a table it reads.
        foreach (var column in columns)
            if (column.IsInteger && viewKeys.Contains(column.Name)) return (column, null);

        string why = relation.Kind switch
        {
            "v" or "m" => "the view has no integer column named as the primary key of a table it reads",
            _ when primary is { Columns: > 1 } => $"its primary key has {primary.Columns} columns",
            _ when primary is not null => $"its primary key \"{primary.Column}\" is not an integer column",
            _ => "it has no primary key",
        };
        return (null, $"{why}, and no unique NOT NULL integer column identifies its rows; " +
                      "add an integer primary key (e.g. ALTER TABLE … ADD COLUMN fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)");
    }

    /// <summary>The comment's first line is the title; the lines after it, the description.</summary>
    private static (string? Title, string? Description) SplitComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) return (null, null);
        int newline = comment.IndexOf('\n');
        if (newline < 0) return (comment.Trim(), null);
        string rest = comment[(newline + 1)..].Trim();
        return (comment[..newline].Trim(), rest.Length == 0 ? null : rest);
    }

    private static bool IsSpatial(string pgType) => pgType is "geometry" or "geography" or "raster";

    private static async Task<List<Relation>> RelationsAsync(NpgsqlConnection connection, IReadOnlyList<string>? schemas, bool all, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT c.oid, n.nspname::text, c.relname::text, c.relkind::text, obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND NOT c.relispartition
              AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
              AND ($1::text[] IS NULL OR n.nspname = ANY($1))
              AND ($2 OR EXISTS (SELECT 1 FROM geometry_columns g WHERE g.f_table_schema = n.nspname AND g.f_table_name = c.relname))
              AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY n.nspname, c.relname
            """, connection);
        cmd.Parameters.Add(Schemas(schemas));
        cmd.Parameters.Add(new NpgsqlParameter { Value = all });
        var relations = new List<Relation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            relations.Add(new Relation(r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return relations;
    }

    private static async Task<Dictionary<(string, string), List<GeometryColumn>>> GeometryColumnsAsync(
        NpgsqlConnection connection, IReadOnlyList<string>? schemas, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT f_table_schema::text, f_table_name::text, f_geometry_column::text, srid, upper(type)
            FROM geometry_columns WHERE $1::text[] IS NULL OR f_table_schema = ANY($1)
            """, connection);
        cmd.Parameters.Add(Schemas(schemas));
        var geometries = new Dictionary<(string, string), List<GeometryColumn>>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var key = (r.GetString(0), r.GetString(1));
            if (!geometries.TryGetValue(key, out var list)) geometries[key] = list = [];
            list.Add(new GeometryColumn(r.GetString(2), r.GetInt32(3), r.GetString(4)));
        }
        return geometries;
    }

    private static async Task<Dictionary<uint, List<Column>>> ColumnsAsync(NpgsqlConnection connection, uint[] oids, CancellationToken ct)
    {
        // A domain publishes as its base type.
        await using var cmd = new NpgsqlCommand("""
            SELECT a.attrelid, a.attname::text, a.attnotnull, (CASE WHEN t.typtype = 'd' THEN b.typname ELSE t.typname END)::text
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type b ON b.oid = t.typbasetype
            WHERE a.attrelid = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """, connection);
        cmd.Parameters.Add(Oids(oids));
        var columns = new Dictionary<uint, List<Column>>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            uint oid = r.GetFieldValue<uint>(0);
            if (!columns.TryGetValue(oid, out var list)) columns[oid] = list = [];
            list.Add(new Column(r.GetString(1), r.GetString(3), r.GetBoolean(2)));
        }
        return columns;
    }

    private static async Task<Dictionary<uint, List<UniqueIndex>>> UniqueIndexesAsync(NpgsqlConnection connection, uint[] oids, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT i.indrelid, i.indisprimary, i.indnkeyatts, a.attname::text
            FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indrelid = ANY($1) AND i.indisunique AND i.indisvalid AND i.indexprs IS NULL AND i.indpred IS NULL
            ORDER BY i.indrelid, i.indisprimary DESC, a.attnum
            """, connection);
        cmd.Parameters.Add(Oids(oids));
        var indexes = new Dictionary<uint, List<UniqueIndex>>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            uint oid = r.GetFieldValue<uint>(0);
            if (!indexes.TryGetValue(oid, out var list)) indexes[oid] = list = [];
            list.Add(new UniqueIndex(r.GetBoolean(1), r.GetInt16(2), r.GetString(3)));
        }
        return indexes;
    }

    /// <summary>
    /// For each view, the names of the single-column integer keys (primary, or unique and NOT NULL) of the tables
    /// its query reads, from the dependencies of its rewrite rule.
    /// </summary>
    private static async Task<Dictionary<uint, List<string>>> ViewKeysAsync(NpgsqlConnection connection, uint[] views, CancellationToken ct)
    {
        var keys = new Dictionary<uint, List<string>>();
        if (views.Length == 0) return keys;
        await using var cmd = new NpgsqlCommand("""
            SELECT DISTINCT rw.ev_class, a.attname::text
            FROM pg_rewrite rw
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.refobjid <> rw.ev_class
            JOIN pg_index i ON i.indrelid = d.refobjid AND i.indisunique AND i.indisvalid AND i.indnkeyatts = 1
                           AND i.indkey[0] = d.refobjsubid AND i.indexprs IS NULL AND i.indpred IS NULL
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE rw.ev_class = ANY($1) AND (i.indisprimary OR a.attnotnull)
              AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
            """, connection);
        cmd.Parameters.Add(Oids(views));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            uint oid = r.GetFieldValue<uint>(0);
            if (!keys.TryGetValue(oid, out var list)) keys[oid] = list = [];
            list.Add(r.GetString(1));
        }
        return keys;
    }

    private static NpgsqlParameter Schemas(IReadOnlyList<string>? schemas) =>
        new() { Value = schemas?.ToArray() ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Oids(uint[] oids) => new() { Value = oids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Oid };

    private sealed record Relation(uint Oid, string Schema, string Table, string Kind, string? Comment)
    {
        public string Name { get; } = PublishedName(Schema, Table);
    }

    private sealed record GeometryColumn(string Column, int Srid, string Type);

    private sealed record Column(string Name, string PgType, bool NotNull)
    {
        public bool IsInteger => PgType is "int2" or "int4" or "int8";
    }

    private sealed record UniqueIndex(bool Primary, short Columns, string Column);
}
