using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

public sealed class CairoCanvasTests
{
    private static readonly Rgba Paper = new(250, 250, 250);
    private static readonly Rgba Red = new(220, 20, 30);

    private static CairoCanvas Blank(int width = 100, int height = 100)
    {
        var canvas = new CairoCanvas(width, height);
        canvas.Clear(Paper);
        return canvas;
    }

    private static void Ring(IMapCanvas canvas, double x0, double y0, double x1, double y1)
    {
        canvas.MoveTo(x0, y0);
        canvas.LineTo(x1, y0);
        canvas.LineTo(x1, y1);
        canvas.LineTo(x0, y1);
        canvas.ClosePath();
    }

    [Fact]
    public void A_new_canvas_is_transparent_and_has_the_requested_size()
    {
        using var canvas = new CairoCanvas(64, 32);

        Assert.Equal(64, canvas.Width);
        Assert.Equal(32, canvas.Height);
        Assert.Equal(Rgba.Transparent, canvas.GetPixel(10, 10));
    }

    private static void ReversedRing(IMapCanvas canvas, double x0, double y0, double x1, double y1)
    {
        canvas.MoveTo(x0, y0);
        canvas.LineTo(x0, y1);
        canvas.LineTo(x1, y1);
        canvas.LineTo(x1, y0);
        canvas.ClosePath();
    }

    [Fact]
    public void A_filled_polygon_colours_its_inside_and_leaves_a_hole_traced_the_other_way_empty()
    {
        using var canvas = Blank();
        canvas.NewPath();
        Ring(canvas, 10, 10, 90, 90);
        ReversedRing(canvas, 30, 30, 70, 70);
        canvas.Fill(Red);

        Assert.Equal(Red, canvas.GetPixel(20, 20));
        Assert.Equal(Red, canvas.GetPixel(80, 50));
        Assert.Equal(Paper, canvas.GetPixel(50, 50));
        Assert.Equal(Paper, canvas.GetPixel(5, 5));
        Assert.Equal(Paper, canvas.GetPixel(95, 95));
    }

    [Fact]
    public void Overlapping_shapes_in_one_path_are_filled_as_their_union()
    {
        using var canvas = Blank();
        canvas.NewPath();
        Ring(canvas, 10, 10, 60, 60);
        Ring(canvas, 40, 40, 90, 90);   // non-zero winding: the overlap stays filled (even-odd would empty it)
        canvas.Fill(Red);

        Assert.Equal(Red, canvas.GetPixel(50, 50));
        Assert.Equal(Red, canvas.GetPixel(20, 20));
        Assert.Equal(Red, canvas.GetPixel(80, 80));
    }

    [Fact]
    public void Fill_keeps_the_path_for_a_following_stroke_when_asked()
    {
        using var canvas = Blank();
        canvas.NewPath();
        Ring(canvas, 20, 20, 80, 80);
        canvas.Fill(Red, preservePath: true);
        canvas.Stroke(new StrokeStyle(Rgba.Black, 4, Join: LineJoin.Miter));

        Assert.Equal(Rgba.Black, canvas.GetPixel(50, 20));
        Assert.Equal(Red, canvas.GetPixel(50, 50));
    }

    [Fact]
    public void A_stroke_of_width_3_covers_three_pixel_rows_and_no_more()
    {
        using var canvas = Blank();
        canvas.NewPath();
        canvas.MoveTo(10, 50.5);   // the centre of row 50: the pen spans y 49 to 52 exactly
        canvas.LineTo(90, 50.5);
        canvas.Stroke(new StrokeStyle(Rgba.Black, 3, Cap: LineCap.Butt));

        for (var x = 10; x < 90; x += 7)
        {
            Assert.Equal(Paper, canvas.GetPixel(x, 48));
            Assert.Equal(Rgba.Black, canvas.GetPixel(x, 49));
            Assert.Equal(Rgba.Black, canvas.GetPixel(x, 50));
            Assert.Equal(Rgba.Black, canvas.GetPixel(x, 51));
            Assert.Equal(Paper, canvas.GetPixel(x, 52));
        }
        Assert.Equal(Paper, canvas.GetPixel(9, 50));   // butt caps end at the line's ends
        Assert.Equal(Paper, canvas.GetPixel(90, 50));
    }

    [Fact]
    public void A_dashed_stroke_leaves_gaps_between_its_dashes()
    {
        using var canvas = Blank();
        canvas.NewPath();
        canvas.MoveTo(0, 50.5);
        canvas.LineTo(100, 50.5);
        canvas.Stroke(new StrokeStyle(Rgba.Black, 1, Dash: [10, 10], Cap: LineCap.Butt));

        foreach (var x in new[] { 5, 25, 45, 65, 85 }) Assert.Equal(Rgba.Black, canvas.GetPixel(x, 50));
        foreach (var x in new[] { 15, 35, 55, 75, 95 }) Assert.Equal(Paper, canvas.GetPixel(x, 50));
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { 5.0, -1.0 })]
    [InlineData(new[] { double.NaN })]
    public void A_dash_Cairo_would_reject_draws_a_solid_line_instead_of_failing_the_render(double[] dash)
    {
        using var canvas = Blank();
        canvas.NewPath();
        canvas.MoveTo(0, 50.5);
        canvas.LineTo(100, 50.5);
        canvas.Stroke(new StrokeStyle(Rgba.Black, 1, Dash: dash, Cap: LineCap.Butt));

        Assert.Equal(Rgba.Black, canvas.GetPixel(15, 50));
        canvas.Fill(Red);   // the context is still usable
    }

    [Theory]
    [InlineData(MarkerShape.Circle)]
    [InlineData(MarkerShape.Square)]
    [InlineData(MarkerShape.Triangle)]
    [InlineData(MarkerShape.Star)]
    [InlineData(MarkerShape.Cross)]
    [InlineData(MarkerShape.X)]
    public void Each_marker_shape_draws_around_its_centre_within_its_size(MarkerShape shape)
    {
        using var canvas = Blank();
        canvas.DrawMarker(shape, 50, 50, 20, Red, new StrokeStyle(Rgba.Black, 1));

        int minX = int.MaxValue, maxX = int.MinValue, minY = int.MaxValue, maxY = int.MinValue, ink = 0;
        for (var y = 0; y < 100; y++)
        for (var x = 0; x < 100; x++)
        {
            if (canvas.GetPixel(x, y) == Paper) continue;
            ink++;
            (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
        }

        Assert.Equal(Red, canvas.GetPixel(50, 50));
        Assert.InRange((minX + maxX) / 2.0, 48.5, 50.5);   // the point (50, 50) is the corner between 4 pixels
        Assert.InRange(minX, 38, 50);
        Assert.InRange(maxX, 50, 61);
        Assert.InRange(minY, 38, 50);
        Assert.InRange(maxY, 50, 61);
        Assert.InRange(ink, 60, 22 * 22);
    }

    [Fact]
    public void A_marker_without_fill_draws_only_its_outline()
    {
        using var canvas = Blank();
        canvas.DrawMarker(MarkerShape.Square, 50, 50, 20, null, new StrokeStyle(Rgba.Black, 2));

        Assert.Equal(Paper, canvas.GetPixel(50, 50));
        Assert.Equal(Rgba.Black, canvas.GetPixel(50, 40));
    }

    [Fact]
    public void GetPixel_returns_straight_alpha()
    {
        using var canvas = new CairoCanvas(10, 10);
        canvas.Clear(new Rgba(255, 0, 0, 128));

        var pixel = canvas.GetPixel(5, 5);

        Assert.Equal(255, pixel.R);
        Assert.Equal(0, pixel.G);
        Assert.InRange(pixel.A, 127, 129);
    }

    [Fact]
    public void Clear_with_transparent_erases_what_was_drawn()
    {
        using var canvas = Blank();
        canvas.NewPath();
        Ring(canvas, 0, 0, 100, 100);
        canvas.Fill(Red);

        canvas.Clear(Rgba.Transparent);

        Assert.Equal(Rgba.Transparent, canvas.GetPixel(50, 50));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, 10)]
    [InlineData(100_000, 100_000)]
    [InlineData(256, 40_000)]
    public void An_impossible_size_gives_a_clear_exception(int width, int height)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CairoCanvas(width, height));
        Assert.Contains("pixels", e.Message);
    }

    [Fact]
    public void A_Cairo_error_becomes_an_exception_with_Cairos_message()
    {
        using var surface = CairoNative.cairo_image_surface_create(CairoNative.FormatArgb32, 100_000, 100_000);

        var e = Assert.Throws<CairoException>(() => CairoNative.Check(surface));
        Assert.Contains("invalid value", e.Message);
        Assert.NotEqual(0, e.Status);
    }

    [Fact]
    public void A_disposed_canvas_refuses_to_draw()
    {
        var canvas = Blank();
        canvas.Dispose();

        Assert.Throws<ObjectDisposedException>(() => canvas.Clear(Red));
    }

    [Fact]
    public void GetPixel_outside_the_image_is_refused()
    {
        using var canvas = Blank(10, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => canvas.GetPixel(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => canvas.GetPixel(0, -1));
    }
}
