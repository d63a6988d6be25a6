using GeoServer.Core.Spatial;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

/// <summary>
/// Map tiles are cut from meta-tile renders; cut and put back together they must be the map WMS draws of the same
/// area, so tiles line up with each other and with WMS, and labels (one placement for the whole block) are whole.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class MetaTileRenderingTests(GeoSdiServer server)
{
    /// <summary>As the golden images allow (antialiasing at edges).</summary>
    private const double Tolerance = 0.005;

    private static readonly TileMatrix Z7 = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!.Find("7")!;

    private async Task<PngReader> PngAsync(string url)
    {
        var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, url + ": " + System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return PngReader.Read(body);
    }

    private Task<PngReader> GetMapAsync(string layer, BBox box, int width, int height) => PngAsync(
        $"/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&transparent=true&layers={layer}&styles=&crs=EPSG:3857" +
        $"&bbox={box.MinX:R},{box.MinY:R},{box.MaxX:R},{box.MaxY:R}&width={width}&height={height}");

    [Theory]
    [InlineData("vn:populated_places")]   // points with labels
    [InlineData("vn:vn_provinces_2025")]  // polygons with labels
    [InlineData("vn:rivers")]             // lines
    public async Task The_tiles_of_a_meta_tile_put_together_are_the_WMS_map_of_the_block(string layer)
    {
        // The 4 × 4 block over the Red River delta at zoom 7 (rows 56–59, columns 100–103).
        var meta = MetaTile.Containing(Z7, 57, 101, 4);
        var stitched = new Rgba[meta.PixelWidth * meta.PixelHeight];
        foreach (var (row, col) in meta.Tiles())
        {
            var tile = await PngAsync($"/tiles/{layer}/7/{col}/{row}.png");
            Assert.Equal((256, 256), (tile.Width, tile.Height));
            var (x0, y0) = meta.PixelOffset(row, col);
            for (int y = 0; y < 256; y++)
                Array.Copy(tile.Pixels, y * 256, stitched, (y0 + y) * meta.PixelWidth + x0, 256);
        }
        var whole = new PngReader { Width = meta.PixelWidth, Height = meta.PixelHeight, ColourType = 6, ChunkTypes = [], Pixels = stitched };

        var wms = await GetMapAsync(layer, meta.Bounds, meta.PixelWidth, meta.PixelHeight);

        Assert.True(wms.CountDifferentFrom(new Rgba(0, 0, 0, 0)) > 1000, "the block shows something");
        double difference = whole.DifferenceFrom(wms);
        Assert.True(difference <= Tolerance, $"{difference:P2} of the pixels differ between the tiles and the WMS map of the block");
    }

    [Fact]
    public async Task A_tile_is_the_WMS_map_of_its_own_bounds()
    {
        var tile = await PngAsync("/tiles/vn:rivers/7/102/58.png");

        var wms = await GetMapAsync("vn:rivers", Z7.TileBounds(58, 102), 256, 256);

        Assert.True(tile.DifferenceFrom(wms) <= Tolerance, $"{tile.DifferenceFrom(wms):P2} of the pixels differ");
    }

    [Theory]
    [InlineData("/tiles/vn:vn_provinces_2025/0/0/0.png")]                                          // a 1 × 1 matrix
    [InlineData("/tiles/vn:vn_provinces_2025/1/1/1.png")]                                          // 2 × 2
    [InlineData("/wmts/1.0.0/vn:vn_provinces_2025/default/WorldCRS84Quad/1/0/3.png")]             // 4 × 2: the block is 2 rows
    [InlineData("/wmts/1.0.0/vn:vn_provinces_2025/default/WorldCRS84Quad/0/0/1.png")]             // 2 × 1
    public async Task Meta_tiles_at_the_edge_of_the_matrix_are_cut_short_and_still_give_whole_tiles(string url)
    {
        var tile = await PngAsync(url);

        Assert.Equal((256, 256), (tile.Width, tile.Height));
    }

    [Fact]
    public async Task Tiles_of_a_block_cut_short_at_the_edge_match_WMS_too()
    {
        // WorldCRS84Quad level 0: two tiles, west and east hemispheres; Viet Nam is in the east one.
        var set = TileMatrixSetRegistry.Default.Find("WorldCRS84Quad")!;
        var bounds = set.Find("0")!.TileBounds(0, 1);
        var tile = await PngAsync("/wmts/1.0.0/vn:vn_provinces_2025/default/WorldCRS84Quad/0/0/1.png");

        var wms = await PngAsync("/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&transparent=true" +
            $"&layers=vn:vn_provinces_2025&styles=&crs=CRS:84&bbox={bounds.MinX:R},{bounds.MinY:R},{bounds.MaxX:R},{bounds.MaxY:R}&width=256&height=256");

        Assert.True(tile.CountDifferentFrom(new Rgba(0, 0, 0, 0)) > 0, "the east hemisphere shows Viet Nam");
        Assert.True(tile.DifferenceFrom(wms) <= Tolerance, $"{tile.DifferenceFrom(wms):P2} of the pixels differ");
    }
}
