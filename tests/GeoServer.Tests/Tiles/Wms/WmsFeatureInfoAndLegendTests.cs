using GeoServer.Tiles.Rendering;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Wms;

[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsFeatureInfoAndLegendTests(GeoSdiServer server)
{
    // 200 × 200 pixels over 105.0–106.6 E, 20.3–21.9 N: pixel (100, 100) is 105.8 E, 21.1 N, inside Hà Nội.
    private const string HaNoiMap = "service=WMS&version=1.3.0&layers=vn:vn_provinces_2025&styles=&crs=CRS:84&bbox=105.0,20.3,106.6,21.9&width=200&height=200";

    [Fact]
    public async Task GetFeatureInfo_as_JSON_returns_the_clicked_province()
    {
        var info = await server.Client.GetJsonAsync($"/wms?{HaNoiMap}&request=GetFeatureInfo&query_layers=vn:vn_provinces_2025&i=100&j=100&info_format=application/json");

        var feature = Assert.Single(info.GetProperty("features").EnumerateArray());
        Assert.Equal("Hà Nội", feature.GetProperty("properties").GetProperty("ten_tinh").GetString());
        Assert.Equal("vn:vn_provinces_2025", feature.GetProperty("layer").GetString());
        Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("text/html", "<td>Hà Nội</td>")]
    [InlineData("text/xml", "value=\"Hà Nội\"")]
    [InlineData("text/plain", "ten_tinh = Hà Nội")]
    public async Task GetFeatureInfo_speaks_html_xml_and_text(string format, string expected)
    {
        var response = await server.Client.GetAsync($"/wms?{HaNoiMap}&request=GetFeatureInfo&query_layers=vn:vn_provinces_2025&i=100&j=100&info_format={format}");

        Assert.Equal(format, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WMS_111_GetFeatureInfo_uses_X_and_Y()
    {
        var info = await server.Client.GetJsonAsync("/wms?service=WMS&version=1.1.1&request=GetFeatureInfo&layers=vn:vn_provinces_2025&query_layers=vn:vn_provinces_2025&styles=&srs=EPSG:4326&bbox=105.0,20.3,106.6,21.9&width=200&height=200&x=100&y=100&info_format=application/json");

        Assert.Equal("Hà Nội", info.GetProperty("features")[0].GetProperty("properties").GetProperty("ten_tinh").GetString());
    }

    [Fact]
    public async Task A_click_near_a_point_finds_it_within_the_pixel_tolerance()
    {
        // Hà Nội's national_capital point, clicked 2 pixels off on a 1 km/pixel map.
        var info = await server.Client.GetJsonAsync("/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&layers=vn:populated_places&query_layers=vn:populated_places&styles=&crs=EPSG:3857&width=101&height=101&i=52&j=50&info_format=application/json&feature_count=5&bbox="
            + FormattableString.Invariant($"{11783443 - 50500},{2395362 - 50500},{11783443 + 50500},{2395362 + 50500}"));

        Assert.Contains(info.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("loai_osm").GetString() == "national_capital");
    }

    [Fact]
    public async Task The_legend_has_one_row_per_rule_of_the_style()
    {
        var response = await server.Client.GetAsync("/wms?service=WMS&request=GetLegendGraphic&format=image/png&layer=vn:populated_places&style=places&width=20&height=20");
        var legend = PngReader.Read(await response.Content.ReadAsByteArrayAsync());

        // Four rules (capital, city, town, other), 20 px rows with 4 px gaps.
        Assert.Equal(4 * 20 + 3 * 4, legend.Height);
        Assert.True(legend.Width > 60, "titles are written beside the swatches");
    }

    [Fact]
    public async Task The_legend_of_an_SLD_style_shows_its_rules()
    {
        var response = await server.Client.GetAsync("/wms?service=WMS&request=GetLegendGraphic&format=image/png&layer=ha-noi:land_parcels_synthetic");
        var legend = PngReader.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(3 * 20 + 2 * 4, legend.Height); // NNP, PNN, CSD; the label rule has no swatch
        Assert.Equal(new Rgba(0xb7, 0xe0, 0x7f), legend[10, 10]);
    }
}
