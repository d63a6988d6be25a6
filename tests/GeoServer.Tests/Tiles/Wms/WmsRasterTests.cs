using System.Globalization;
using GeoServer.Core.Crs;
using GeoServer.Tests.Data.Gdal;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Wms;

/// <summary>
/// The sample COGs as WMS, WMTS, XYZ and OGC API map layers: georeferencing proven against gdallocationinfo through
/// GetFeatureInfo and the rendered colours, in EPSG:4326 and EPSG:3857.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsRasterTests(GeoSdiServer server)
{
    private const string Dem = "vn:dem_srtm3_N21E105";
    private const string BlueMarble = "vn:bluemarble_vn";
    private static string BlueMarbleFile => GdalBindingTests.BlueMarble;

    /// <summary>A 101 × 101 map whose centre pixel (50, 50) is centred on (lon, lat), one pixel being <paramref name="degrees"/> wide.</summary>
    private static string MapAround(string crs, double lon, double lat, double degrees)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        double half = 50.5 * degrees;
        if (crs == "EPSG:4326")   // WMS 1.3.0: latitude first
            return $"crs=EPSG:4326&bbox={F(lat - half)},{F(lon - half)},{F(lat + half)},{F(lon + half)}&width=101&height=101";
        var registry = CrsRegistry.Default;
        var toMercator = registry.GetTransform(registry.Crs84, registry.FromEpsg(3857)!);
        double x = lon, y = lat;
        toMercator.Transform(ref x, ref y);
        double halfMetres = half * 111_319.49;
        return $"crs=EPSG:3857&bbox={F(x - halfMetres)},{F(y - halfMetres)},{F(x + halfMetres)},{F(y + halfMetres)}&width=101&height=101";
    }

    [Theory]
    [InlineData("EPSG:4326", 105.8542, 21.0285)]
    [InlineData("EPSG:3857", 105.8542, 21.0285)]
    [InlineData("EPSG:4326", 105.3, 21.6)]
    [InlineData("EPSG:3857", 105.3, 21.6)]
    [InlineData("EPSG:3857", 105.62, 21.11)]
    public async Task GetFeatureInfo_on_the_DEM_returns_the_elevation_gdallocationinfo_reports(string crs, double lon, double lat)
    {
        var expected = await GdalRasterSourceTests.LocationInfoAsync(GdalBindingTests.Dem, lon, lat);
        var info = await server.Client.GetJsonAsync($"/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&layers={Dem}&query_layers={Dem}&styles=&"
            + MapAround(crs, lon, lat, 0.0002) + "&i=50&j=50&info_format=application/json");

        var feature = Assert.Single(info.GetProperty("features").EnumerateArray());
        Assert.Equal(Dem, feature.GetProperty("layer").GetString());
        Assert.Equal(expected[0], feature.GetProperty("properties").GetProperty("band_1").GetDouble());
    }

    [Fact]
    public async Task GetFeatureInfo_returns_every_band_of_an_RGB_raster()
    {
        var expected = await GdalRasterSourceTests.LocationInfoAsync(BlueMarbleFile, 105.4, 21.0);
        var info = await server.Client.GetJsonAsync($"/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&layers={BlueMarble}&query_layers={BlueMarble}&styles=&"
            + MapAround("EPSG:4326", 105.4, 21.0, 0.01) + "&i=50&j=50&info_format=application/json");
        var properties = Assert.Single(info.GetProperty("features").EnumerateArray()).GetProperty("properties");
        Assert.Equal(expected, new[] { 1, 2, 3 }.Select(b => properties.GetProperty($"band_{b}").GetDouble()));
    }

    [Fact]
    public async Task GetFeatureInfo_outside_the_raster_finds_nothing()
    {
        var info = await server.Client.GetJsonAsync($"/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&layers={Dem}&query_layers={Dem}&styles=&"
            + MapAround("EPSG:4326", 104.5, 21.5, 0.001) + "&i=50&j=50&info_format=application/json");
        Assert.Empty(info.GetProperty("features").EnumerateArray());
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("EPSG:3857")]
    public async Task GetMap_draws_an_RGB_raster_with_the_colours_gdallocationinfo_reads_at_that_place(string crs)
    {
        // (105.4 E, 21.0 N) is the centre of a Blue Marble pixel (0.133°), so a small map around it shows that pixel's colour.
        var rgb = await GdalRasterSourceTests.LocationInfoAsync(BlueMarbleFile, 105.4, 21.0);
        var response = await server.Client.GetAsync($"/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&layers={BlueMarble}&styles=&"
            + MapAround(crs, 105.4, 21.0, 0.0001));
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(png));
        var centre = PngReader.Read(png)[50, 50];
        Assert.Equal(255, centre.A);
        Assert.InRange(centre.R, rgb[0] - 1, rgb[0] + 1);
        Assert.InRange(centre.G, rgb[1] - 1, rgb[1] + 1);
        Assert.InRange(centre.B, rgb[2] - 1, rgb[2] + 1);
    }

    [Fact]
    public async Task GetMap_leaves_the_map_transparent_beyond_the_raster()
    {
        var response = await server.Client.GetAsync($"/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&transparent=true&layers={Dem}&styles=&crs=CRS:84&bbox=104.5,21,105.5,22&width=100&height=100");
        var map = PngReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, map[10, 50].A);     // 104.6 E: west of the DEM
        Assert.Equal(255, map[90, 50].A);   // 105.4 E: on it
    }

    [Fact]
    public async Task The_capabilities_list_the_rasters_with_their_extent()
    {
        var xml = await server.Client.GetStringAsync("/wms?service=WMS&request=GetCapabilities&version=1.3.0");
        Assert.Contains($"<Name>{Dem}</Name>", xml);
        Assert.Contains($"<Name>{BlueMarble}</Name>", xml);
    }

    [Fact]
    public async Task The_legend_of_a_colour_ramp_has_a_row_per_stop()
    {
        var response = await server.Client.GetAsync($"/wms?service=WMS&request=GetLegendGraphic&format=image/png&layer={Dem}&width=20&height=20");
        Assert.True(response.IsSuccessStatusCode);
        var legend = PngReader.Read(await response.Content.ReadAsByteArrayAsync());
        // The rule's title, then six stops: 7 rows of 20 px with 4 px gaps.
        Assert.Equal(7 * 20 + 6 * 4, legend.Height);
        Assert.Equal(new GeoServer.Tiles.Rendering.Rgba(0x3f, 0x8f, 0x4a), legend[10, 24 + 10]);
    }

    [Theory]
    [InlineData("/tiles/vn:dem_srtm3_N21E105/10/812/449.png")]
    [InlineData("/wmts/1.0.0/vn:dem_srtm3_N21E105/default/WebMercatorQuad/10/449/812.png")]
    [InlineData("/ogc/collections/vn:dem_srtm3_N21E105/map/tiles/WebMercatorQuad/10/449/812")]
    [InlineData("/ogc/collections/vn:bluemarble_vn/map/tiles/WorldCRS84Quad/3/3/12")]
    public async Task Map_tiles_of_a_raster_are_drawn(string url)
    {
        var response = await server.Client.GetAsync(url);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, url + ": " + System.Text.Encoding.UTF8.GetString(png));
        var tile = PngReader.Read(png);
        Assert.True(tile.Pixels.Count(p => p.A == 255) > tile.Pixels.Length / 4, "a quarter of the tile at least is covered");
        Assert.True(tile.Pixels.Distinct().Count() > 20, "the tile shows the raster's variation");
    }
}
