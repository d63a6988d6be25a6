using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Cache;

/// <summary>Map tiles cached a meta-tile at a time: one render per block, every tile of it stored on its own.</summary>
public sealed class TileCacheMetaTileTests : IDisposable
{
    private static readonly TileMatrix Z7 = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!.Find("7")!;
    private readonly string _folder = Directory.CreateTempSubdirectory("geosdi-meta-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private TileCache Open() => new(_folder, "g1", 1 << 24, 1 << 24);

    private static TileKey Key(long row, long col) => new("vn:rivers", "default", "WebMercatorQuad", Z7.Id, row, col, "png");

    private string FileOf(long row, long col) => Path.Combine(_folder, "g1", Key(row, col).RelativePath);

    /// <summary>Renders a block as tiles whose bytes name the tile and the render that made them.</summary>
    private sealed class BlockRenderer(TaskCompletionSource? gate = null)
    {
        private int _renders;
        public int Renders => _renders;

        public Func<CancellationToken, Task<IReadOnlyList<RenderedTile>>> For(MetaTile meta) => async _ =>
        {
            int render = Interlocked.Increment(ref _renders);
            if (gate is not null) await gate.Task;
            else await Task.Delay(50);
            return meta.Tiles().Select(t => new RenderedTile(t.Row, t.Col, [(byte)t.Row, (byte)t.Col, (byte)render])).ToList();
        };
    }

    [Fact]
    public async Task Two_concurrent_requests_for_two_tiles_of_one_meta_tile_cause_one_render_that_stores_all_of_it()
    {
        var cache = Open();
        var renderer = new BlockRenderer();
        var meta = MetaTile.Containing(Z7, 57, 101, 4);

        var tiles = await Task.WhenAll(
            cache.GetOrAddMetaAsync(Key(57, 101), meta, renderer.For(meta), default),
            cache.GetOrAddMetaAsync(Key(58, 103), MetaTile.Containing(Z7, 58, 103, 4), renderer.For(meta), default));

        Assert.Equal(1, renderer.Renders);
        Assert.Equal([57, 101, 1], tiles[0].Bytes);
        Assert.Equal([58, 103, 1], tiles[1].Bytes);
        Assert.All(meta.Tiles(), t => Assert.True(File.Exists(FileOf(t.Row, t.Col)), $"tile {t} stored"));
        var third = await cache.GetOrAddMetaAsync(Key(59, 100), meta, renderer.For(meta), default);
        Assert.Equal([59, 100, 1], third.Bytes);
        Assert.Equal(1, renderer.Renders);
    }

    [Fact]
    public async Task A_meta_tile_cut_short_at_the_matrix_edge_renders_and_serves_its_tiles()
    {
        var cache = Open();
        var renderer = new BlockRenderer();
        var edge = TileMatrixSetRegistry.Default.Find("WorldCRS84Quad")!.Find("1")!;   // 4 × 2 tiles
        var meta = MetaTile.Containing(edge, 1, 3, 4);
        var key = new TileKey("vn:rivers", "default", "WorldCRS84Quad", edge.Id, 1, 3, "png");

        var tile = await cache.GetOrAddMetaAsync(key, meta, renderer.For(meta), default);

        Assert.Equal(8, meta.Count);
        Assert.Equal([1, 3, 1], tile.Bytes);
        Assert.Equal(8, cache.Count);
    }

    [Fact]
    public async Task Invalidating_one_tile_of_a_block_drops_that_tile_only()
    {
        var cache = Open();
        var renderer = new BlockRenderer();
        var meta = MetaTile.Containing(Z7, 56, 100, 4);
        await cache.GetOrAddMetaAsync(Key(56, 100), meta, renderer.For(meta), default);

        int dropped = cache.Invalidate(k => k.Row == 57 && k.Col == 102);
        var neighbour = await cache.GetOrAddMetaAsync(Key(56, 100), meta, renderer.For(meta), default);
        var changed = await cache.GetOrAddMetaAsync(Key(57, 102), meta, renderer.For(meta), default);

        Assert.Equal(1, dropped);
        Assert.Equal(1, neighbour.Bytes[2]);   // still the first render's
        Assert.Equal(2, changed.Bytes[2]);     // drawn again
        Assert.Equal(2, renderer.Renders);
        Assert.Equal(16, cache.Count);
    }

    [Fact]
    public async Task A_block_rendering_while_its_data_changes_is_served_but_not_kept()
    {
        var cache = Open();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var renderer = new BlockRenderer(gate);
        var meta = MetaTile.Containing(Z7, 56, 100, 4);

        var pending = cache.GetOrAddMetaAsync(Key(56, 100), meta, renderer.For(meta), default);
        cache.InvalidateTilesets(new HashSet<string> { "vn:rivers" });
        gate.SetResult();
        await pending;

        Assert.Equal(0, cache.Count);
        Assert.False(File.Exists(FileOf(56, 100)));
        await cache.GetOrAddMetaAsync(Key(56, 100), meta, renderer.For(meta), default);
        Assert.Equal(2, renderer.Renders);
    }
}
