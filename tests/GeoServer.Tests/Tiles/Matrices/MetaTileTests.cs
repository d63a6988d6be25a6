using GeoServer.Tiles.Matrices;

namespace GeoServer.Tests.Tiles.Matrices;

public sealed class MetaTileTests
{
    private static readonly TileMatrixSet Mercator = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!;
    private static readonly TileMatrixSet Crs84 = TileMatrixSetRegistry.Default.Find("WorldCRS84Quad")!;

    [Theory]
    [InlineData(56, 101, 56, 100)]
    [InlineData(59, 103, 56, 100)]
    [InlineData(60, 104, 60, 104)]
    [InlineData(0, 0, 0, 0)]
    public void Every_tile_of_a_block_agrees_on_the_block(long row, long col, long minRow, long minCol)
    {
        var meta = MetaTile.Containing(Mercator.Find("7")!, row, col, 4);

        Assert.Equal((minRow, minCol, 4, 4), (meta.MinRow, meta.MinCol, meta.Rows, meta.Cols));
        Assert.True(meta.Contains(row, col));
        Assert.Equal(16, meta.Tiles().Count());
    }

    [Fact]
    public void A_block_is_cut_short_at_the_matrix_edge()
    {
        // WorldCRS84Quad level 1 is 4 columns by 2 rows; WebMercatorQuad level 1 is 2 by 2, level 0 one tile.
        var world = MetaTile.Containing(Crs84.Find("1")!, 1, 3, 4);
        var mercator1 = MetaTile.Containing(Mercator.Find("1")!, 1, 1, 4);
        var mercator0 = MetaTile.Containing(Mercator.Find("0")!, 0, 0, 4);

        Assert.Equal((0L, 0L, 2, 4), (world.MinRow, world.MinCol, world.Rows, world.Cols));
        Assert.Equal((2, 2), (mercator1.Rows, mercator1.Cols));
        Assert.Equal((1, 1, 256, 256), (mercator0.Rows, mercator0.Cols, mercator0.PixelWidth, mercator0.PixelHeight));
        Assert.Equal(Mercator.Find("0")!.TileBounds(0, 0), mercator0.Bounds);
    }

    [Fact]
    public void Each_tile_sits_in_the_block_image_where_its_bounds_are()
    {
        var matrix = Mercator.Find("7")!;
        var meta = MetaTile.Containing(matrix, 57, 102, 4);

        Assert.Equal((0, 0), meta.PixelOffset(56, 100));
        Assert.Equal((2 * 256, 1 * 256), meta.PixelOffset(57, 102));
        Assert.Equal((3 * 256, 3 * 256), meta.PixelOffset(59, 103));
        var bounds = meta.Bounds;
        Assert.Equal(matrix.TileBounds(56, 100).MinX, bounds.MinX);
        Assert.Equal(matrix.TileBounds(59, 103).MinY, bounds.MinY);
    }

    [Fact]
    public void With_a_bottom_left_origin_the_block_s_first_row_is_at_the_bottom_of_its_image()
    {
        var matrix = new TileMatrix("0", 1000, 10, CornerOfOrigin.BottomLeft, 0, 0, 256, 256, 4, 4);
        var meta = MetaTile.Containing(matrix, 1, 1, 2);

        Assert.Equal((0, 256), meta.PixelOffset(0, 0));
        Assert.Equal((256, 0), meta.PixelOffset(1, 1));
    }
}
