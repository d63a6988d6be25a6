using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

public sealed class JpegEncodingTests
{
    private static byte[] Jpeg(IMapCanvas canvas, int quality = 85)
    {
        var output = new MemoryStream();
        canvas.Encode(output, ImageFormat.Jpeg, quality);
        return output.ToArray();
    }

    /// <summary>Decodes with libjpeg-turbo into RGBA rows.</summary>
    private static (int Width, int Height, byte[] Rgba) Decode(byte[] jpeg)
    {
        using var handle = TurboJpegNative.tjInitDecompress();
        Assert.False(handle.IsInvalid);
        TurboJpegNative.Check(handle, TurboJpegNative.tjDecompressHeader3(handle, jpeg, (nuint)jpeg.Length,
            out var width, out var height, out _, out _), "tjDecompressHeader3");
        var pixels = new byte[width * height * 4];
        TurboJpegNative.Check(handle, TurboJpegNative.tjDecompress2(handle, jpeg, (nuint)jpeg.Length, pixels, width,
            width * 4, height, TurboJpegNative.PixelFormatRgba, 0), "tjDecompress2");
        return (width, height, pixels);
    }

    private static void AssertNear(Rgba expected, byte[] rgba, int width, int x, int y)
    {
        var o = (y * width + x) * 4;
        Assert.InRange(rgba[o], expected.R - 6, expected.R + 6);
        Assert.InRange(rgba[o + 1], expected.G - 6, expected.G + 6);
        Assert.InRange(rgba[o + 2], expected.B - 6, expected.B + 6);
    }

    private static CairoCanvas Tile(Rgba background)
    {
        var canvas = new CairoCanvas(64, 48);
        canvas.Clear(background);
        canvas.NewPath();
        canvas.MoveTo(0, 0);
        canvas.LineTo(32, 0);
        canvas.LineTo(32, 48);
        canvas.LineTo(0, 48);
        canvas.ClosePath();
        canvas.Fill(new Rgba(200, 40, 40));
        return canvas;
    }

    [Fact]
    public void A_JPEG_starts_with_SOI_ends_with_EOI_and_decodes_to_the_drawn_colours()
    {
        using var canvas = Tile(new Rgba(40, 60, 200));

        var jpeg = Jpeg(canvas);

        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        var (width, height, rgba) = Decode(jpeg);
        Assert.Equal((64, 48), (width, height));
        AssertNear(new Rgba(200, 40, 40), rgba, width, 8, 24);
        AssertNear(new Rgba(40, 60, 200), rgba, width, 56, 24);
    }

    [Fact]
    public void Transparent_pixels_are_flattened_on_white()
    {
        using var canvas = Tile(Rgba.Transparent);
        canvas.NewPath();
        canvas.MoveTo(40, 0);
        canvas.LineTo(64, 0);
        canvas.LineTo(64, 24);
        canvas.LineTo(40, 24);
        canvas.ClosePath();
        canvas.Fill(new Rgba(0, 0, 0, 128));   // half-transparent black over nothing: mid grey on white

        var (width, _, rgba) = Decode(Jpeg(canvas));

        AssertNear(Rgba.White, rgba, width, 50, 40);
        AssertNear(new Rgba(127, 127, 127), rgba, width, 52, 12);
        AssertNear(new Rgba(200, 40, 40), rgba, width, 8, 24);
    }

    [Fact]
    public void A_lower_quality_gives_a_smaller_file()
    {
        using var canvas = new CairoCanvas(128, 128);
        canvas.Clear(Rgba.White);
        canvas.DrawText("Phú Quốc", 5, 70, new FontSpec(Size: 30), Rgba.Black);

        Assert.True(Jpeg(canvas, 30).Length < Jpeg(canvas, 95).Length);
    }
}
