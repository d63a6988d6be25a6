using System.Xml.Linq;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Wmts;

[Collection(GeoSdiServerCollection.Name)]
public sealed class WmtsTests(GeoSdiServer server)
{
    private static readonly XNamespace Wmts = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    // WebMercatorQuad zoom 5, the tile over northern Viet Nam (x 25, y 14).
    private const string Kvp = "/wmts?service=WMTS&version=1.0.0&request=GetTile&layer=vn:vn_provinces_2025&style=&format=image/png&tilematrixset=WebMercatorQuad&tilematrix=5&tilerow=14&tilecol=25";

    private async Task<byte[]> BytesAsync(string url)
    {
        var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, url + ": " + System.Text.Encoding.UTF8.GetString(body));
        return body;
    }

    [Fact]
    public async Task The_capabilities_offer_every_map_layer_and_workspace_on_every_tile_matrix_set()
    {
        var doc = XDocument.Parse(await server.Client.GetStringAsync("/wmts?service=WMTS&request=GetCapabilities"));

        var contents = doc.Root!.Element(Wmts + "Contents")!;
        var layers = contents.Elements(Wmts + "Layer").ToDictionary(l => l.Element(Ows + "Identifier")!.Value);
        Assert.Equal(SampleData.MapLayerIds.Append("vn").Append("ha-noi").Order(), layers.Keys.Order());
        var sets = contents.Elements(Wmts + "TileMatrixSet").Select(s => s.Element(Ows + "Identifier")!.Value).ToList();
        Assert.Contains("WebMercatorQuad", sets);
        Assert.Contains("WorldCRS84Quad", sets);
        Assert.All(layers.Values, l => Assert.Equal(sets.Count, l.Elements(Wmts + "TileMatrixSetLink").Count()));
        var template = layers["vn:rivers"].Elements(Wmts + "ResourceURL").First(r => r.Attribute("resourceType")!.Value == "tile");
        Assert.EndsWith("/wmts/1.0.0/vn:rivers/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png", template.Attribute("template")!.Value);
        var mercator = contents.Elements(Wmts + "TileMatrixSet").Single(s => s.Element(Ows + "Identifier")!.Value == "WebMercatorQuad");
        Assert.Equal("urn:ogc:def:crs:EPSG::3857", mercator.Element(Ows + "SupportedCRS")!.Value);
        Assert.StartsWith("-20037508.34", mercator.Element(Wmts + "TileMatrix")!.Element(Wmts + "TopLeftCorner")!.Value);
    }

    [Fact]
    public async Task A_tile_by_KVP_by_REST_and_by_XYZ_is_the_same_image()
    {
        var kvp = await BytesAsync(Kvp);
        var rest = await BytesAsync("/wmts/1.0.0/vn:vn_provinces_2025/default/WebMercatorQuad/5/14/25.png");
        var xyz = await BytesAsync("/tiles/vn:vn_provinces_2025/5/25/14.png");

        var image = PngReader.Read(kvp);
        Assert.Equal((256, 256), (image.Width, image.Height));
        Assert.True(image.CountDifferentFrom(Rgba.Transparent) > 5000, "the provinces fill much of the tile");
        Assert.Equal(kvp, rest);
        Assert.Equal(kvp, xyz);
    }

    [Fact]
    public async Task A_tile_lines_up_with_the_WMS_map_of_the_same_box()
    {
        // Tile z7 x101 y56 (the Red River delta); rivers have no labels, which a tile places differently near its edges.
        const double size = 2 * 20037508.342789244 / 128;
        double minX = -20037508.342789244 + 101 * size, maxY = 20037508.342789244 - 56 * size;
        var tile = PngReader.Read(await BytesAsync("/tiles/vn:rivers/7/101/56.png"));
        var map = PngReader.Read(await BytesAsync(FormattableString.Invariant(
            $"/wms?service=WMS&version=1.3.0&request=GetMap&layers=vn:rivers&styles=&crs=EPSG:3857&bbox={minX},{maxY - size},{minX + size},{maxY}&width=256&height=256&format=image/png&transparent=true")));

        Assert.True(tile.CountDifferentFrom(Rgba.Transparent) > 300, "rivers are drawn");
        Assert.True(tile.DifferenceFrom(map) < 0.01, $"{tile.DifferenceFrom(map):P2} of the pixels differ from the WMS map");
    }

    [Theory]
    [InlineData("tilerow=14", "tilerow=32", "TileOutOfRange", "tilerow")]
    [InlineData("tilecol=25", "tilecol=-1", "TileOutOfRange", "tilecol")]
    [InlineData("layer=vn:vn_provinces_2025", "layer=vn:nothing", "InvalidParameterValue", "layer")]
    [InlineData("style=", "style=fancy", "InvalidParameterValue", "style")]
    [InlineData("format=image/png", "format=image/gif", "InvalidParameterValue", "format")]
    [InlineData("tilematrixset=WebMercatorQuad", "tilematrixset=Mars", "InvalidParameterValue", "tilematrixset")]
    [InlineData("tilematrix=5", "tilematrix=99", "InvalidParameterValue", "tilematrix")]
    [InlineData("&tilecol=25", "", "MissingParameterValue", "tilecol")]
    [InlineData("request=GetTile", "request=Explode", "OperationNotSupported", "request")]
    public async Task A_bad_GetTile_gets_an_OWS_exception_report_naming_the_parameter(string good, string bad, string code, string locator)
    {
        var response = await server.Client.GetAsync(Kvp.Replace(good, bad));
        var report = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("ExceptionReport", report.Name.LocalName);
        var exception = report.Element(Ows + "Exception")!;
        Assert.Equal(code, exception.Attribute("exceptionCode")!.Value);
        Assert.Equal(locator, exception.Attribute("locator")!.Value);
    }

    [Theory]
    [InlineData("/tiles/vn:nothing/5/25/14.png")]
    [InlineData("/tiles/vn:vn_provinces_2025/5/25/99.png")]
    [InlineData("/tiles/vn:vn_provinces_2025/5/25/14.gif")]
    [InlineData("/tiles/vn:observations/5/25/14.png")]
    [InlineData("/wmts/1.0.0/vn:nothing/default/WebMercatorQuad/5/14/25.png")]
    public async Task An_unknown_tileset_or_a_tile_outside_the_grid_is_not_found(string url)
    {
        Assert.Equal(404, (int)(await server.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task GetFeatureInfo_on_a_tile_returns_the_province_under_the_pixel()
    {
        // Zoom 8 tile x 203, y 112 holds Hà Nội; pixel (60, 184) is near 105.8 E, 21.0 N.
        var info = await server.Client.GetJsonAsync("/wmts?service=WMTS&version=1.0.0&request=GetFeatureInfo&layer=vn:vn_provinces_2025&style=&format=image/png&tilematrixset=WebMercatorQuad&tilematrix=8&tilerow=112&tilecol=203&i=60&j=184&infoformat=application/json");
        var rest = await server.Client.GetJsonAsync("/wmts/1.0.0/vn:vn_provinces_2025/default/WebMercatorQuad/8/112/203/184/60.json");

        var name = info.GetProperty("features")[0].GetProperty("properties").GetProperty("ten_tinh").GetString();
        Assert.Equal("Hà Nội", name);
        Assert.Equal(name, rest.GetProperty("features")[0].GetProperty("properties").GetProperty("ten_tinh").GetString());
    }

    [Fact]
    public async Task TileJSON_describes_the_XYZ_tiles_of_a_tileset()
    {
        var json = await server.Client.GetJsonAsync("/tiles/vn.json");

        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.EndsWith("/tiles/vn/{z}/{x}/{y}.png", json.GetProperty("tiles")[0].GetString());
        Assert.Equal(4, json.GetProperty("bounds").GetArrayLength());
        Assert.Contains("OpenStreetMap", json.GetProperty("attribution").GetString());
    }
}
