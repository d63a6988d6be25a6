using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using GeoServer.Data.GeoPackage;
using GeoServer.Tests.Support;
using NetTopologySuite.Geometries;

namespace GeoServer.Tests.Core.Filtering;

/// <summary>
/// <see cref="CqlEvaluator"/> selects, in memory, exactly the features the GeoPackage store's SQL selects from the
/// sample data, and keeps SQL's NULL semantics on hand-made rows.
/// </summary>
public sealed class CqlEvaluatorTests
{
    private static readonly Lazy<Task<Dictionary<string, (IFeatureSource Source, List<Feature> All)>>> Tables = new(OpenAsync);

    public static TheoryData<string, string> SampleFilters() => new()
    {
        { "populated_places", "\"ten\" = 'Hà Nội'" },
        { "populated_places", "CASEI(\"ten\") = CASEI('HÀ NỘI')" },
        { "populated_places", "ACCENTI(\"ten\") = ACCENTI('Ha Noi')" },
        { "populated_places", "ACCENTI(\"ten_tinh_2025\") = 'Ho Chi Minh'" },
        { "populated_places", "CASEI(ACCENTI(\"ten\")) LIKE CASEI(ACCENTI('%DA%'))" },
        { "populated_places", "CASEI(\"ten\") LIKE 'đà%'" },
        { "populated_places", "\"ten\" LIKE 'Thành phố%'" },
        { "populated_places", "\"ten\" LIKE '_à%'" },
        { "populated_places", "\"ten\" NOT LIKE '%a%'" },
        { "populated_places", "\"ten\" IS NULL" },
        { "populated_places", "\"dan_so_osm\" IS NOT NULL" },
        { "populated_places", "\"dan_so_osm\" > 100000" },
        { "populated_places", "NOT (\"dan_so_osm\" > 100000)" },
        { "populated_places", "\"dan_so_osm\" = 120000.0" },
        { "populated_places", "\"dan_so_osm\" BETWEEN 50000 AND 200000" },
        { "populated_places", "\"dan_so_osm\" NOT BETWEEN 50000 AND 200000" },
        { "populated_places", "\"loai_osm\" IN ('city', 'town')" },
        { "populated_places", "\"loai_osm\" NOT IN ('village', 'hamlet')" },
        { "populated_places", "\"ma_tinh_2025\" < '20'" },
        { "populated_places", "\"ten\" > 'Z'" },
        { "populated_places", "\"ten\" BETWEEN 'A' AND 'Hz'" },
        { "populated_places", "\"loai_osm\" = 'city' AND (\"dan_so_osm\" >= 150000 OR \"dan_so_osm\" IS NULL)" },
        { "populated_places", "NOT (\"loai_osm\" = 'city' OR \"dan_so_osm\" < 5000)" },
        { "populated_places", "\"fid\" < 100 AND \"osm_id\" <> 74099711" },
        { "populated_places", "S_INTERSECTS(geom, BBOX(105, 20, 107, 22))" },
        { "populated_places", "NOT S_INTERSECTS(geom, BBOX(105, 20, 107, 22)) AND \"loai_osm\" = 'city'" },
        { "populated_places", "S_WITHIN(geom, POLYGON((105 20, 108 20, 108 23, 105 20)))" },
        { "populated_places", "S_DISJOINT(geom, POINT(105.85247 21.0292095))" },
        { "populated_places", "TRUE" },
        { "vn_provinces_2025", "S_CONTAINS(geom, POINT(105.85 21.03))" },
        { "vn_provinces_2025", "S_INTERSECTS(geom, LINESTRING(104 21, 108 11))" },
        { "vn_provinces_2025", "S_CROSSES(geom, LINESTRING(104 21, 108 11))" },
        { "vn_provinces_2025", "S_OVERLAPS(geom, POLYGON((105 20, 108 20, 108 23, 105 20)))" },
        { "vn_provinces_2025", "\"dien_tich_km2\" < 5000.5 OR CASEI(\"loai\") LIKE '%thành phố%'" },
        { "observations", "\"thoi_gian\" > TIMESTAMP('2025-01-15T00:00:00Z') AND \"ma_tram\" = 'KK-HN-01'" },
        { "observations", "\"thoi_gian\" = TIMESTAMP('2025-01-15T12:00:00Z')" },
        { "observations", "\"thoi_gian\" BETWEEN TIMESTAMP('2025-01-10T00:00:00Z') AND TIMESTAMP('2025-01-10T05:30:00Z')" },
        { "observations", "T_INTERSECTS(\"thoi_gian\", INTERVAL('2025-01-10', '2025-01-11'))" },
        { "observations", "T_BEFORE(\"thoi_gian\", DATE('2025-01-02')) AND \"gia_tri\" > 50" },
        { "monitoring_stations", "T_DURING(INTERVAL(\"bat_dau\", \"ket_thuc\"), INTERVAL('2024-12-01', '..')) AND \"ma_tinh_2025\" = '01'" },
        { "monitoring_stations", "T_AFTER(\"bat_dau\", TIMESTAMP('2024-12-31T23:59:59Z')) AND \"ma_tinh_2025\" > '50'" },
    };

    [Theory]
    [MemberData(nameof(SampleFilters))]
    public async Task A_filter_evaluated_in_memory_selects_the_features_the_GeoPackage_SQL_selects(string table, string filter)
    {
        var (source, all) = (await Tables.Value)[table];
        var parsed = CqlTextParser.Parse(filter, source.Info.Schema);

        var fromSql = await Ids(source.QueryAsync(new FeatureQuery { Filter = parsed, Limit = int.MaxValue }, default));
        var test = CqlEvaluator.Compile(parsed, source.Info.Schema);
        var inMemory = all.Where(test).Select(f => f.Id).ToList();

        Assert.Equal(fromSql, inMemory);
    }

    [Fact]
    public async Task Every_sample_filter_but_TRUE_selects_some_features_but_not_all()
    {
        // A filter selecting nothing (or everything) would agree with SQL while testing little.
        var tables = await Tables.Value;
        var telling = 0;
        foreach (var row in SampleFilters())
        {
            var (table, filter) = ((string)row[0], (string)row[1]);
            var (source, all) = tables[table];
            var count = all.Count(CqlEvaluator.Compile(CqlTextParser.Parse(filter, source.Info.Schema), source.Info.Schema));
            if (count > 0 && count < all.Count) telling++;
        }
        Assert.True(telling >= SampleFilters().Count - 1, $"only {telling} filters select some but not all features");
    }

    private static readonly FeatureSchema Schema = new("fid",
    [
        new PropertyInfo("name", PropertyType.String),
        new PropertyInfo("floors", PropertyType.Integer),
        new PropertyInfo("open", PropertyType.Boolean),
        new PropertyInfo("built", PropertyType.Date),
    ], "POINT");

    private static readonly Feature Empty = new(7, null, [null, null, null, null]);
    private static readonly Feature Tower = new(8, new GeometryFactory().CreatePoint(new Coordinate(1, 1)), ["Tháp Rùa", 3L, true, "2020-05-01"]);

    [Theory]
    [InlineData("\"floors\" = 3", false, true)]
    [InlineData("NOT (\"floors\" = 3)", false, false)]
    [InlineData("\"floors\" <> 3 OR TRUE", true, true)]
    [InlineData("\"floors\" IN (1, 2)", false, false)]
    [InlineData("NOT (\"floors\" IN (1, 2))", false, true)]
    [InlineData("\"name\" IS NULL", true, false)]
    [InlineData("geometry IS NULL", true, false)]
    [InlineData("NOT S_INTERSECTS(geometry, POINT(1 1))", false, false)]
    [InlineData("\"open\" = TRUE", false, true)]
    [InlineData("\"fid\" = 8", false, true)]
    [InlineData("\"built\" < DATE('2021-01-01')", false, true)]
    [InlineData("T_AFTER(\"built\", TIMESTAMP('2020-04-30T23:59:59Z'))", false, true)]
    [InlineData("ACCENTI(CASEI(\"name\")) = 'thap rua'", false, true)]
    [InlineData("\"name\" LIKE 'Th_p%'", false, true)]
    [InlineData("\"name\" LIKE 'th_p%'", false, false)]
    public void A_filter_on_hand_made_rows_follows_SQL_three_valued_logic(string filter, bool onEmptyRow, bool onTower)
    {
        var test = CqlEvaluator.Compile(CqlTextParser.Parse(filter, Schema), Schema);

        Assert.Equal(onEmptyRow, test(Empty));
        Assert.Equal(onTower, test(Tower));
    }

    [Fact]
    public void A_LIKE_pattern_with_escapes_matches_percent_and_underscore_literally()
    {
        var test = CqlEvaluator.Compile(CqlTextParser.Parse(@"""name"" LIKE '50\\%\\_%'", Schema), Schema);

        Assert.True(test(Empty with { Values = ["50%_off", null, null, null] }));
        Assert.False(test(Empty with { Values = ["50x_off", null, null, null] }));
    }

    [Fact]
    public void A_node_that_is_not_a_condition_is_refused_with_a_CqlException()
    {
        var e = Assert.Throws<CqlException>(() => CqlEvaluator.Compile(Literal.Text("abc"), Schema));

        Assert.Contains("not a condition", e.Message);
    }

    [Fact]
    public void A_property_the_schema_does_not_have_is_refused_with_a_CqlException()
    {
        var other = new FeatureSchema("fid", [new PropertyInfo("height", PropertyType.Number)], null);
        var filter = CqlTextParser.Parse("\"height\" > 3", other);

        var e = Assert.Throws<CqlException>(() => CqlEvaluator.Compile(filter, Schema));

        Assert.Contains("height", e.Message);
    }

    private static async Task<List<long>> Ids(IAsyncEnumerable<Feature> features)
    {
        var ids = new List<long>();
        await foreach (var f in features) ids.Add(f.Id);
        return ids;
    }

    private static async Task<Dictionary<string, (IFeatureSource, List<Feature>)>> OpenAsync()
    {
        var tables = new Dictionary<string, (IFeatureSource, List<Feature>)>();
        foreach (var file in new[] { "base.gpkg", "envmon.gpkg" })
        {
            // Shared by every test of the run and never disposed, as the server shares its stores.
            var store = new GeoPackageStore(SampleData.PathOf(file));
            foreach (var source in await store.OpenFeatureSourcesAsync(default))
            {
                if (source.Info.Name is not ("populated_places" or "vn_provinces_2025" or "observations" or "monitoring_stations")) continue;
                var all = new List<Feature>();
                await foreach (var f in source.QueryAsync(new FeatureQuery { Limit = int.MaxValue }, default)) all.Add(f);
                tables.Add(source.Info.Name, (source, all));
            }
        }
        return tables;
    }
}
