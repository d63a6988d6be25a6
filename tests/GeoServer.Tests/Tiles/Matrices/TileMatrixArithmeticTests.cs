using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tests.Tiles.Matrices;

public sealed class TileMatrixArithmeticTests
{
    private const double Half = 20037508.3427892;

    private static TileMatrixSet WebMercator => TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!;
    private static TileMatrixSet Crs84 => TileMatrixSetRegistry.Default.Find("WorldCRS84Quad")!;

    private static void AssertBox(BBox expected, BBox actual, double tolerance)
    {
        Assert.Equal(expected.MinX, actual.MinX, tolerance);
        Assert.Equal(expected.MinY, actual.MinY, tolerance);
        Assert.Equal(expected.MaxX, actual.MaxX, tolerance);
        Assert.Equal(expected.MaxY, actual.MaxY, tolerance);
    }

    [Fact]
    public void WebMercatorQuad_level_0_is_one_tile_covering_the_whole_projected_square()
    {
        var z0 = WebMercator.Find("0")!;
        Assert.Equal((1L, 1L), (z0.MatrixWidth, z0.MatrixHeight));
        AssertBox(new BBox(-Half, -Half, Half, Half), z0.TileBounds(0, 0), 1e-3);
    }

    [Fact]
    public void WebMercatorQuad_level_1_tile_0_0_is_the_north_west_quarter_and_1_1_the_south_east()
    {
        var z1 = WebMercator.Find("1")!;
        AssertBox(new BBox(-Half, 0, 0, Half), z1.TileBounds(0, 0), 1e-3);
        AssertBox(new BBox(0, -Half, Half, 0), z1.TileBounds(1, 1), 1e-3);
    }

    [Fact]
    public void WorldCRS84Quad_level_0_is_two_tiles_one_per_hemisphere_in_degrees()
    {
        var z0 = Crs84.Find("0")!;
        Assert.Equal((2L, 1L), (z0.MatrixWidth, z0.MatrixHeight));
        AssertBox(new BBox(-180, -90, 0, 90), z0.TileBounds(0, 0), 1e-12);
        AssertBox(new BBox(0, -90, 180, 90), z0.TileBounds(0, 1), 1e-12);
    }

    [Fact]
    public void Adjacent_tiles_share_their_edges_exactly()
    {
        var z18 = WebMercator.Find("18")!;
        var a = z18.TileBounds(114_000, 208_000);
        Assert.Equal(a.MaxX, z18.TileBounds(114_000, 208_001).MinX);
        Assert.Equal(a.MinY, z18.TileBounds(114_001, 208_000).MaxY);
    }

    [Fact]
    public void With_a_bottom_left_origin_rows_grow_northwards()
    {
        var m = new TileMatrix("0", 1000, 10, CornerOfOrigin.BottomLeft, 0, 0, 256, 256, 4, 4);
        AssertBox(new BBox(0, 0, 2560, 2560), m.TileBounds(0, 0), 0);
        AssertBox(new BBox(2560, 2560, 5120, 5120), m.TileBounds(1, 1), 0);
        Assert.Equal(new TileRange(1, 1, 0, 0), m.TileRangeCovering(new BBox(10, 2600, 20, 2700)));
    }

    [Fact]
    public void A_point_in_Ha_Noi_falls_in_the_tile_the_slippy_map_formula_gives()
    {
        double lon = 105.8542, lat = 21.0285;
        var crs = CrsRegistry.Default;
        double x = lon, y = lat;
        crs.GetTransform(crs.Crs84, crs.FromEpsg(3857)!).Transform(ref x, ref y);
        foreach (var zoom in new[] { 3, 10, 17 })
        {
            var n = 1L << zoom;
            var col = (long)Math.Floor((lon + 180) / 360 * n);
            var latRad = lat * Math.PI / 180;
            var row = (long)Math.Floor((1 - Math.Asinh(Math.Tan(latRad)) / Math.PI) / 2 * n);

            var range = WebMercator.TileMatrices[zoom].TileRangeCovering(new BBox(x, y, x, y));

            Assert.Equal(new TileRange(row, row, col, col), range);
        }
    }

    [Fact]
    public void The_bounds_of_a_tile_cover_exactly_that_tile_and_not_its_neighbours()
    {
        foreach (var (matrix, row, col) in new[] { (WebMercator.Find("12")!, 1800L, 3250L), (Crs84.Find("9")!, 140L, 850L) })
        {
            Assert.Equal(new TileRange(row, row, col, col), matrix.TileRangeCovering(matrix.TileBounds(row, col)));
        }
    }

    [Fact]
    public void A_box_spanning_several_tiles_gives_the_inclusive_block_of_rows_and_columns()
    {
        var z2 = Crs84.Find("2")!; // 8 × 4 tiles of 45°
        var range = z2.TileRangeCovering(new BBox(-100, -10, 10, 50))!.Value;
        Assert.Equal(new TileRange(0, 2, 1, 4), range);
        Assert.Equal(12, range.Count);
    }

    [Fact]
    public void A_box_partly_outside_the_matrix_is_clamped_and_one_wholly_outside_gives_no_tiles()
    {
        var z1 = Crs84.Find("1")!; // 4 × 2 tiles of 90°
        Assert.Equal(new TileRange(0, 1, 0, 0), z1.TileRangeCovering(new BBox(-400, -100, -100, 100)));
        Assert.Null(z1.TileRangeCovering(new BBox(190, 0, 200, 10)));
        Assert.Null(z1.TileRangeCovering(new BBox(double.NaN, 0, 200, 10)));
    }

    [Theory]
    [InlineData("5", 0, 0, TileCheck.Valid)]
    [InlineData("5", 31, 31, TileCheck.Valid)]
    [InlineData("5", 32, 0, TileCheck.TileRowOutOfRange)]
    [InlineData("5", -1, 0, TileCheck.TileRowOutOfRange)]
    [InlineData("5", 0, 32, TileCheck.TileColOutOfRange)]
    [InlineData("5", 0, -1, TileCheck.TileColOutOfRange)]
    [InlineData("25", 0, 0, TileCheck.UnknownTileMatrix)]
    [InlineData("05", 0, 0, TileCheck.UnknownTileMatrix)]
    public void Requests_outside_a_matrix_are_reported_so_WMTS_can_answer_TileOutOfRange(string matrix, long row, long col, TileCheck expected)
    {
        Assert.Equal(expected, WebMercator.Check(matrix, row, col));
    }

    [Fact]
    public void WorldCRS84Quad_columns_run_to_twice_the_rows()
    {
        Assert.Equal(TileCheck.Valid, Crs84.Check("3", 7, 15));
        Assert.Equal(TileCheck.TileRowOutOfRange, Crs84.Check("3", 8, 0));
    }

    [Theory]
    [InlineData(152.0, "10")]
    [InlineData(100.0, "11")]   // 76.4 is nearer than 152.9 on a log scale
    [InlineData(1e9, "0")]
    [InlineData(1e-9, "24")]
    public void The_best_matching_level_is_the_nearest_cell_size_on_a_log_scale(double cellSize, string expected)
    {
        Assert.Equal(expected, WebMercator.MatrixForCellSize(cellSize).Id);
    }

    [Fact]
    public void A_scale_of_1_to_25000_selects_the_8_metre_level_of_the_national_set()
    {
        var vn = TileMatrixSetRegistry.Default.Find("VN2000UTM48Quad")!;
        var matrix = vn.MatrixForScaleDenominator(25_000);
        Assert.Equal(8.0, matrix.CellSize);
        Assert.Equal("10", matrix.Id);
    }

    [Fact]
    public void A_cell_size_that_is_not_positive_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercator.MatrixForCellSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercator.MatrixForCellSize(double.NaN));
    }
}
