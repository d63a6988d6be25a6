using GeoServer.Core.Spatial;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tests.Tiles.Cache;

public sealed class TileSeederTests
{
    [Fact]
    public void A_seed_plan_covers_the_box_at_every_zoom_of_the_range()
    {
        var set = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!;
        // Viet Nam in Web Mercator metres.
        var box = new BBox(11354588, 893463, 12245143, 2753408);

        var plan = TileSeeder.Plan(set, box, 0, 6).ToList();

        Assert.Equal(7, plan.Count);
        Assert.Equal(1, plan[0].Range.Count);
        Assert.All(plan.Zip(plan.Skip(1)), p => Assert.True(p.Second.Range.Count >= p.First.Range.Count));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6"], plan.Select(p => p.Matrix.Id));
    }

    [Fact]
    public void A_seed_walks_whole_meta_tiles_each_once_and_counts_only_the_tiles_of_the_range()
    {
        var matrix = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!.Find("7")!;
        var range = new TileRange(MinRow: 55, MaxRow: 58, MinCol: 101, MaxCol: 104);

        var blocks = TileSeeder.Blocks(matrix, range, 4).ToList();

        // Rows 55 | 56–58 and columns 101–103 | 104 fall in 2 × 2 blocks of 4.
        Assert.Equal(4, blocks.Count);
        Assert.Equal([(52L, 100L), (52, 104), (56, 100), (56, 104)], blocks.Select(b => (b.Meta.MinRow, b.Meta.MinCol)));
        Assert.Equal(range.Count, blocks.Sum(b => b.Tiles.Count));
        Assert.All(blocks, b => Assert.All(b.Tiles, t => Assert.True(b.Meta.Contains(t.Row, t.Col) && range.Contains(t.Row, t.Col))));
    }
}
