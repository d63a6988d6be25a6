using GeoServer.Core.Crs;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tests.Tiles.Matrices;

public sealed class TileMatrixSetDefinitionTests
{
    private static TileMatrixSetRegistry Sets => TileMatrixSetRegistry.Default;

    [Fact]
    public void The_server_offers_the_two_OGC_quad_trees_and_the_national_set_in_their_CRSs()
    {
        Assert.Equal(["VN2000UTM48Quad", "WebMercatorQuad", "WorldCRS84Quad"], Sets.All.Select(s => s.Id));
        Assert.Equal(3857, Sets.Find("WebMercatorQuad")!.Crs.Epsg);
        Assert.Same(CrsRegistry.Default.Crs84, Sets.Find("WorldCRS84Quad")!.Crs);
        Assert.Equal(3405, Sets.Find("VN2000UTM48Quad")!.Crs.Epsg);
        Assert.Null(Sets.Find("webmercatorquad"));
    }

    [Fact]
    public void The_OGC_sets_carry_their_registered_URIs_and_well_known_scale_sets()
    {
        var wm = Sets.Find("WebMercatorQuad")!;
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", wm.Uri);
        Assert.Equal("http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible", wm.WellKnownScaleSet);
        var crs84 = Sets.Find("WorldCRS84Quad")!;
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WorldCRS84Quad", crs84.Uri);
        Assert.Equal(["Lon", "Lat"], crs84.OrderedAxes);
    }

    // The values printed in OGC 17-083r4 Annex D for the GoogleMapsCompatible scale set.
    [Theory]
    [InlineData("WebMercatorQuad", "0", 559082264.028717)]
    [InlineData("WebMercatorQuad", "9", 1091957.54693108)]
    [InlineData("WebMercatorQuad", "13", 68247.346683193)]
    [InlineData("WebMercatorQuad", "23", 66.6477994953056)]
    [InlineData("WebMercatorQuad", "24", 33.3238997476528)]
    [InlineData("WorldCRS84Quad", "0", 279541132.014358)]
    [InlineData("WorldCRS84Quad", "17", 2132.72958384978)]
    [InlineData("WorldCRS84Quad", "23", 33.3238997476528)]
    public void Scale_denominators_are_the_standards_to_the_printed_precision(string set, string matrix, double expected)
    {
        Assert.Equal(expected, Sets.Find(set)!.Find(matrix)!.ScaleDenominator);
    }

    [Fact]
    public void Levels_run_0_to_24_for_WebMercatorQuad_and_0_to_23_for_WorldCRS84Quad()
    {
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString()), Sets.Find("WebMercatorQuad")!.TileMatrices.Select(m => m.Id));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i.ToString()), Sets.Find("WorldCRS84Quad")!.TileMatrices.Select(m => m.Id));
    }

    [Fact]
    public void Every_cell_size_is_its_scale_denominator_times_the_standard_pixel_over_metres_per_unit()
    {
        foreach (var set in Sets.All)
        {
            foreach (var m in set.TileMatrices)
            {
                var expected = m.ScaleDenominator * TileMatrixSet.StandardPixelSize / set.MetersPerUnit;
                Assert.True(Math.Abs(m.CellSize / expected - 1) < 1e-12, $"{set.Id} level {m.Id}: {m.CellSize} vs {expected}");
            }
        }
    }

    [Fact]
    public void Every_set_is_a_quad_tree_halving_the_cell_and_doubling_the_matrix_at_each_level()
    {
        foreach (var set in Sets.All)
        {
            for (var i = 1; i < set.TileMatrices.Count; i++)
            {
                TileMatrix parent = set.TileMatrices[i - 1], child = set.TileMatrices[i];
                Assert.Equal(parent.CellSize / 2, child.CellSize, parent.CellSize * 1e-12);
                Assert.Equal(parent.MatrixWidth * 2, child.MatrixWidth);
                Assert.Equal(parent.MatrixHeight * 2, child.MatrixHeight);
                Assert.Equal((parent.OriginX, parent.OriginY, parent.CornerOfOrigin), (child.OriginX, child.OriginY, child.CornerOfOrigin));
                Assert.Equal((256, 256), (child.TileWidth, child.TileHeight));
            }
        }
    }

    [Fact]
    public void Each_sets_bounding_box_is_what_its_matrices_cover()
    {
        foreach (var set in Sets.All)
        {
            var box = set.BoundingBox!.Value;
            foreach (var m in set.TileMatrices)
            {
                var covered = m.Bounds;
                var tolerance = (box.MaxX - box.MinX) * 1e-12;
                Assert.Equal(box.MinX, covered.MinX, tolerance);
                Assert.Equal(box.MinY, covered.MinY, tolerance);
                Assert.Equal(box.MaxX, covered.MaxX, tolerance);
                Assert.Equal(box.MaxY, covered.MaxY, tolerance);
            }
        }
    }

    // Longitude, latitude of the extremes of the mainland and of islands of both archipelagos.
    [Theory]
    [InlineData(105.316, 23.392)]  // Lũng Cú, the northernmost point
    [InlineData(102.144, 22.397)]  // A Pa Chải, the westernmost point
    [InlineData(104.720, 8.560)]   // Mũi Cà Mau, the southern tip of the mainland
    [InlineData(109.464, 12.650)]  // Mũi Đôi, the easternmost point of the mainland
    [InlineData(103.460, 9.300)]   // Thổ Chu islands
    [InlineData(111.200, 15.780)]  // Hoàng Sa: Tri Tôn island, its south-west
    [InlineData(112.730, 16.670)]  // Hoàng Sa: Linh Côn island, its east
    [InlineData(111.920, 8.640)]   // Trường Sa Lớn
    [InlineData(114.330, 11.430)]  // Trường Sa: Song Tử Tây, its north
    [InlineData(112.900, 7.900)]   // Trường Sa: An Bang
    [InlineData(117.300, 10.700)]  // Trường Sa: the eastern reefs
    [InlineData(113.200, 6.300)]   // Trường Sa: the southernmost reefs
    public void The_national_sets_level_0_tile_covers_the_whole_of_Viet_Nam(double lon, double lat)
    {
        var vn = Sets.Find("VN2000UTM48Quad")!;
        var crs = CrsRegistry.Default;
        double x = lon, y = lat;
        crs.GetTransform(crs.Crs84, vn.Crs).Transform(ref x, ref y);

        var z0 = vn.TileMatrices[0];

        Assert.Equal((1L, 1L), (z0.MatrixWidth, z0.MatrixHeight));
        Assert.True(z0.TileBounds(0, 0).Contains(new(x, y, x, y)), $"({lon}, {lat}) is E {x:F0} N {y:F0}");
    }

    [Fact]
    public void The_national_set_has_whole_power_of_two_metre_cells_with_1_metre_at_level_13()
    {
        var vn = Sets.Find("VN2000UTM48Quad")!;
        Assert.Equal(8192, vn.TileMatrices[0].CellSize);
        Assert.Equal(1, vn.Find("13")!.CellSize);
        Assert.Contains("Hoang Sa", vn.Description);
        Assert.Contains("Truong Sa", vn.Description);
    }
}
