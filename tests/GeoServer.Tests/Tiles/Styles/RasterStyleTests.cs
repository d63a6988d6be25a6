using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tests.Tiles.Styles;

/// <summary>The raster symbolizer: read from JSON, checked against the raster's bands, and turned into colours.</summary>
public sealed class RasterStyleTests
{
    private static RasterInfo Raster(params (string Type, string Colour, double Min, double Max)[] bands) => new()
    {
        Name = "r",
        Width = 4,
        Height = 4,
        Srid = 4326,
        Extent = new BBox(105, 21, 106, 22),
        PixelSizeX = 0.25,
        PixelSizeY = 0.25,
        Bands = bands.Select((b, i) => new RasterBandInfo { Index = i + 1, DataType = b.Type, ColorInterpretation = b.Colour, Min = b.Min, Max = b.Max }).ToList(),
    };

    private static FeatureSchema SchemaOf(RasterInfo raster) => new RasterFootprintSource(raster).Info.Schema;

    private static CompiledRaster Compile(string symbolizerJson, RasterInfo raster)
    {
        var style = StyleJson.Read($$"""{ "name": "s", "rules": [ { "symbolizers": [ {{symbolizerJson}} ] } ] }""");
        return (CompiledRaster)StyleCompiler.Compile(style, SchemaOf(raster)).Rules[0].Symbolizers[0];
    }

    private static uint[] Paint(CompiledRaster style, RasterInfo raster, float[][] bands, byte[]? alpha = null, int width = 2)
    {
        int n = bands[0].Length;
        var block = new RasterBlock(width, n / width, bands, alpha ?? Enumerable.Repeat((byte)255, n).ToArray());
        var pixels = new uint[n];
        RasterPainter.Colourise(block, raster, style, (30, 30), pixels);
        return pixels;
    }

    [Fact]
    public void Three_bands_are_stretched_linearly_from_min_to_max()
    {
        var raster = Raster(("UInt16", "Blue", 0, 1000), ("UInt16", "Green", 0, 1000), ("UInt16", "Red", 0, 1000));
        var style = Compile("""{ "type": "raster", "bands": [3, 2, 1], "min": [100], "max": [1100] }""", raster);
        var pixels = Paint(style, raster, [[100, 1100], [600, 600], [1100, 100]]);
        Assert.Equal(0xFFFF80_00u, pixels[0]);   // red from band 3 = 1100 (max), green 600 (middle), blue from band 1 = 100 (min)
        Assert.Equal(0xFF0080FFu, pixels[1]);
    }

    [Fact]
    public void Byte_bands_keep_their_values_without_a_stretch()
    {
        var raster = Raster(("Byte", "Red", 10, 200), ("Byte", "Green", 10, 200), ("Byte", "Blue", 10, 200));
        var style = StyleCompiler.Compile(DefaultStyles.ForRaster(raster), SchemaOf(raster)).Rules[0].Symbolizers[0];
        var pixels = Paint((CompiledRaster)style, raster, [[12, 0], [34, 0], [56, 0]]);
        Assert.Equal(0xFF0C2238u, pixels[0]);
    }

    [Fact]
    public void A_colour_ramp_interpolates_between_stops_and_clamps_beyond_them()
    {
        var raster = Raster(("Int16", "Gray", 0, 100));
        var style = Compile("""{ "type": "raster", "colorMap": [ { "value": 0, "color": "#000000" }, { "value": 100, "color": "#ffffff" } ] }""", raster);
        var pixels = Paint(style, raster, [[-50, 50, 100, 500]], width: 4);
        Assert.Equal([0xFF000000u, 0xFF808080u, 0xFFFFFFFFu, 0xFFFFFFFFu], pixels);
    }

    [Fact]
    public void Pixels_without_data_stay_transparent()
    {
        var raster = Raster(("Int16", "Gray", 0, 100));
        var style = Compile("""{ "type": "raster" }""", raster);
        var pixels = Paint(style, raster, [[50, 50]], [0, 255]);
        Assert.Equal(0u, pixels[0]);
        Assert.NotEqual(0u, pixels[1]);
    }

    [Fact]
    public void Relief_shading_lights_slopes_facing_the_north_west()
    {
        var raster = Raster(("Float32", "Gray", 0, 1000));
        var style = Compile("""{ "type": "raster", "hillshade": true }""", raster);
        // Ground rising eastwards faces west, towards light from the north-west: brighter than ground rising westwards.
        var east = Paint(style, raster, [[0, 50, 100, 0, 50, 100, 0, 50, 100]], width: 3)[4];
        var west = Paint(style, raster, [[100, 50, 0, 100, 50, 0, 100, 50, 0]], width: 3)[4];
        Assert.True((east & 0xFF) > (west & 0xFF), $"{east:x8} should be brighter than {west:x8}");
    }

    [Theory]
    [InlineData("""{ "type": "raster", "bands": [4] }""", "band 4 does not exist")]
    [InlineData("""{ "type": "raster", "bands": [1, 2] }""", "list one")]
    [InlineData("""{ "type": "raster", "min": [5], "max": [1] }""", "is not above min")]
    [InlineData("""{ "type": "raster", "colorMap": [ { "value": 5, "color": "#000000" }, { "value": 1, "color": "#ffffff" } ] }""", "must increase")]
    [InlineData("""{ "type": "raster", "colorMap": [ { "value": 5, "color": "red-ish" } ] }""", "is not a colour")]
    [InlineData("""{ "type": "raster", "opacity": 2 }""", "opacity")]
    public void A_bad_raster_symbolizer_fails_when_the_style_is_loaded(string symbolizer, string message)
    {
        var raster = Raster(("Byte", "Red", 0, 255), ("Byte", "Green", 0, 255), ("Byte", "Blue", 0, 255));
        var e = Assert.Throws<StyleException>(() => Compile(symbolizer, raster));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_raster_symbolizer_on_a_layer_of_features_is_refused()
    {
        var style = StyleJson.Read("""{ "name": "s", "rules": [ { "symbolizers": [ { "type": "raster" } ] } ] }""");
        var schema = new FeatureSchema("fid", [new PropertyInfo("name", PropertyType.String)], "POINT");
        Assert.Contains("not a raster", Assert.Throws<StyleException>(() => StyleCompiler.Compile(style, schema)).Message);
    }
}
