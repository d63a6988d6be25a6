using System.Net.Http.Headers;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Cache;

/// <summary>The tile cache as clients meet it: ETags, 304 Not Modified, and tiles kept in a servable folder layout.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class TileCacheHttpTests(GeoSdiServer server)
{
    [Theory]
    [InlineData("/tiles/vn:rivers/6/50/28.png")]
    [InlineData("/wmts/1.0.0/vn:rivers/default/WebMercatorQuad/6/28/50.png")]
    [InlineData("/tiles/vn/9/406/224.mvt")]
    public async Task A_client_holding_the_tile_s_ETag_gets_304_without_a_body(string url)
    {
        var first = await server.Client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var second = await server.Client.SendAsync(again);

        Assert.Equal(304, (int)second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_served_tile_is_kept_in_the_cache_folder_where_a_static_server_could_serve_it()
    {
        var body = await server.Client.GetByteArrayAsync("/tiles/vn:railways/6/50/28.png");

        var files = Directory.GetFiles(server.CacheDirectory, "28.png", SearchOption.AllDirectories)
            .Where(f => f.Contains(Path.Combine("vn:railways", "default", "WebMercatorQuad", "6", "50"), StringComparison.Ordinal)).ToList();
        var file = Assert.Single(files);
        Assert.Equal(body, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task The_same_tile_twice_is_the_same_bytes_and_ETag()
    {
        var a = await server.Client.GetAsync("/tiles/vn:coastline/7/101/56.png");
        var b = await server.Client.GetAsync("/tiles/vn:coastline/7/101/56.png");

        Assert.Equal(a.Headers.ETag, b.Headers.ETag);
        Assert.Equal(await a.Content.ReadAsByteArrayAsync(), await b.Content.ReadAsByteArrayAsync());
    }
}
