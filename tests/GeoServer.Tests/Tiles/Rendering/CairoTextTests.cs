using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

public sealed class CairoTextTests
{
    private static readonly FontSpec Font = new("DejaVu Sans", 24);

    /// <summary>Pixels that are not white inside a rectangle.</summary>
    private static int Ink(IMapCanvas canvas, int x0, int y0, int x1, int y1)
    {
        var ink = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(canvas.Height, y1); y++)
        for (var x = Math.Max(0, x0); x < Math.Min(canvas.Width, x1); x++)
            if (canvas.GetPixel(x, y) != Rgba.White) ink++;
        return ink;
    }

    private static Rgba[] RenderAlone(string text)
    {
        using var canvas = new CairoCanvas(48, 48);
        canvas.Clear(Rgba.White);
        canvas.DrawText(text, 8, 34, Font, Rgba.Black);
        var pixels = new Rgba[48 * 48];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = canvas.GetPixel(i % 48, i / 48);
        return pixels;
    }

    [Fact]
    public void A_Vietnamese_label_draws_ink_inside_its_measured_box()
    {
        using var canvas = new CairoCanvas(300, 60);
        canvas.Clear(Rgba.White);
        const string label = "Thừa Thiên Huế";

        var box = canvas.MeasureText(label, Font);
        canvas.DrawText(label, 10, 40, Font, Rgba.Black);

        Assert.InRange(box.Width, 120, 260);
        Assert.InRange(box.Height, 15, 40);
        Assert.True(box.YBearing < -15, "the ink rises above the baseline, diacritics included");
        int x0 = (int)Math.Floor(10 + box.XBearing), y0 = (int)Math.Floor(40 + box.YBearing);
        int x1 = (int)Math.Ceiling(10 + box.XBearing + box.Width), y1 = (int)Math.Ceiling(40 + box.YBearing + box.Height);
        var inside = Ink(canvas, x0, y0, x1, y1);
        Assert.True(inside > 300, $"ink inside the box: {inside}");
        Assert.Equal(inside, Ink(canvas, 0, 0, 300, 60));   // and none outside it
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("Đắk Lắk")]
    [InlineData("Thừa Thiên Huế")]
    [InlineData("Quảng Ngãi, Bạc Liêu, Cà Mau, Ưu, Ỹ")]
    public void Every_Vietnamese_letter_has_a_glyph_rather_than_the_missing_glyph_box(string text)
    {
        var tofu = RenderAlone("\u0378");   // unassigned: the font's .notdef box
        Assert.Contains(tofu, p => p != Rgba.White);

        foreach (var letter in text.Where(c => char.IsLetter(c)).Distinct())
        {
            var glyph = RenderAlone(letter.ToString());
            Assert.False(glyph.SequenceEqual(tofu), $"'{letter}' (U+{(int)letter:X4}) is drawn as the missing-glyph box");
            Assert.Contains(glyph, p => p != Rgba.White);
        }
    }

    [Fact]
    public void A_decomposed_label_is_drawn_like_its_composed_form()
    {
        var composed = RenderAlone("ế");
        var decomposed = RenderAlone("e\u0302\u0301");

        Assert.Equal(composed, decomposed);
    }

    [Fact]
    public void Diacritics_change_the_ink()
    {
        Assert.NotEqual(RenderAlone("Hue"), RenderAlone("Huế"));
    }

    [Fact]
    public void A_halo_surrounds_the_text_with_its_colour()
    {
        var grey = new Rgba(128, 128, 128);
        using var canvas = new CairoCanvas(200, 50);
        canvas.Clear(grey);

        canvas.DrawText("Đà Lạt", 10, 35, Font, Rgba.Black, Rgba.White, 2);

        int white = 0, black = 0;
        for (var y = 0; y < 50; y++)
        for (var x = 0; x < 200; x++)
        {
            var p = canvas.GetPixel(x, y);
            if (p == Rgba.White) white++;
            else if (p == Rgba.Black) black++;
        }
        Assert.True(white > 150, $"halo pixels: {white}");
        Assert.True(black > 50, $"text pixels: {black}");
    }

    [Fact]
    public void Bold_text_is_wider_than_regular()
    {
        using var canvas = new CairoCanvas(10, 10);

        var regular = canvas.MeasureText("Nha Trang", Font);
        var bold = canvas.MeasureText("Nha Trang", Font with { Bold = true });

        Assert.True(bold.XAdvance > regular.XAdvance);
    }

    [Theory]
    [InlineData("\uFFFF")]
    [InlineData("a\uFDD0b")]
    [InlineData("x\uD83F\uDFFF")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("")]
    public void Text_Cairo_would_reject_is_drawn_without_breaking_the_canvas(string text)
    {
        using var canvas = new CairoCanvas(100, 40);
        canvas.Clear(Rgba.White);

        canvas.MeasureText(text, Font);
        canvas.DrawText(text, 5, 30, Font, Rgba.Black, Rgba.White, 1);
        canvas.DrawText("ok", 5, 30, Font, Rgba.Black);

        Assert.True(Ink(canvas, 0, 0, 100, 40) > 0);
    }
}
