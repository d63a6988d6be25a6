using GeoServer.Tests.Support;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

public sealed class PngEncodingTests
{
    private static byte[] Png(IMapCanvas canvas)
    {
        var output = new MemoryStream();
        canvas.Encode(output, ImageFormat.Png);
        return output.ToArray();
    }

    private static void AssertSamePixels(IMapCanvas canvas, PngReader png)
    {
        Assert.Equal(canvas.Width, png.Width);
        Assert.Equal(canvas.Height, png.Height);
        for (var y = 0; y < canvas.Height; y++)
        for (var x = 0; x < canvas.Width; x++)
            if (canvas.GetPixel(x, y) != png[x, y])
                Assert.Fail($"pixel ({x}, {y}): canvas {canvas.GetPixel(x, y)}, PNG {png[x, y]}");
    }

    /// <summary>Pixel-aligned bands of distinct colours: more than 256 of them, no antialiasing.</summary>
    private static void Bands(IMapCanvas canvas, int count, Func<int, Rgba> colour)
    {
        for (var i = 0; i < count; i++)
        {
            canvas.NewPath();
            var x = i % canvas.Width;
            var y = i / canvas.Width;
            canvas.MoveTo(x, y);
            canvas.LineTo(x + 1, y);
            canvas.LineTo(x + 1, y + 1);
            canvas.LineTo(x, y + 1);
            canvas.ClosePath();
            canvas.Fill(colour(i));
        }
    }

    private static void Polygon(IMapCanvas canvas, Rgba fill)
    {
        canvas.NewPath();
        canvas.MoveTo(10, 5);
        canvas.LineTo(60, 20);
        canvas.LineTo(30, 58);
        canvas.ClosePath();
        canvas.Fill(fill, preservePath: true);
        canvas.Stroke(new StrokeStyle(Rgba.Black, 1.5));
    }

    private static Rgba Noise(int i)
    {
        var h = (uint)i * 2654435761u;
        h ^= h >> 15;
        h *= 2246822519u;
        h ^= h >> 13;
        return new Rgba((byte)h, (byte)(h >> 8), (byte)(h >> 16), 255);
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Update(0, "123456789"u8));
        Assert.Equal(0xAE426082u, Crc32.Update(0, "IEND"u8));
    }

    [Fact]
    public void An_opaque_image_of_few_colours_is_written_paletted_without_tRNS_and_round_trips_exactly()
    {
        using var canvas = new CairoCanvas(64, 64);
        canvas.Clear(new Rgba(240, 238, 230));
        Polygon(canvas, new Rgba(120, 180, 90));

        var png = PngReader.Read(Png(canvas));

        Assert.Equal(3, png.ColourType);
        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], png.ChunkTypes);
        AssertSamePixels(canvas, png);
    }

    [Fact]
    public void A_translucent_image_of_few_colours_is_written_paletted_with_tRNS_and_round_trips_exactly()
    {
        using var canvas = new CairoCanvas(64, 64);
        Polygon(canvas, new Rgba(30, 90, 200, 100));

        var png = PngReader.Read(Png(canvas));

        Assert.Equal(3, png.ColourType);
        Assert.Equal(["IHDR", "PLTE", "tRNS", "IDAT", "IEND"], png.ChunkTypes);
        AssertSamePixels(canvas, png);
        Assert.Equal(Rgba.Transparent, png[63, 63]);
    }

    [Fact]
    public void An_opaque_image_of_many_colours_is_written_as_RGB_and_round_trips_exactly()
    {
        using var canvas = new CairoCanvas(40, 30);
        canvas.Clear(Rgba.White);
        Bands(canvas, 1000, i => new Rgba((byte)i, (byte)(i >> 2), (byte)(255 - i % 256)));

        var png = PngReader.Read(Png(canvas));

        Assert.Equal(2, png.ColourType);
        AssertSamePixels(canvas, png);
    }

    [Fact]
    public void A_translucent_image_of_many_colours_is_written_as_RGBA_and_round_trips_exactly()
    {
        using var canvas = new CairoCanvas(40, 30);
        Bands(canvas, 900, i => new Rgba((byte)(i * 7), (byte)(i >> 2), 200, (byte)(i % 255 + 1)));

        var png = PngReader.Read(Png(canvas));

        Assert.Equal(6, png.ColourType);
        AssertSamePixels(canvas, png);
        Assert.Equal(Rgba.Transparent, png[39, 29]);
    }

    [Fact]
    public void Exactly_256_colours_still_fit_a_palette_and_257_do_not()
    {
        using var fits = new CairoCanvas(32, 16);
        Bands(fits, 512, i => new Rgba((byte)(i % 256), 0, 0));
        using var over = new CairoCanvas(32, 16);
        Bands(over, 512, i => new Rgba((byte)(i % 256), (byte)(i == 300 ? 1 : 0), 0));

        var palette = PngReader.Read(Png(fits));
        var truecolour = PngReader.Read(Png(over));

        Assert.Equal(3, palette.ColourType);
        AssertSamePixels(fits, palette);
        Assert.Equal(2, truecolour.ColourType);
        AssertSamePixels(over, truecolour);
    }

    [Fact]
    public void A_large_image_spreads_its_data_over_several_IDAT_chunks()
    {
        using var canvas = new CairoCanvas(256, 256);
        Bands(canvas, 256 * 128, Noise);   // ≈128 KiB that deflate cannot shrink

        var png = PngReader.Read(Png(canvas));

        Assert.True(png.ChunkTypes.Count(t => t == "IDAT") > 1);
        AssertSamePixels(canvas, png);
    }
}
