using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.PostGis;

/// <summary>The page query counts the matches in the same scan, and the count equals a separate count query.</summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisMatchCountTests
{
    private static readonly BBox RedRiverDelta = new(105.3, 20.2, 106.9, 21.4);

    private static async Task<(List<long> Ids, long? Count)> PageAsync(IFeatureSource source, FeatureQuery query)
    {
        var count = new MatchCount();
        var ids = new List<long>();
        await foreach (var f in ((IMatchCountingSource)source).QueryAsync(query, count, default)) ids.Add(f.Id);
        return (ids, count.Value);
    }

    [Fact]
    public async Task An_offset_page_reports_every_match_of_the_query()
    {
        var places = await PostGisSamples.OpenAsync("populated_places");
        var query = new FeatureQuery { BBox = RedRiverDelta, Limit = 10, Offset = 20 };

        var (ids, count) = await PageAsync(places, query);
        var plain = await places.QueryAsync(query, default).Select(f => f.Id).ToListAsync();

        Assert.Equal(await places.CountAsync(query.WithoutPaging(), default), count);
        Assert.Equal(plain, ids);
    }

    [Fact]
    public async Task A_keyset_page_reports_the_matches_from_its_cursor_on()
    {
        var places = await PostGisSamples.OpenAsync("populated_places");
        var first = await places.QueryAsync(new FeatureQuery { BBox = RedRiverDelta, Limit = 30 }, default).ToListAsync();

        var (ids, count) = await PageAsync(places, new FeatureQuery { BBox = RedRiverDelta, Limit = 10, AfterKey = first[^1].Id });

        long total = await places.CountAsync(new FeatureQuery { BBox = RedRiverDelta }, default);
        Assert.Equal(total - 30, count);
        Assert.Equal(10, ids.Count);
        Assert.All(ids, id => Assert.True(id > first[^1].Id));
    }

    [Fact]
    public async Task An_empty_page_leaves_the_count_unknown()
    {
        var places = await PostGisSamples.OpenAsync("populated_places");

        var (ids, count) = await PageAsync(places, new FeatureQuery { BBox = RedRiverDelta, Offset = 100_000 });

        Assert.Empty(ids);
        Assert.Null(count);
    }
}
