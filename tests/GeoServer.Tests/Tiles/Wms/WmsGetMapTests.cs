using GeoServer.Tiles.Rendering;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Wms;

[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsGetMapTests(GeoSdiServer server)
{
    private const string Vietnam4326 = "8,102,24,110";   // lat/lon, WMS 1.3.0 axis order
    private const string VietnamCrs84 = "102,8,110,24";
    private const string Vietnam3857 = "11354588,893463,12245143,2753408";

    public static TheoryData<string> MapLayers => new(SampleData.MapLayerIds);

    private async Task<PngReader> MapAsync(string query)
    {
        var response = await server.Client.GetAsync("/wms?service=WMS&request=GetMap&" + query);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        return PngReader.Read(body);
    }

    /// <summary>The bounds of a sample layer in CRS84, from the layer's own collection document.</summary>
    private async Task<double[]> ExtentAsync(string layer)
    {
        var collection = await server.Client.GetJsonAsync($"/ogc/collections/{layer}");
        return collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    [Theory]
    [MemberData(nameof(MapLayers))]
    public async Task Every_layer_draws_something_in_Web_Mercator_and_in_EPSG_4326(string layer)
    {
        var e = await ExtentAsync(layer);
        var mercator = await MapAsync($"version=1.3.0&layers={layer}&styles=&crs=EPSG:3857&width=256&height=256&format=image/png&transparent=true&bbox="
                                      + Mercator(e));
        var geographic = await MapAsync($"version=1.3.0&layers={layer}&styles=&crs=EPSG:4326&width=256&height=256&format=image/png&transparent=true&bbox="
                                        + $"{e[1]},{e[0]},{e[3]},{e[2]}");

        Assert.True(mercator.CountDifferentFrom(Rgba.Transparent) > 20, "nothing drawn in EPSG:3857");
        Assert.True(geographic.CountDifferentFrom(Rgba.Transparent) > 20, "nothing drawn in EPSG:4326");
    }

    private static string Mercator(double[] e)
    {
        static (double X, double Y) Project(double lon, double lat) =>
            (lon * 20037508.342789244 / 180, Math.Log(Math.Tan((90 + lat) * Math.PI / 360)) * 6378137);
        var (x0, y0) = Project(e[0], e[1]);
        var (x1, y1) = Project(e[2], e[3]);
        return FormattableString.Invariant($"{x0},{y0},{x1},{y1}");
    }

    [Fact]
    public async Task EPSG_4326_with_latitude_first_and_CRS_84_give_the_same_picture()
    {
        var latLon = await MapAsync($"version=1.3.0&layers=vn:vn_provinces_2025&styles=&crs=EPSG:4326&bbox={Vietnam4326}&width=300&height=400&format=image/png");
        var lonLat = await MapAsync($"version=1.3.0&layers=vn:vn_provinces_2025&styles=&crs=CRS:84&bbox={VietnamCrs84}&width=300&height=400&format=image/png");
        var v111 = await MapAsync($"version=1.1.1&layers=vn:vn_provinces_2025&styles=&srs=EPSG:4326&bbox={VietnamCrs84}&width=300&height=400&format=image/png");

        Assert.Equal(0, latLon.DifferenceFrom(lonLat, tolerance: 0));
        Assert.Equal(0, latLon.DifferenceFrom(v111, tolerance: 0));
    }

    [Fact]
    public async Task The_background_is_BGCOLOR_unless_transparent()
    {
        // A box in the East Sea, far from every province: only background.
        var opaque = await MapAsync("version=1.3.0&layers=vn:vn_provinces_2025&styles=&crs=CRS:84&bbox=112,10,113,11&width=64&height=64&format=image/png&bgcolor=0x336699");
        var clear = await MapAsync("version=1.3.0&layers=vn:vn_provinces_2025&styles=&crs=CRS:84&bbox=112,10,113,11&width=64&height=64&format=image/png&transparent=TRUE");

        Assert.Equal(new Rgba(0x33, 0x66, 0x99), opaque[10, 10]);
        Assert.Equal(0, clear[10, 10].A);
    }

    [Fact]
    public async Task Several_layers_with_their_named_styles_draw_in_order()
    {
        var map = await MapAsync($"version=1.3.0&layers=vn:vn_provinces_2025,vn:rivers,vn:populated_places&styles=provinces,rivers,places&crs=EPSG:3857&bbox={Vietnam3857}&width=512&height=1024&format=image/png");

        Assert.True(map.CountDifferentFrom(Rgba.White) > 10_000);
    }

    [Fact]
    public async Task A_JPEG_map_is_a_JPEG()
    {
        var response = await server.Client.GetAsync($"/wms?service=WMS&version=1.3.0&request=GetMap&layers=vn:vn_provinces_2025&styles=&crs=CRS:84&bbox={VietnamCrs84}&width=200&height=300&format=image/jpeg");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8], body[..2]);
        Assert.Equal([0xFF, 0xD9], body[^2..]);
    }

    [Fact]
    public async Task A_workspace_endpoint_draws_its_layers_by_their_short_names()
    {
        var response = await server.Client.GetAsync("/ws/ha-noi/wms?service=WMS&version=1.3.0&request=GetMap&layers=land_parcels_synthetic&styles=&crs=CRS:84&bbox=105.7,20.9,106.0,21.2&width=64&height=64&format=image/png");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_layer_draws_differently_with_its_second_named_style_imported_from_SE_11()
    {
        const string map = "version=1.3.0&layers=vn:vn_provinces_2025&crs=CRS:84&bbox=104,19,107,22&width=150&height=150&format=image/png";
        var byDefault = await MapAsync(map + "&styles=");
        var byArea = await MapAsync(map + "&styles=provinces-by-area");

        Assert.True(byDefault.DifferenceFrom(byArea) > 0.3, "the choropleth colours the provinces by area");
        // Thanh Hóa (11,115 km²) is in the middle class.
        Assert.Equal(new Rgba(0xfd, 0xbb, 0x84), byArea[PixelX(105.3), PixelY(20.0)]);
    }

    private static int PixelX(double lon) => (int)((lon - 104) / 3 * 150);
    private static int PixelY(double lat) => (int)((22 - lat) / 3 * 150);
}
