using System.Collections.Concurrent;
using System.Globalization;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;

namespace GeoServer.Tests.Data.GeoPackage;

/// <summary>
/// What every feature source must do, asserted on the sample tables. A store's test class opens the tables from
/// its own copy of the samples; expected results are computed in the test by brute force over every feature.
/// </summary>
public abstract class FeatureSourceContract
{
    private static readonly ConcurrentDictionary<(Type, string), Task<List<Feature>>> AllFeatures = new();
    private static readonly GeometryFactory Factory = new();

    /// <summary>The sample table of this name, as the store under test publishes it.</summary>
    protected abstract Task<IFeatureSource> OpenAsync(string table);

    /// <summary>How many rows the table holds, counted by the store's own means rather than through the source.</summary>
    protected abstract Task<long> CountStoredRowsAsync(string table);

    [Fact]
    public async Task A_bbox_over_the_Red_River_Delta_returns_Ha_Noi_and_not_Da_Nang()
    {
        var provinces = await OpenAsync("vn_provinces_2025");
        var redRiverDelta = new FeatureQuery { BBox = new BBox(105.3, 20.2, 106.9, 21.4), Limit = 100 };

        var names = await Names(provinces, redRiverDelta, "ten_tinh");

        Assert.Contains("Hà Nội", names);
        Assert.DoesNotContain("Đà Nẵng", names);
    }

    [Fact]
    public async Task A_bbox_keeps_a_province_whose_envelope_but_not_its_outline_reaches_the_box_out()
    {
        // Thanh Hóa's envelope reaches into this box; its outline does not.
        var provinces = await OpenAsync("vn_provinces_2025");
        var box = new BBox(105.5, 20.5, 107.0, 21.5);
        var all = await All(provinces);
        var envelopeOnly = all.Where(f => f.Geometry is not null && box.ToEnvelope().Intersects(f.Geometry.EnvelopeInternal))
            .Select(f => Text(provinces, f, "ten_tinh")).ToHashSet();

        var names = await Names(provinces, new FeatureQuery { BBox = box, Limit = 100 }, "ten_tinh");

        Assert.Contains("Thanh Hóa", envelopeOnly);
        Assert.DoesNotContain("Thanh Hóa", names);
        Assert.Contains("Hà Nội", names);
    }

    [Theory]
    [InlineData("vn_provinces_2025", 105.5, 20.5, 107.0, 21.5)]
    [InlineData("vn_provinces_2025", 104.5, 21.5, 106.0, 22.5)]
    [InlineData("vn_provinces_2025", 109.5, 15.5, 110.5, 16.5)]
    [InlineData("populated_places", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("rivers", 105.5, 20.5, 107.0, 21.5)]
    [InlineData("railways", 105.8, 21.0, 105.9, 21.1)]
    [InlineData("land_parcels_synthetic", 105.8186, 21.1402, 105.8195, 21.1410)]
    [InlineData("coastline", 106.5, 20.5, 107.5, 21.0)]
    public async Task A_bbox_returns_exactly_the_features_whose_geometry_intersects_it(
        string table, double minX, double minY, double maxX, double maxY)
    {
        var source = await OpenAsync(table);
        var box = new BBox(minX, minY, maxX, maxY);
        var boxGeometry = Factory.ToGeometry(box.ToEnvelope());
        var expected = (await All(source))
            .Where(f => f.Geometry is { IsEmpty: false } g && g.Intersects(boxGeometry)).Select(f => f.Id).ToList();

        var actual = await Ids(source, new FeatureQuery { BBox = box, Limit = int.MaxValue });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_bbox_whose_edge_passes_through_a_point_includes_it()
    {
        // populated_places fid 2 "Hà Nội" is stored at (105.85247, 21.0292095).
        var places = await OpenAsync("populated_places");

        var ids = await Ids(places, new FeatureQuery { BBox = new BBox(105.85247, 21.0292095, 105.9, 21.1), Limit = 10_000 });

        Assert.Contains(2L, ids);
    }

    [Theory]
    [InlineData(105.8524702, 21.0, 105.9, 21.1)] // 2 cm east of the point
    [InlineData(105.8, 21.0292110, 105.9, 21.1)] // 17 cm north of the point
    public async Task A_bbox_that_misses_a_point_by_centimetres_excludes_it(double minX, double minY, double maxX, double maxY)
    {
        // The R-tree holds single-precision bounds rounded outwards (its maxx for this point is 105.8524704);
        // the box must still be tested against the point itself.
        var places = await OpenAsync("populated_places");

        var ids = await Ids(places, new FeatureQuery { BBox = new BBox(minX, minY, maxX, maxY), Limit = 10_000 });

        Assert.DoesNotContain(2L, ids);
    }

    [Theory]
    [InlineData("populated_places", 500)]
    [InlineData("vn_provinces_2025", 7)]
    [InlineData("land_parcels_synthetic", 1000)]
    public async Task Paging_by_offset_and_by_after_key_gives_the_same_pages_in_key_order_with_no_gaps_or_duplicates(
        string table, int pageSize)
    {
        var source = await OpenAsync(table);
        var everything = (await All(source)).Select(f => f.Id).ToList();

        var byOffset = new List<List<long>>();
        for (long offset = 0; ; offset += pageSize)
        {
            var page = await Ids(source, new FeatureQuery { Limit = pageSize, Offset = offset });
            if (page.Count == 0) break;
            byOffset.Add(page);
        }
        var byKey = new List<List<long>>();
        for (long? after = null; ;)
        {
            var page = await Ids(source, new FeatureQuery { Limit = pageSize, AfterKey = after });
            if (page.Count == 0) break;
            byKey.Add(page);
            after = page[^1];
        }

        Assert.Equal(byOffset, byKey);
        Assert.All(byOffset.SkipLast(1), page => Assert.Equal(pageSize, page.Count));
        var concatenated = byOffset.SelectMany(p => p).ToList();
        Assert.Equal(everything.Order(), concatenated);
        Assert.Equal(await CountStoredRowsAsync(table), concatenated.Distinct().Count());
    }

    [Fact]
    public async Task Paging_a_bbox_query_by_after_key_walks_the_same_features_as_one_unlimited_query()
    {
        var places = await OpenAsync("populated_places");
        var box = new BBox(105.3, 20.2, 106.9, 21.4);
        var unlimited = await Ids(places, new FeatureQuery { BBox = box, Limit = int.MaxValue });

        var paged = new List<long>();
        for (long? after = null; ;)
        {
            var page = await Ids(places, new FeatureQuery { BBox = box, Limit = 37, AfterKey = after });
            if (page.Count == 0) break;
            paged.AddRange(page);
            after = page[^1];
        }

        Assert.Equal(unlimited, paged);
    }

    [Fact]
    public async Task An_after_key_takes_precedence_over_an_offset()
    {
        var places = await OpenAsync("populated_places");

        var page = await Ids(places, new FeatureQuery { Limit = 5, AfterKey = 100, Offset = 1000 });

        Assert.Equal([101L, 102, 103, 104, 105], page);
    }

    [Theory]
    [InlineData("populated_places")]
    [InlineData("vn_provinces_2025")]
    [InlineData("observations")]
    [InlineData("land_use_codes")]
    [InlineData("rivers")]
    public async Task An_unfiltered_query_without_limit_returns_every_stored_row(string table)
    {
        var source = await OpenAsync(table);

        var features = await All(source);

        Assert.Equal(await CountStoredRowsAsync(table), features.Count);
        Assert.Equal(await CountStoredRowsAsync(table), await source.CountAsync(new FeatureQuery(), default));
    }

    [Theory]
    [InlineData("populated_places", "none")]
    [InlineData("populated_places", "bbox")]
    [InlineData("populated_places", "property")]
    [InlineData("populated_places", "bbox+property")]
    [InlineData("vn_provinces_2025", "bbox")]
    [InlineData("observations", "datetime")]
    [InlineData("observations", "datetime+property")]
    public async Task CountAsync_equals_the_number_of_features_an_unlimited_query_returns(string table, string filters)
    {
        var source = await OpenAsync(table);
        var query = new FeatureQuery { Limit = 3, Offset = 2 };
        if (filters.Contains("bbox")) query = query with { BBox = new BBox(105.3, 20.2, 106.9, 21.4) };
        if (filters.Contains("property"))
        {
            var (name, value) = table == "observations" ? ("ma_thong_so", "PM2_5") : ("ma_tinh_2025", "01");
            query = query with { PropertyFilters = [new PropertyEquals(source.Info.Schema.Find(name)!, value)] };
        }
        if (filters.Contains("datetime"))
            query = query with
            {
                Datetime = new TemporalFilter(new TemporalProperty("thoi_gian"),
                    new TimeInterval(Utc("2025-01-10T00:00:00Z"), Utc("2025-01-12T12:00:00Z"))),
            };

        long count = await source.CountAsync(query, default);
        var returned = await Ids(source, query.WithoutPaging());

        Assert.Equal(returned.Count, count);
        Assert.True(count > 3, $"the filters '{filters}' should match more than one page, matched {count}");
    }

    [Fact]
    public async Task A_property_equality_filter_returns_exactly_the_features_with_that_value()
    {
        var places = await OpenAsync("populated_places");
        var expected = (await All(places)).Where(f => Text(places, f, "ma_tinh_2025") == "01").Select(f => f.Id).ToList();
        var filter = new PropertyEquals(places.Info.Schema.Find("ma_tinh_2025")!, "01");

        var actual = await Ids(places, new FeatureQuery { PropertyFilters = [filter], Limit = int.MaxValue });

        Assert.Equal(expected, actual);
        Assert.Equal(111, actual.Count);
    }

    [Fact]
    public async Task Property_equality_filters_on_text_and_integer_columns_must_all_hold()
    {
        var places = await OpenAsync("populated_places");
        var hanoi = (await places.GetAsync(2, default))!;
        long osmId = Convert.ToInt64(hanoi.Values[places.Info.Schema.IndexOf("osm_id")], CultureInfo.InvariantCulture);
        var schema = places.Info.Schema;

        var both = await Ids(places, new FeatureQuery
        {
            PropertyFilters = [new PropertyEquals(schema.Find("ma_tinh_2025")!, "01"), new PropertyEquals(schema.Find("osm_id")!, osmId)],
            Limit = 100,
        });
        var contradicting = await Ids(places, new FeatureQuery
        {
            PropertyFilters = [new PropertyEquals(schema.Find("ma_tinh_2025")!, "48"), new PropertyEquals(schema.Find("osm_id")!, osmId)],
            Limit = 100,
        });

        Assert.Equal([2L], both);
        Assert.Empty(contradicting);
    }

    [Theory]
    [InlineData("2025-01-05T06:00:00Z", "2025-01-05T06:00:00Z")] // an instant in the data
    [InlineData("2025-01-05T06:30:00Z", "2025-01-05T06:30:00Z")] // an instant between observations
    [InlineData("2025-01-10T00:00:00Z", "2025-01-10T05:00:00Z")] // a closed interval, ends included
    [InlineData("2025-01-30T20:00:00Z", null)] // open end
    [InlineData(null, "2025-01-01T02:00:00Z")] // open start
    [InlineData("2024-12-01T00:00:00Z", "2024-12-31T23:59:59Z")] // before the data
    [InlineData("2025-01-01T07:00:00+07:00", "2025-01-01T07:00:00+07:00")] // an offset instant: 2025-01-01T00:00Z
    public async Task A_datetime_filter_on_an_instant_property_returns_the_observations_inside_the_interval(string? start, string? end)
    {
        var observations = await OpenAsync("observations");
        var interval = new TimeInterval(start is null ? null : Utc(start), end is null ? null : Utc(end));
        int column = observations.Info.Schema.IndexOf("thoi_gian");
        var expected = (await All(observations))
            .Where(f => f.Values[column] is string t && Inside(Utc(t), interval)).Select(f => f.Id).ToList();

        var actual = await Ids(observations, new FeatureQuery
        {
            Datetime = new TemporalFilter(new TemporalProperty("thoi_gian"), interval),
            Limit = int.MaxValue,
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_datetime_instant_matching_the_data_finds_one_observation_per_station_and_property()
    {
        var observations = await OpenAsync("observations");
        var instant = Utc("2025-01-05T06:00:00Z");

        long count = await observations.CountAsync(new FeatureQuery
        {
            Datetime = new TemporalFilter(new TemporalProperty("thoi_gian"), new TimeInterval(instant, instant)),
        }, default);

        Assert.Equal(223, count); // sqlite3 envmon.gpkg "select count(*) from observations where thoi_gian='2025-01-05T06:00:00.000Z'"
    }

    [Theory]
    [InlineData("2025-01-15T00:00:00Z", "2025-01-15T00:00:00Z")] // inside every station's period
    [InlineData("2024-06-01T00:00:00Z", "2025-01-01T00:00:00Z")] // ends exactly where the periods start
    [InlineData("2024-06-01T00:00:00Z", "2024-12-31T23:59:59Z")] // before every period
    [InlineData("2025-01-30T23:00:00Z", null)] // starts exactly where the periods end
    [InlineData("2025-01-31T00:00:00Z", null)] // after every period
    [InlineData(null, "2024-12-31T00:00:00Z")]
    public async Task A_datetime_filter_on_an_interval_property_returns_the_stations_whose_period_intersects_it(string? start, string? end)
    {
        var stations = await OpenAsync("monitoring_stations");
        var interval = new TimeInterval(start is null ? null : Utc(start), end is null ? null : Utc(end));
        int from = stations.Info.Schema.IndexOf("bat_dau"), to = stations.Info.Schema.IndexOf("ket_thuc");
        var expected = (await All(stations)).Where(f =>
                f.Values[from] is string s &&
                (interval.End is null || Utc(s) <= interval.End) &&
                (f.Values[to] is not string e || interval.Start is null || Utc(e) >= interval.Start))
            .Select(f => f.Id).ToList();

        var actual = await Ids(stations, new FeatureQuery
        {
            Datetime = new TemporalFilter(new TemporalProperty("bat_dau", "ket_thuc"), interval),
            Limit = int.MaxValue,
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task GetAsync_returns_the_feature_with_its_geometry_and_properties()
    {
        var places = await OpenAsync("populated_places");

        var feature = await places.GetAsync(2, default);

        Assert.NotNull(feature);
        Assert.Equal(2, feature.Id);
        Assert.Equal("Hà Nội", Text(places, feature, "ten"));
        Assert.Equal("01", Text(places, feature, "ma_tinh_2025"));
        var point = Assert.IsType<Point>(feature.Geometry);
        Assert.Equal((105.85247, 21.0292095), (point.X, point.Y));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(999_999_999)]
    public async Task GetAsync_returns_null_for_a_key_that_is_not_in_the_table(long id)
    {
        var places = await OpenAsync("populated_places");

        Assert.Null(await places.GetAsync(id, default));
    }

    [Fact]
    public async Task The_source_describes_its_key_geometry_and_storage_CRS()
    {
        var places = await OpenAsync("populated_places");
        var observations = await OpenAsync("observations");

        Assert.Equal("POINT", places.Info.Schema.GeometryType);
        Assert.Equal(4326, places.Info.Srid);
        Assert.NotNull(places.Info.Schema.Find("ten"));
        Assert.Null(places.Info.Schema.Find(places.Info.Schema.KeyName));
        Assert.False(observations.Info.Schema.HasGeometry);
        Assert.Equal(new TemporalProperty("thoi_gian"), observations.Info.Temporal);
    }

    [Fact]
    public async Task The_temporal_extent_spans_the_first_and_last_observation()
    {
        var observations = await OpenAsync("observations");

        var (start, end) = await observations.TemporalExtentAsync(new TemporalProperty("thoi_gian"), default);

        Assert.Equal(Utc("2025-01-01T00:00:00Z"), Utc(start!));
        Assert.Equal(Utc("2025-01-30T23:00:00Z"), Utc(end!));
    }

    /// <summary>Every feature of the source, in key order, read once per store and table.</summary>
    protected Task<List<Feature>> All(IFeatureSource source) =>
        AllFeatures.GetOrAdd((GetType(), source.Info.Name),
            _ => source.QueryAsync(new FeatureQuery { Limit = int.MaxValue }, default).ToListAsync().AsTask());

    private static async Task<List<long>> Ids(IFeatureSource source, FeatureQuery query) =>
        await source.QueryAsync(query, default).Select(f => f.Id).ToListAsync();

    private static async Task<List<string?>> Names(IFeatureSource source, FeatureQuery query, string property) =>
        await source.QueryAsync(query, default).Select(f => Text(source, f, property)).ToListAsync();

    private static string? Text(IFeatureSource source, Feature feature, string property) =>
        (string?)feature.Values[source.Info.Schema.IndexOf(property)];

    private static bool Inside(DateTimeOffset t, TimeInterval interval) =>
        (interval.Start is null || t >= interval.Start) && (interval.End is null || t <= interval.End);

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
