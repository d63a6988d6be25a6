using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class ItemsPagingTests(GeoSdiServer server)
{
    public static TheoryData<string> Collections => new(SampleData.CollectionIds);

    /// <summary>Every page from the first URL on, following "next" links as a client does.</summary>
    private async Task<List<JsonElement>> WalkAsync(string firstUrl)
    {
        var pages = new List<JsonElement>();
        for (string? url = firstUrl; url is not null; url = pages[^1].Link("next", "application/geo+json"))
        {
            pages.Add(await server.Client.GetJsonAsync(url));
            Assert.True(pages.Count < 1000, "more than 1000 pages: the next links do not end");
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Following_next_links_returns_every_row_of_the_table_once_in_key_order(string id)
    {
        long rows = SampleData.CountRows(id);

        var pages = await WalkAsync($"/ogc/collections/{id}/items?limit=1000");

        var ids = pages.SelectMany(p => p.FeatureIds()).ToList();
        Assert.Equal(rows, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
        Assert.All(pages, p => Assert.Equal(rows, p.GetProperty("numberMatched").GetInt64()));
        Assert.All(pages, p => Assert.Equal(p.GetProperty("features").GetArrayLength(), p.GetProperty("numberReturned").GetInt32()));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(1000, p.GetProperty("numberReturned").GetInt32()));
        Assert.Equal((int)Math.Max(1, Math.Ceiling(rows / 1000.0)), pages.Count);
    }

    [Fact]
    public async Task Small_pages_over_a_filter_return_exactly_the_matching_features()
    {
        var path = SampleData.PathOf("base.gpkg");
        long expected = SampleData.Scalar<long>(path, "SELECT count(*) FROM populated_places WHERE ma_tinh_2025 = '01'");

        var pages = await WalkAsync("/ogc/collections/vn:populated_places/items?ma_tinh_2025=01&limit=10");

        var features = pages.SelectMany(p => p.GetProperty("features").EnumerateArray()).ToList();
        Assert.Equal(expected, features.Count);
        Assert.Equal(expected, features.Select(f => f.GetProperty("id").GetInt64()).Distinct().Count());
        Assert.All(features, f => Assert.Equal("01", f.GetProperty("properties").GetProperty("ma_tinh_2025").GetString()));
        Assert.All(pages, p => Assert.Equal(expected, p.GetProperty("numberMatched").GetInt64()));
        Assert.All(pages.Skip(1), p => Assert.Contains("ma_tinh_2025=01", p.Link("self")));
    }

    [Fact]
    public async Task Offset_pages_and_cursor_pages_are_the_same()
    {
        var byCursor = (await WalkAsync("/ogc/collections/vn:vn_provinces_2024_63/items?limit=7")).Select(p => p.FeatureIds()).ToList();

        var byOffset = new List<List<long>>();
        for (int offset = 0; offset < 63; offset += 7)
            byOffset.Add((await server.Client.GetJsonAsync($"/ogc/collections/vn:vn_provinces_2024_63/items?limit=7&offset={offset}")).FeatureIds());

        Assert.Equal(byOffset, byCursor);
    }

    [Fact]
    public async Task The_last_page_has_no_next_link_and_later_pages_have_a_prev_link()
    {
        var pages = await WalkAsync("/ogc/collections/vn:vn_provinces_2025/items?limit=10");

        Assert.Equal(4, pages.Count);
        Assert.Null(pages[^1].Link("next"));
        Assert.Null(pages[0].Link("prev"));
        var prev = pages[2].Link("prev", "application/geo+json");
        Assert.NotNull(prev);
        Assert.Equal(pages[1].FeatureIds(), (await server.Client.GetJsonAsync(prev)).FeatureIds());
    }

    [Fact]
    public async Task An_offset_past_the_end_returns_an_empty_page_with_the_full_count()
    {
        var page = await server.Client.GetJsonAsync("/ogc/collections/vn:vn_provinces_2025/items?offset=1000");

        Assert.Equal(0, page.GetProperty("numberReturned").GetInt32());
        Assert.Equal(34, page.GetProperty("numberMatched").GetInt64());
        Assert.Null(page.Link("next"));
    }

    [Theory]
    [InlineData(34, 1)]
    [InlineData(17, 2)]
    public async Task Pages_that_end_exactly_at_the_last_match_have_no_empty_page_after_them(int limit, int expectedPages)
    {
        var pages = await WalkAsync($"/ogc/collections/vn:vn_provinces_2025/items?limit={limit}");

        Assert.Equal(expectedPages, pages.Count);
        Assert.All(pages, p => Assert.Equal(limit, p.GetProperty("numberReturned").GetInt32()));
        Assert.All(pages, p => Assert.Equal(34, p.GetProperty("numberMatched").GetInt64()));
    }

    [Fact]
    public async Task A_full_page_of_a_CQL2_filter_leaves_out_numberMatched_and_still_links_every_page()
    {
        long expected = SampleData.Scalar<long>(SampleData.PathOf("base.gpkg"),
            "SELECT count(*) FROM populated_places WHERE ma_tinh_2025 = '01'");
        string filter = Uri.EscapeDataString("ma_tinh_2025 = '01'");

        var pages = await WalkAsync($"/ogc/collections/vn:populated_places/items?filter={filter}&limit=50");

        Assert.Equal(expected, pages.Sum(p => p.GetProperty("numberReturned").GetInt32()));
        Assert.False(pages[0].TryGetProperty("numberMatched", out _), "counting a filter would re-read every match");
        Assert.Equal(expected, pages[^1].GetProperty("numberMatched").GetInt64()); // a short last page knows
    }
}
