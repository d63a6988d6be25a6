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
}
