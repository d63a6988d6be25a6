using Npgsql;

namespace GeoServer.Data.PostGis;

/// <summary>
/// The triggers that announce changes on channel <see cref="Channel"/>: one statement-level trigger per
/// operation, whose transition tables give the extent of the rows before and after, so a million-row UPDATE is
/// one notification, not a million. Payload: {"table": "schema.table", "box": [minx, miny, maxx, maxy] | null}.
/// Installed only when a store asks (ListenForChanges), as it needs the right to create triggers.
/// </summary>
internal static class PostGisChangeTriggers
{
    public const string Channel = "geosdi_changes";
    private const string Function = "public.geosdi_notify_change";

    private const string FunctionSql = $$"""
        CREATE OR REPLACE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE
          extent box2d;
          body text;
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            extent := NULL;
          ELSIF TG_OP = 'INSERT' THEN
            EXECUTE format('SELECT ST_Extent(%I)::box2d FROM geosdi_new', TG_ARGV[0]) INTO extent;
          ELSIF TG_OP = 'DELETE' THEN
            EXECUTE format('SELECT ST_Extent(%I)::box2d FROM geosdi_old', TG_ARGV[0]) INTO extent;
          ELSE
            EXECUTE format('SELECT ST_Extent(g)::box2d FROM (SELECT %I AS g FROM geosdi_old UNION ALL SELECT %I FROM geosdi_new) x',
                           TG_ARGV[0], TG_ARGV[0]) INTO extent;
          END IF;
          -- No rows, or only rows without geometry: nothing drawn changed.
          IF extent IS NULL AND TG_OP <> 'TRUNCATE' THEN RETURN NULL; END IF;
          body := json_build_object('table', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
            'box', CASE WHEN extent IS NULL THEN NULL
                        ELSE json_build_array(ST_XMin(extent), ST_YMin(extent), ST_XMax(extent), ST_YMax(extent)) END)::text;
          PERFORM pg_notify('{{Channel}}', body);
          RETURN NULL;
        END
        $fn$
        """;

    /// <summary>Creates (or replaces) the function and the table's four triggers, in one transaction.</summary>
    public static async Task InstallAsync(NpgsqlConnection connection, PostGisTable table, CancellationToken ct)
    {
        // A trigger's arguments are string literals; the column name comes from the catalog, quoted as a literal.
        string quotedArgument = "'" + table.Geometry!.Replace("'", "''", StringComparison.Ordinal) + "'";
        string from = table.From;
        var sql = $"""
            {FunctionSql};
            DROP TRIGGER IF EXISTS geosdi_change_insert ON {from};
            DROP TRIGGER IF EXISTS geosdi_change_update ON {from};
            DROP TRIGGER IF EXISTS geosdi_change_delete ON {from};
            DROP TRIGGER IF EXISTS geosdi_change_truncate ON {from};
            CREATE TRIGGER geosdi_change_insert AFTER INSERT ON {from} REFERENCING NEW TABLE AS geosdi_new
              FOR EACH STATEMENT EXECUTE FUNCTION {Function}({quotedArgument});
            CREATE TRIGGER geosdi_change_update AFTER UPDATE ON {from} REFERENCING OLD TABLE AS geosdi_old NEW TABLE AS geosdi_new
              FOR EACH STATEMENT EXECUTE FUNCTION {Function}({quotedArgument});
            CREATE TRIGGER geosdi_change_delete AFTER DELETE ON {from} REFERENCING OLD TABLE AS geosdi_old
              FOR EACH STATEMENT EXECUTE FUNCTION {Function}({quotedArgument});
            CREATE TRIGGER geosdi_change_truncate AFTER TRUNCATE ON {from}
              FOR EACH STATEMENT EXECUTE FUNCTION {Function}({quotedArgument});
            """;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(sql, connection, transaction)) await cmd.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
