using GeoServer.Core.Sources;
using GeoServer.Data.GeoPackage;
using GeoServer.Data.PostGis;
using GeoServer.Tests.Support;
using Npgsql;

namespace GeoServer.Tests.Data.PostGis;

/// <summary>
/// Zero-configuration discovery over the test database: what is published, under which name, with which key,
/// CRS, geometry type and property types, and what is left out and why.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisStoreTests
{
    private static readonly string[] SampleSchemas = SampleData.Stores.Select(s => PostGisDatabase.SchemaOf(s.File)).ToArray();

    [Fact]
    public async Task Discovery_publishes_every_sample_table_with_a_geometry_column_as_schema_dot_table()
    {
        var sources = await DiscoverAsync(SampleSchemas);

        Assert.Equal(PostGisDatabase.SpatialSampleTables(), sources.Select(s => s.Info.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(sources, s => s.Info.Name == "envmon.observations");
    }

    [Fact]
    public async Task Discovered_tables_have_the_fid_key_the_SRID_and_the_geometry_type_of_their_GeoPackage()
    {
        var sources = await DiscoverAsync(SampleSchemas);
        var geoPackage = await OpenGeoPackageTablesAsync();

        Assert.All(sources, source =>
        {
            var original = geoPackage[source.Info.Name];
            Assert.Equal("fid", source.Info.Schema.KeyName);
            Assert.Equal(original.Info.Srid, source.Info.Srid);
            Assert.Equal(4326, source.Info.Srid);
            Assert.Equal(original.Info.Schema.GeometryType, source.Info.Schema.GeometryType);
        });
    }

    [Fact]
    public async Task Discovered_columns_have_the_names_order_and_property_types_of_their_GeoPackage()
    {
        var sources = await DiscoverAsync(SampleSchemas);
        var geoPackage = await OpenGeoPackageTablesAsync();

        Assert.All(sources, source =>
            Assert.Equal(geoPackage[source.Info.Name].Info.Schema.Properties, source.Info.Schema.Properties));
        var stations = sources.Single(s => s.Info.Name == "envmon.monitoring_stations").Info;
        Assert.Equal(PropertyType.DateTime, stations.Schema.Find("bat_dau")!.Type);
        Assert.Equal(new TemporalProperty("bat_dau"), stations.Temporal);
        var places = sources.Single(s => s.Info.Name == "base.populated_places").Info.Schema;
        Assert.Equal(PropertyType.Integer, places.Find("osm_id")!.Type);
        Assert.Equal(PropertyType.String, places.Find("ten")!.Type);
        Assert.Equal(PropertyType.Number, sources.Single(s => s.Info.Name == "base.rivers").Info.Schema.Find("chieu_dai_km")!.Type);
    }

    [Fact]
    public async Task The_table_comment_gives_the_title_on_its_first_line_and_the_description_after()
    {
        var places = (await DiscoverAsync(["base"])).Single(s => s.Info.Name == "base.populated_places").Info;

        Assert.Equal("Điểm dân cư", places.Title);
        Assert.StartsWith("Cities, towns, villages", places.Description);
    }

    [Fact]
    public async Task The_extent_covers_every_geometry_of_the_table_to_within_float_precision()
    {
        var sources = await DiscoverAsync(SampleSchemas);

        foreach (var source in sources)
        {
            var exact = await ExactExtentAsync(source.Info.Name, "geom");
            var extent = source.Info.Extent!.Value;
            // ST_EstimatedExtent reads the planner's statistics: single-precision bounds, rounded outwards.
            Assert.InRange(exact.MinX - extent.MinX, 0, 1e-4);
            Assert.InRange(exact.MinY - extent.MinY, 0, 1e-4);
            Assert.InRange(extent.MaxX - exact.MaxX, 0, 1e-4);
            Assert.InRange(extent.MaxY - exact.MaxY, 0, 1e-4);
        }
    }

    [Fact]
    public async Task A_view_with_a_geometry_column_is_published_with_the_key_of_the_table_it_reads()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE VIEW {schema}.hanoi_places AS
              SELECT p.ten, p.fid, p.geom FROM base.populated_places p WHERE p.ma_tinh_2025 = '01';
            COMMENT ON VIEW {schema}.hanoi_places IS 'Điểm dân cư Hà Nội';
            """);

        var view = (await DiscoverAsync([scratch.Name])).Single();

        Assert.Equal($"{scratch.Name}.hanoi_places", view.Info.Name);
        Assert.Equal("Điểm dân cư Hà Nội", view.Info.Title);
        Assert.Equal("fid", view.Info.Schema.KeyName);
        Assert.Equal("POINT", view.Info.Schema.GeometryType);
        Assert.Equal(4326, view.Info.Srid);
        Assert.Equal(111, await view.CountAsync(new FeatureQuery(), default));
        Assert.Equal("Hà Nội", (await view.GetAsync(2, default))!.Values[view.Info.Schema.IndexOf("ten")]);
        Assert.NotNull(view.Info.Extent);
    }

    [Fact]
    public async Task Tables_without_a_usable_integer_key_or_SRID_are_skipped_with_the_reason()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE TABLE {schema}.no_key (name text, geom geometry(Point, 4326));
            CREATE TABLE {schema}.text_key (code text PRIMARY KEY, geom geometry(Point, 4326));
            CREATE TABLE {schema}.two_column_key (a int, b int, geom geometry(Point, 4326), PRIMARY KEY (a, b));
            CREATE TABLE {schema}.nullable_unique (id int UNIQUE, geom geometry(Point, 4326));
            CREATE TABLE {schema}.no_srid (id int PRIMARY KEY, geom geometry(Point));
            CREATE VIEW {schema}.computed_view AS SELECT fid * 2 AS id, geom FROM base.populated_places;
            CREATE TABLE {schema}.good (id int PRIMARY KEY, geom geometry(Point, 4326));
            """);
        await using var store = new PostGisStore(PostGisDatabase.ConnectionString, new PostGisStoreOptions { Schemas = [scratch.Name] });

        var published = (await store.OpenFeatureSourcesAsync(default)).Select(s => s.Info.Name).ToList();

        Assert.Equal([$"{scratch.Name}.good"], published);
        var skipped = store.SkippedTables;
        Assert.Contains("no primary key", skipped[$"{scratch.Name}.no_key"]);
        Assert.Contains("primary key \"code\" is not an integer", skipped[$"{scratch.Name}.text_key"]);
        Assert.Contains("primary key has 2 columns", skipped[$"{scratch.Name}.two_column_key"]);
        Assert.Contains("no primary key", skipped[$"{scratch.Name}.nullable_unique"]);
        Assert.Contains("no SRID", skipped[$"{scratch.Name}.no_srid"]);
        Assert.Contains("view", skipped[$"{scratch.Name}.computed_view"]);
    }

    [Fact]
    public async Task A_unique_NOT_NULL_integer_column_is_the_key_of_a_table_whose_primary_key_is_not_an_integer()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE TABLE {schema}.parcels (code text PRIMARY KEY, name text, parcel_no bigint NOT NULL UNIQUE, geom geometry(Polygon, 4326));
            INSERT INTO {schema}.parcels VALUES ('A', 'một', 7, 'SRID=4326;POLYGON((105 21, 105.1 21, 105.1 21.1, 105 21))');
            """);

        var parcels = (await DiscoverAsync([scratch.Name])).Single();

        Assert.Equal("parcel_no", parcels.Info.Schema.KeyName);
        Assert.Equal(["code", "name"], parcels.Info.Schema.Properties.Select(p => p.Name));
        Assert.Equal(7, (await parcels.GetAsync(7, default))!.Id);
        Assert.Equal("POLYGON", parcels.Info.Schema.GeometryType);
    }

    [Fact]
    public async Task Tables_of_the_public_schema_are_published_by_their_name_alone()
    {
        var table = "geosdi_test_" + Guid.NewGuid().ToString("N")[..12];
        await PostGisDatabase.ExecuteAsync($"CREATE TABLE public.{table} (id serial PRIMARY KEY, geom geometry(LineString, 4326))");
        try
        {
            await using var store = new PostGisStore(PostGisDatabase.ConnectionString, new PostGisStoreOptions { Schemas = ["public"] });

            var names = (await store.OpenFeatureSourcesAsync(default)).Select(s => s.Info.Name).ToList();

            Assert.Contains(table, names);
            Assert.DoesNotContain($"public.{table}", names);
        }
        finally
        {
            await PostGisDatabase.ExecuteAsync($"DROP TABLE public.{table}");
        }
    }

    [Fact]
    public async Task Columns_of_every_type_publish_as_their_property_type_and_read_as_its_value()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE DOMAIN {schema}.positive AS int4 CHECK (VALUE > 0);
            CREATE TABLE {schema}.every_type (
              id int8 PRIMARY KEY, geom geometry(Point, 4326), a_int2 int2, a_int4 int4, a_int8 int8, a_domain {schema}.positive,
              a_float4 float4, a_float8 float8, a_numeric numeric(12, 3), a_bool bool, a_date date, a_timestamp timestamp,
              a_timestamptz timestamptz, a_bytea bytea, a_text text, a_varchar varchar(20), a_char char(3), a_uuid uuid,
              a_jsonb jsonb, a_array text[], a_other_geometry geometry(Point, 4326));
            INSERT INTO {schema}.every_type VALUES (1, 'SRID=4326;POINT(105.85 21.03)', -2, 40000, 9000000000, 5,
              1.5, 2.25, 12345.678, true, '2025-07-01', '2025-07-01 08:30:00', '2025-07-01 08:30:00.25+07', '\x0102ff',
              'Hà Nội', 'Đà Nẵng', 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '{x,y}', 'SRID=4326;POINT(1 2)');
            INSERT INTO {schema}.every_type (id, geom) VALUES (2, 'SRID=4326;POINT EMPTY');
            INSERT INTO {schema}.every_type (id) VALUES (3);
            """);

        var source = (await DiscoverAsync([scratch.Name])).Single();
        var schema = source.Info.Schema;
        var row = (await source.GetAsync(1, default))!;
        object? Value(string name) => row.Values[schema.IndexOf(name)];

        Assert.Equal(
            [("a_int2", PropertyType.Integer), ("a_int4", PropertyType.Integer), ("a_int8", PropertyType.Integer),
             ("a_domain", PropertyType.Integer), ("a_float4", PropertyType.Number), ("a_float8", PropertyType.Number),
             ("a_numeric", PropertyType.Number), ("a_bool", PropertyType.Boolean), ("a_date", PropertyType.Date),
             ("a_timestamp", PropertyType.DateTime), ("a_timestamptz", PropertyType.DateTime), ("a_bytea", PropertyType.Binary),
             ("a_text", PropertyType.String), ("a_varchar", PropertyType.String), ("a_char", PropertyType.String),
             ("a_uuid", PropertyType.String), ("a_jsonb", PropertyType.String), ("a_array", PropertyType.String)],
            schema.Properties.Select(p => (p.Name, p.Type)));
        Assert.Equal(-2L, Value("a_int2"));
        Assert.Equal(40000L, Value("a_int4"));
        Assert.Equal(9000000000L, Value("a_int8"));
        Assert.Equal(5L, Value("a_domain"));
        Assert.Equal(1.5, Value("a_float4"));
        Assert.Equal(2.25, Value("a_float8"));
        Assert.Equal(12345.678, Value("a_numeric"));
        Assert.Equal(true, Value("a_bool"));
        Assert.Equal("2025-07-01", Value("a_date"));
        Assert.Equal("2025-07-01T08:30:00Z", Value("a_timestamp"));
        Assert.Equal("2025-07-01T01:30:00.25Z", Value("a_timestamptz"));
        Assert.Equal(new byte[] { 1, 2, 255 }, Value("a_bytea"));
        Assert.Equal("Hà Nội", Value("a_text"));
        Assert.Equal("Đà Nẵng", Value("a_varchar"));
        Assert.Equal("ab ", Value("a_char"));
        Assert.Equal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", Value("a_uuid"));
        Assert.Equal("""{"a": 1}""", Value("a_jsonb"));
        Assert.Equal("{x,y}", Value("a_array"));
        Assert.Equal((105.85, 21.03), (((NetTopologySuite.Geometries.Point)row.Geometry!).X, ((NetTopologySuite.Geometries.Point)row.Geometry!).Y));
        Assert.True((await source.GetAsync(2, default))!.Geometry!.IsEmpty);
        var empty = (await source.GetAsync(3, default))!;
        Assert.Null(empty.Geometry);
        Assert.All(empty.Values, Assert.Null);
        Assert.Equal(new TemporalProperty("a_date"), source.Info.Temporal);
    }

    [Fact]
    public async Task Listed_tables_are_published_with_or_without_geometry_and_a_missing_one_fails_the_store()
    {
        await using var listed = new PostGisStore(PostGisDatabase.ConnectionString,
            new PostGisStoreOptions { Tables = ["envmon.observations", "base.rivers"] });
        await using var missing = new PostGisStore(PostGisDatabase.ConnectionString,
            new PostGisStoreOptions { Tables = ["base.rivers", "base.no_such_table"] });

        var sources = await listed.OpenFeatureSourcesAsync(default);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => missing.OpenFeatureSourcesAsync(default));

        Assert.Equal(["base.rivers", "envmon.observations"], sources.Select(s => s.Info.Name).Order(StringComparer.Ordinal));
        Assert.False(sources.Single(s => s.Info.Name == "envmon.observations").Info.Schema.HasGeometry);
        Assert.Null(sources.Single(s => s.Info.Name == "envmon.observations").Info.Extent);
        Assert.Contains("base.no_such_table (not found)", e.Message);
    }

    [Fact]
    public async Task A_database_without_PostGIS_fails_the_check_with_what_to_do()
    {
        var withoutPostGis = new NpgsqlConnectionStringBuilder(PostGisDatabase.ConnectionString) { Database = "postgres" }.ConnectionString;
        await using var store = new PostGisStore(withoutPostGis);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CheckAsync(default));

        Assert.Contains("CREATE EXTENSION postgis", e.Message);
        Assert.Contains("'postgres'", e.Message);
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_check_with_the_drivers_message()
    {
        var closedPort = new NpgsqlConnectionStringBuilder(PostGisDatabase.ConnectionString) { Port = 1, Timeout = 3 }.ConnectionString;
        await using var store = new PostGisStore(closedPort);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.CheckAsync(default));
    }

    private static async Task<List<IFeatureSource>> DiscoverAsync(IReadOnlyList<string> schemas)
    {
        // Never disposed, like the server's stores; a store per test keeps scratch schemas apart.
        var store = new PostGisStore(PostGisDatabase.ConnectionString, new PostGisStoreOptions { Schemas = schemas });
        return (await store.OpenFeatureSourcesAsync(default)).ToList();
    }

    private static async Task<Dictionary<string, IFeatureSource>> OpenGeoPackageTablesAsync()
    {
        var tables = new Dictionary<string, IFeatureSource>(StringComparer.Ordinal);
        foreach (var (_, file) in SampleData.Stores)
        {
            var store = new GeoPackageStore(SampleData.PathOf(file));
            foreach (var source in await store.OpenFeatureSourcesAsync(default))
                tables.Add(PostGisDatabase.SchemaOf(file) + "." + source.Info.Name, source);
        }
        return tables;
    }

    private static async Task<GeoServer.Core.Spatial.BBox> ExactExtentAsync(string table, string column)
    {
        await using var connection = await PostGisDatabase.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent({column}) AS e FROM {table}) x", connection);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return new(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3));
    }
}
