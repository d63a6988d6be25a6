using System.Diagnostics;
using System.Globalization;
using System.Text;
using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Data.PostGis;
using GeoServer.Tests.Support;
using NetTopologySuite.Geometries;
using Npgsql;
using SortKey = GeoServer.Core.Sources.SortKey;

namespace GeoServer.Tests.Data.PostGis;

/// <summary>
/// What the PostGIS source adds to the contract: sortby, CQL2 filters translated to SQL, values that stay values,
/// and statements that stop when the server's timeout or the client says so. Expected results are computed in the
/// test from every feature of the table.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisQueryTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public async Task SortBy_orders_by_each_key_in_turn_then_by_the_feature_key()
    {
        var provinces = await PostGisSamples.OpenAsync("vn_provinces_2025");
        var schema = provinces.Info.Schema;
        var all = await AllAsync(provinces);
        Assert.All(all, f => Assert.NotNull(f.Values[schema.IndexOf("loai")]));
        var expected = all
            .OrderBy(f => (string)f.Values[schema.IndexOf("loai")]!, StringComparer.Ordinal)
            .ThenByDescending(f => (double)f.Values[schema.IndexOf("dien_tich_km2")]!)
            .ThenBy(f => f.Id).Select(f => f.Id).ToList();

        var actual = await IdsAsync(provinces, new FeatureQuery
        {
            SortBy = [new SortKey(schema.Find("loai")!), new SortKey(schema.Find("dien_tich_km2")!, Descending: true)],
            Limit = int.MaxValue,
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_sorted_query_pages_by_offset_with_no_gaps_or_duplicates_and_ties_broken_by_key()
    {
        var places = await PostGisSamples.OpenAsync("populated_places");
        var byName = new FeatureQuery { SortBy = [new SortKey(places.Info.Schema.Find("ma_tinh_2025")!, Descending: true)] };
        var unlimited = await IdsAsync(places, byName with { Limit = int.MaxValue });

        var paged = new List<long>();
        for (long offset = 0; ; offset += 250)
        {
            // An after key does not apply to a sorted query (FeatureQuery.AfterKey); the offset does.
            var page = await IdsAsync(places, byName with { Limit = 250, Offset = offset, AfterKey = 1 });
            if (page.Count == 0) break;
            paged.AddRange(page);
        }

        Assert.Equal(unlimited, paged);
        Assert.Equal(await places.CountAsync(new FeatureQuery(), default), paged.Distinct().Count());
        var codes = (await AllAsync(places)).ToDictionary(f => f.Id, f => (string?)f.Values[places.Info.Schema.IndexOf("ma_tinh_2025")]);
        for (int i = 1; i < paged.Count; i++)
        {
            int order = string.CompareOrdinal(codes[paged[i - 1]], codes[paged[i]]);
            Assert.True(order > 0 || (order == 0 && paged[i - 1] < paged[i]), $"{paged[i - 1]} then {paged[i]}");
        }
    }

    [Theory]
    [InlineData("ma_tinh_2025 = '01' AND dan_so_osm > 10000")]
    [InlineData("ma_tinh_2025 <> '01' OR dan_so_osm >= 1000000")]
    [InlineData("NOT (ma_tinh_2025 = '01')")]
    [InlineData("ten LIKE 'Hà%'")]
    [InlineData("ten LIKE '_à N%'")]
    [InlineData("CASEI(ten) = CASEI('HÀ NỘI')")]
    [InlineData("ACCENTI(ten) = ACCENTI('Ha Noi')")]
    [InlineData("ACCENTI(CASEI(ten)) LIKE ACCENTI(CASEI('%DA NANG%'))")]
    [InlineData("ten IN ('Hà Nội', 'Huế', 'Đà Nẵng')")]
    [InlineData("dan_so_osm BETWEEN 5000 AND 20000")]
    [InlineData("dan_so_osm IS NULL")]
    [InlineData("dan_so_osm IS NOT NULL AND dan_so_osm < 100")]
    [InlineData("fid < 10 OR fid = 4000")]
    [InlineData("S_INTERSECTS(geom, BBOX(105.3, 20.2, 106.9, 21.4))")]
    [InlineData("S_DISJOINT(geom, BBOX(105.3, 20.2, 106.9, 21.4))")]
    [InlineData("S_WITHIN(geom, POLYGON((105 20, 107 20, 107 22, 105 22, 105 20)))")]
    [InlineData("S_INTERSECTS(geom, POINT(105.85247 21.0292095))")]
    [InlineData("S_INTERSECTS(geom, BBOX(105.3, 20.2, 106.9, 21.4)) AND loai_osm = 'town'")]
    public async Task A_CQL2_filter_on_places_returns_what_evaluating_it_on_every_feature_returns(string cql)
    {
        await AssertFilterAsync("populated_places", cql);
    }

    [Theory]
    [InlineData("S_CONTAINS(geom, POINT(105.85247 21.0292095))", new[] { "Hà Nội" })]
    [InlineData("S_INTERSECTS(geom, LINESTRING(105.85247 21.0292095, 108.2 16.05))", null)]
    [InlineData("S_TOUCHES(geom, POINT(105.85247 21.0292095))", new string[0])]
    [InlineData("S_CROSSES(geom, LINESTRING(105.85247 21.0292095, 108.2 16.05))", null)]
    [InlineData("S_OVERLAPS(geom, POLYGON((105.5 20.5, 106.5 20.5, 106.5 21.5, 105.5 21.5, 105.5 20.5)))", null)]
    [InlineData("S_EQUALS(geom, POINT(105.85247 21.0292095))", new string[0])]
    public async Task A_spatial_predicate_on_provinces_returns_what_NetTopologySuite_says(string cql, string[]? names)
    {
        var provinces = await PostGisSamples.OpenAsync("vn_provinces_2025");

        var actual = await AssertFilterAsync("vn_provinces_2025", cql);

        if (names is not null)
            Assert.Equal(names, actual.Select(f => (string)f.Values[provinces.Info.Schema.IndexOf("ten_tinh")]!));
    }

    [Theory]
    [InlineData("thoi_gian = TIMESTAMP('2025-01-05T06:00:00Z')", 223)]
    [InlineData("T_EQUALS(thoi_gian, TIMESTAMP('2025-01-05T06:00:00Z'))", 223)]
    [InlineData("T_INTERSECTS(thoi_gian, INTERVAL('2025-01-10T00:00:00Z', '2025-01-10T05:00:00Z'))", null)]
    [InlineData("T_BEFORE(thoi_gian, TIMESTAMP('2025-01-01T02:00:00Z'))", null)]
    [InlineData("T_AFTER(thoi_gian, INTERVAL('..', '2025-01-30T20:00:00Z'))", null)]
    [InlineData("T_DISJOINT(thoi_gian, INTERVAL('2025-01-02', '2025-01-29'))", null)]
    [InlineData("thoi_gian < DATE('2025-01-02') AND ma_thong_so = 'PM2_5' AND gia_tri BETWEEN 10 AND 40.5", null)]
    [InlineData("chat_luong IS NULL OR chat_luong IN ('nghi_ngo')", null)]
    public async Task A_CQL2_filter_on_observations_returns_what_evaluating_it_on_every_feature_returns(string cql, int? count)
    {
        var actual = await AssertFilterAsync("observations", cql);

        if (count is not null) Assert.Equal(count, actual.Count);
    }

    [Theory]
    [InlineData("T_DURING(INTERVAL(bat_dau, ket_thuc), INTERVAL('2024-06-01T00:00:00Z', '..'))")]
    [InlineData("T_CONTAINS(INTERVAL(bat_dau, ket_thuc), INTERVAL('2025-01-10', '2025-01-11'))")]
    [InlineData("T_OVERLAPS(INTERVAL(bat_dau, ket_thuc), INTERVAL('2025-01-20', '2025-02-20'))")]
    [InlineData("T_METBY(INTERVAL(bat_dau, ket_thuc), INTERVAL('2024-01-01', '2025-01-01'))")]
    [InlineData("T_STARTS(INTERVAL(bat_dau, ket_thuc), INTERVAL('2025-01-01T00:00:00Z', '2026-01-01'))")]
    public async Task A_temporal_predicate_on_station_periods_returns_what_evaluating_it_on_every_feature_returns(string cql)
    {
        await AssertFilterAsync("monitoring_stations", cql);
    }

    [Fact]
    public async Task A_filter_combines_with_bbox_datetime_and_property_filters_and_counts_agree()
    {
        var places = await PostGisSamples.OpenAsync("populated_places");
        var query = new FeatureQuery
        {
            BBox = new BBox(105.3, 20.2, 106.9, 21.4),
            PropertyFilters = [new PropertyEquals(places.Info.Schema.Find("ma_tinh_2025")!, "01")],
            Filter = Parse(places, "loai_osm IN ('village', 'hamlet') AND NOT ten LIKE 'X%'"),
            Limit = 7,
            Offset = 3,
        };

        var all = await IdsAsync(places, query.WithoutPaging());
        var page = await IdsAsync(places, query);

        Assert.Equal(all.Count, await places.CountAsync(query, default));
        Assert.Equal(all.Skip(3).Take(7), page);
        Assert.True(all.Count > 10, $"matched {all.Count}");
    }

    [Theory]
    [InlineData("Hà Nội'; DROP TABLE base.populated_places; --")]
    [InlineData("x' OR '1'='1")]
    [InlineData("$1")]
    [InlineData("\\'; SELECT pg_sleep(10); --")]
    public async Task SQL_in_a_property_value_is_only_a_value(string value)
    {
        var places = await PostGisSamples.OpenAsync("populated_places");
        long rows = await PostGisDatabase.ScalarAsync<long>("SELECT count(*) FROM base.populated_places");
        var schema = places.Info.Schema;
        var equals = new FeatureQuery { PropertyFilters = [new PropertyEquals(schema.Find("ten")!, value)] };
        var cql = new FeatureQuery
        {
            Filter = new Or([
                new Comparison(ComparisonOperator.Equal, new PropertyRef("ten", schema.Find("ten")), Literal.Text(value)),
                new Like(new CaseInsensitive(new PropertyRef("ten", schema.Find("ten"))), new CaseInsensitive(Literal.Text(value))),
                new In(new AccentInsensitive(new PropertyRef("ma_tinh_2025", schema.Find("ma_tinh_2025"))), [Literal.Text(value)]),
            ]),
        };

        Assert.Empty(await IdsAsync(places, equals));
        Assert.Equal(0, await places.CountAsync(equals, default));
        Assert.Empty(await IdsAsync(places, cql));
        Assert.Equal(rows, await PostGisDatabase.ScalarAsync<long>("SELECT count(*) FROM base.populated_places"));
    }

    [Fact]
    public async Task Identifiers_with_quotes_spaces_and_capitals_are_read_filtered_and_sorted()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync(""""
            CREATE TABLE {schema}."Bảng ""lạ"" ; x" ("Mã" int PRIMARY KEY, "Tên ""lạ""" text, "ORDER" int, "Vị trí" geometry(Point, 4326));
            INSERT INTO {schema}."Bảng ""lạ"" ; x" VALUES (1, 'một', 2, 'SRID=4326;POINT(105 21)'), (2, 'hai', 1, 'SRID=4326;POINT(106 21)');
            """");
        var table = (await DiscoverAsync(scratch.Name)).Single();
        var schema = table.Info.Schema;

        var sorted = await IdsAsync(table, new FeatureQuery { SortBy = [new SortKey(schema.Find("ORDER")!)] });
        var named = await IdsAsync(table, new FeatureQuery { PropertyFilters = [new PropertyEquals(schema.Find("Tên \"lạ\"")!, "hai")] });
        var filtered = await IdsAsync(table, new FeatureQuery { Filter = Parse(table, "S_INTERSECTS(geometry, BBOX(104.5, 20.5, 105.5, 21.5))") });

        Assert.Equal($"{scratch.Name}.Bảng \"lạ\" ; x", table.Info.Name);
        Assert.Equal("Mã", schema.KeyName);
        Assert.Equal([2L, 1], sorted);
        Assert.Equal([2L], named);
        Assert.Equal([1L], filtered);
        Assert.Equal(105, ((Point)(await table.GetAsync(1, default))!.Geometry!).X);
    }

    [Fact]
    public async Task CASEI_folds_Vietnamese_letters_even_in_a_column_whose_collation_folds_only_ASCII()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE TABLE {schema}.names (id int PRIMARY KEY, name text COLLATE "C", geom geometry(Point, 4326));
            INSERT INTO {schema}.names VALUES (1, 'HÀ NỘI', NULL), (2, 'ĐÀ NẴNG', NULL), (3, 'Huế', NULL);
            """);
        var names = (await DiscoverAsync(scratch.Name)).Single();

        Assert.Equal([1L], await IdsAsync(names, new FeatureQuery { Filter = Parse(names, "CASEI(name) = CASEI('hà nội')") }));
        Assert.Equal([2L], await IdsAsync(names, new FeatureQuery { Filter = Parse(names, "CASEI(name) LIKE 'đà%'") }));
        Assert.Equal([2L], await IdsAsync(names, new FeatureQuery { Filter = Parse(names, "ACCENTI(CASEI(name)) = 'da nang'") }));
    }

    [Fact]
    public async Task A_timestamp_without_time_zone_is_read_and_filtered_as_UTC()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE TABLE {schema}.readings (id int PRIMARY KEY, at timestamp, geom geometry(Point, 4326));
            INSERT INTO {schema}.readings VALUES (1, '2025-07-01 08:30:00', 'SRID=4326;POINT(105 21)'), (2, '2025-07-01 09:30:00', NULL);
            """);
        var readings = (await DiscoverAsync(scratch.Name)).Single();
        TemporalFilter At(string instant)
        {
            var t = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
            return new TemporalFilter(new TemporalProperty("at"), new TimeInterval(t, t));
        }

        Assert.Equal([1L], await IdsAsync(readings, new FeatureQuery { Datetime = At("2025-07-01T08:30:00Z") }));
        Assert.Equal([2L], await IdsAsync(readings, new FeatureQuery { Datetime = At("2025-07-01T16:30:00+07:00") }));
        Assert.Equal([1L], await IdsAsync(readings, new FeatureQuery
        {
            PropertyFilters = [new PropertyEquals(readings.Info.Schema.Find("at")!, "2025-07-01T08:30:00.000Z")],
        }));
        Assert.Equal(("2025-07-01T08:30:00Z", "2025-07-01T09:30:00Z"), await readings.TemporalExtentAsync(new TemporalProperty("at"), default));
    }

    [Fact]
    public async Task The_server_cancels_a_statement_that_runs_past_the_statement_timeout()
    {
        await using var scratch = await SlowViewAsync();
        var slow = (await DiscoverAsync(scratch.Name, new PostGisStoreOptions { StatementTimeout = TimeSpan.FromSeconds(1) })).Single();
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PostgresException>(() => IdsAsync(slow, new FeatureQuery { Limit = 100 }));

        Assert.Equal(PostgresErrorCodes.QueryCanceled, e.SqlState);
        Assert.Contains("statement timeout", e.MessageText);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_statement_timeout_set_in_the_connection_string_wins_over_the_store_option()
    {
        await using var scratch = await SlowViewAsync();
        var slow = (await DiscoverAsync(scratch.Name, new PostGisStoreOptions { StatementTimeout = TimeSpan.FromMinutes(5) },
            ";Options=-c statement_timeout=500")).Single();
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PostgresException>(() => slow.CountAsync(new FeatureQuery { Filter = Parse(slow, "ten <> 'x'") }, default));

        Assert.Equal(PostgresErrorCodes.QueryCanceled, e.SqlState);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_statement_on_the_server_and_the_source_keeps_answering()
    {
        await using var scratch = await SlowViewAsync();
        var slow = (await DiscoverAsync(scratch.Name)).Single();
        using var client = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in slow.QueryAsync(new FeatureQuery { Limit = 1000 }, client.Token)) { }
        });

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(0L, await PostGisDatabase.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{scratch.Name}%' AND pid <> pg_backend_pid()"));
        Assert.Equal(4, (await slow.GetAsync(4, default))!.Id);
    }

    [Fact]
    public async Task Leaving_a_large_query_early_returns_its_connection_promptly()
    {
        var observations = await PostGisSamples.OpenAsync("observations");
        var clock = Stopwatch.StartNew();

        for (int i = 0; i < 3; i++)
            await foreach (var _ in observations.QueryAsync(new FeatureQuery { Limit = int.MaxValue }, default))
                break;

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(160_560, await observations.CountAsync(new FeatureQuery(), default));
    }

    [Fact]
    public async Task Leaving_a_slow_query_early_stops_the_rest_of_it_on_the_server()
    {
        await using var scratch = await SlowViewAsync();
        var slow = (await DiscoverAsync(scratch.Name)).Single();
        var clock = new Stopwatch();

        // 1,000 rows take 50 s to read, longer than the statement timeout; the client wants the first only.
        await foreach (var _ in slow.QueryAsync(new FeatureQuery { Limit = 1000 }, default))
        {
            clock.Start();
            break;
        }

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(0L, await PostGisDatabase.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{scratch.Name}%' AND pid <> pg_backend_pid()"));
        Assert.Equal(4, (await slow.GetAsync(4, default))!.Id);
    }

    /// <summary>
    /// Runs the filter through the source, and through NetTopologySuite and .NET over every feature; asserts both give
    /// the same features in key order, and CountAsync agrees. Returns the matches.
    /// </summary>
    private static async Task<List<Feature>> AssertFilterAsync(string table, string cql)
    {
        var source = await PostGisSamples.OpenAsync(table);
        var filter = Parse(source, cql);
        var all = await AllAsync(source);
        var expected = all.Where(f => Evaluate(filter, source.Info.Schema, f) == true).Select(f => f.Id).ToList();
        var query = new FeatureQuery { Filter = filter, Limit = int.MaxValue };

        var actual = await source.QueryAsync(query, default).ToListAsync();

        Assert.Equal(expected, actual.Select(f => f.Id));
        Assert.Equal(expected.Count, await source.CountAsync(query, default));
        return actual;
    }

    private static CqlExpression Parse(IFeatureSource source, string cql) => CqlTextParser.Parse(cql, source.Info.Schema);

    /// <summary>SQL's three-valued logic: null is unknown.</summary>
    private static bool? Evaluate(CqlExpression e, FeatureSchema schema, Feature f) => e switch
    {
        And and => and.Operands.Select(o => Evaluate(o, schema, f)).Aggregate((bool?)true, (a, b) => a == false || b == false ? false : a == null || b == null ? null : true),
        Or or => or.Operands.Select(o => Evaluate(o, schema, f)).Aggregate((bool?)false, (a, b) => a == true || b == true ? true : a == null || b == null ? null : false),
        Not not => !Evaluate(not.Operand, schema, f),
        Literal { Value: bool b } => b,
        Comparison c => Compare(Value(c.Left, schema, f), Value(c.Right, schema, f)) is { } order ? c.Operator switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.LessThan => order < 0,
            ComparisonOperator.LessThanOrEqual => order <= 0,
            ComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        } : null,
        Between b => Evaluate(new And([new Comparison(ComparisonOperator.GreaterThanOrEqual, b.Value, b.Low),
            new Comparison(ComparisonOperator.LessThanOrEqual, b.Value, b.High)]), schema, f),
        In @in => @in.Values.Select(v => Compare(Value(@in.Value, schema, f), Value(v, schema, f))).ToList() is var orders &&
                  orders.Contains(0) ? true : orders.Contains(null) ? null : false,
        IsNull n => Value(n.Value, schema, f) is null,
        Like like => Value(like.Value, schema, f) is string s && Value(like.Pattern, schema, f) is string p ? Matches(s, p) : null,
        SpatialPredicate s => Value(s.Left, schema, f) is Geometry a && Value(s.Right, schema, f) is Geometry g ? s.Operator switch
        {
            SpatialOperator.Intersects => a.Intersects(g),
            SpatialOperator.Disjoint => a.Disjoint(g),
            SpatialOperator.Within => a.Within(g),
            SpatialOperator.Contains => a.Contains(g),
            SpatialOperator.Touches => a.Touches(g),
            SpatialOperator.Crosses => a.Crosses(g),
            SpatialOperator.Overlaps => a.Overlaps(g),
            _ => a.EqualsTopologically(g),
        } : null,
        TemporalPredicate t => Evaluate(t.Expand(), schema, f),
        _ => throw new ArgumentException($"No evaluation for {e}"),
    };

    private static object? Value(CqlExpression e, FeatureSchema schema, Feature f) => e switch
    {
        PropertyRef { IsGeometry: true } => f.Geometry,
        PropertyRef p when p.Name == schema.KeyName => f.Id,
        PropertyRef p => schema.Find(p.Name)!.Type switch
        {
            PropertyType.DateTime when f.Values[schema.IndexOf(p.Name)] is string t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture).ToUniversalTime(),
            _ => f.Values[schema.IndexOf(p.Name)],
        },
        Literal { Value: DateOnly d } => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        Literal l => l.Value,
        CaseInsensitive ci => (Value(ci.Operand, schema, f) as string)?.ToLowerInvariant(),
        AccentInsensitive ai => Value(ai.Operand, schema, f) is string s ? WithoutAccents(s) : null,
        GeometryLiteral g => g.Geometry,
        _ => throw new ArgumentException($"No value for {e}"),
    };

    private static int? Compare(object? a, object? b) => (a, b) switch
    {
        (null, _) or (_, null) => null,
        (string x, string y) => string.CompareOrdinal(x, y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
    };

    private static bool Matches(string text, string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
            regex.Append(pattern[i] switch
            {
                '%' => ".*",
                '_' => ".",
                '\\' => System.Text.RegularExpressions.Regex.Escape(pattern[++i].ToString()),
                var c => System.Text.RegularExpressions.Regex.Escape(c.ToString()),
            });
        return System.Text.RegularExpressions.Regex.IsMatch(text, regex.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.Singleline);
    }

    private static string WithoutAccents(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    private static async Task<PostGisScratchSchema> SlowViewAsync() => await PostGisDatabase.CreateScratchSchemaAsync("""
        -- 50 ms for every row whose name is read. STABLE (a white lie) lets the planner flatten the view, so queries
        -- that leave the name alone, such as the extent read at discovery, do not sleep.
        CREATE FUNCTION {schema}.slowly(name text) RETURNS text LANGUAGE plpgsql STABLE
          AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN name; END $$;
        CREATE VIEW {schema}.slow AS SELECT p.fid, p.geom, {schema}.slowly(p.ten) AS ten FROM base.populated_places p;
        """);

    private static async Task<List<IFeatureSource>> DiscoverAsync(string schema, PostGisStoreOptions? options = null, string extra = "")
    {
        // Never disposed, like the server's stores.
        var store = new PostGisStore(PostGisDatabase.ConnectionString + extra, new PostGisStoreOptions
        {
            Schemas = [schema],
            StatementTimeout = options?.StatementTimeout ?? TimeSpan.FromSeconds(30),
        });
        return (await store.OpenFeatureSourcesAsync(default)).ToList();
    }

    private static async Task<List<Feature>> AllAsync(IFeatureSource source) =>
        await source.QueryAsync(new FeatureQuery { Limit = int.MaxValue }, default).ToListAsync();

    private static async Task<List<long>> IdsAsync(IFeatureSource source, FeatureQuery query) =>
        await source.QueryAsync(query, default).Select(f => f.Id).ToListAsync();
}
