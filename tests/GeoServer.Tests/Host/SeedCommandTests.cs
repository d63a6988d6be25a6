using GeoServer.Host.Startup;

namespace GeoServer.Tests.Host;

public sealed class SeedCommandTests
{
    [Fact]
    public void The_seed_command_line_reads_its_tileset_zooms_box_grid_and_format()
    {
        var line = CommandLine.Parse(["seed", "vn:rivers", "--zooms", "3-9", "--bbox", "102,8,110,24", "--grid", "WorldCRS84Quad", "--format", "mvt", "--config", "x.yaml"]);

        var seed = Assert.IsType<SeedCommand>(line.Seed);
        Assert.Equal("vn:rivers", seed.Tileset);
        Assert.Equal((3, 9), seed.Zooms);
        Assert.Equal(102, seed.BBox!.Value.MinX);
        Assert.Equal("WorldCRS84Quad", seed.Grid);
        Assert.Equal("mvt", seed.Format);
        Assert.Equal("x.yaml", line.ConfigFile);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed --zooms 1-2")]
    [InlineData("seed vn --zooms 9-3")]
    [InlineData("seed vn --zooms a")]
    [InlineData("seed vn --bbox 1,2,3")]
    [InlineData("seed vn --format gif")]
    [InlineData("serve --zooms 1-2")]
    public void A_bad_seed_command_line_is_refused_with_the_usage(string arguments)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(arguments.Split(' ')));

        Assert.Contains("usage:", error.Message);
    }
}
