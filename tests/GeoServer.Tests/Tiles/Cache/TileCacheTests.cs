using GeoServer.Tiles.Cache;

namespace GeoServer.Tests.Tiles.Cache;

public sealed class TileCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geosdi-cache-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private TileCache Open(string generation = "g1", long disk = 1 << 20, long memory = 1 << 20) => new(_folder, generation, disk, memory);

    private static TileKey Key(long col, string tileset = "vn:rivers", long row = 5) =>
        new(tileset, "default", "WebMercatorQuad", "7", row, col, "png");

    private sealed class CountingRenderer(int size = 100)
    {
        private int _renders;
        public int Renders => _renders;

        public async Task<byte[]?> RenderAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _renders);
            await Task.Delay(50, ct);
            return Enumerable.Repeat((byte)_renders, size).ToArray();
        }
    }

    [Fact]
    public async Task A_tile_is_rendered_once_then_served_from_the_cache_with_the_same_ETag()
    {
        var cache = Open();
        var renderer = new CountingRenderer();

        var first = await cache.GetOrAddAsync(Key(1), renderer.RenderAsync, default);
        var second = await cache.GetOrAddAsync(Key(1), renderer.RenderAsync, default);

        Assert.Equal(1, renderer.Renders);
        Assert.Equal(first.ETag, second.ETag);
        Assert.True(File.Exists(Path.Combine(_folder, "g1", "vn:rivers", "default", "WebMercatorQuad", "7", "1", "5.png")));
    }

    [Fact]
    public async Task Concurrent_requests_for_a_missing_tile_share_one_render()
    {
        var cache = Open();
        var renderer = new CountingRenderer();

        var tiles = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetOrAddAsync(Key(2), renderer.RenderAsync, default)));

        Assert.Equal(1, renderer.Renders);
        Assert.Single(tiles.Select(t => t.ETag).Distinct());
    }

    [Fact]
    public async Task Invalidation_drops_exactly_the_affected_tiles()
    {
        var cache = Open();
        var renderer = new CountingRenderer();
        foreach (var col in new[] { 1L, 2, 3 }) await cache.GetOrAddAsync(Key(col), renderer.RenderAsync, default);
        await cache.GetOrAddAsync(Key(1, "vn:railways"), renderer.RenderAsync, default);

        int dropped = cache.Invalidate(k => k.Tileset == "vn:rivers" && k.Col == 2);
        await cache.GetOrAddAsync(Key(1), renderer.RenderAsync, default);
        await cache.GetOrAddAsync(Key(2), renderer.RenderAsync, default);
        await cache.GetOrAddAsync(Key(1, "vn:railways"), renderer.RenderAsync, default);

        Assert.Equal(1, dropped);
        Assert.Equal(5, renderer.Renders); // 4 first renders + the one invalidated tile again
        Assert.Equal(1, cache.InvalidateTilesets(new HashSet<string> { "vn:railways" }));
        Assert.False(File.Exists(Path.Combine(_folder, "g1", "vn:railways", "default", "WebMercatorQuad", "7", "1", "5.png")));
    }

    [Fact]
    public async Task A_full_cache_drops_its_least_recently_used_tiles()
    {
        var cache = Open(disk: 1000, memory: 1000);
        var renderer = new CountingRenderer(size: 100);
        for (long col = 0; col < 30; col++) await cache.GetOrAddAsync(Key(col), renderer.RenderAsync, default);

        Assert.True(cache.Count <= 11, $"{cache.Count} tiles of 100 bytes kept under a 1000-byte limit");
        var files = Directory.GetFiles(Path.Combine(_folder, "g1"), "*.png", SearchOption.AllDirectories);
        Assert.True(files.Length <= 11);
        Assert.Contains(files, f => f.EndsWith(Path.Combine("29", "5.png"), StringComparison.Ordinal)); // the newest stays
    }

    [Fact]
    public async Task An_empty_tile_is_cached_as_empty()
    {
        var cache = Open();
        int renders = 0;
        Task<byte[]?> Nothing(CancellationToken _) { renders++; return Task.FromResult<byte[]?>(null); }

        var tile = await cache.GetOrAddAsync(Key(7), Nothing, default);
        await cache.GetOrAddAsync(Key(7), Nothing, default);

        Assert.True(tile.IsEmpty);
        Assert.Equal(1, renders);
    }

    [Fact]
    public async Task A_new_generation_starts_empty_and_removes_the_old_one_while_the_same_generation_reuses_its_files()
    {
        var renderer = new CountingRenderer();
        await Open("g1").GetOrAddAsync(Key(1), renderer.RenderAsync, default);

        await Open("g1").GetOrAddAsync(Key(1), renderer.RenderAsync, default);
        Assert.Equal(1, renderer.Renders);

        await Open("g2").GetOrAddAsync(Key(1), renderer.RenderAsync, default);
        Assert.Equal(2, renderer.Renders);
        Assert.False(Directory.Exists(Path.Combine(_folder, "g1")));
    }

    [Fact]
    public void A_key_cannot_climb_out_of_the_cache_folder()
    {
        Assert.Throws<ArgumentException>(() => Key(1, "../etc").RelativePath);
        Assert.Throws<ArgumentException>(() => Key(1, "..").RelativePath);
    }
}
