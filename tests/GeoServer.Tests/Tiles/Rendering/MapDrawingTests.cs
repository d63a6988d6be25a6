using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Rendering;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoServer.Tests.Tiles.Rendering;

/// <summary>The drawing steps below the renderer: pixel geometry, batched paths and hairlines on a real canvas.</summary>
public sealed class MapDrawingTests
{
    private static readonly Rgba Red = new(255, 0, 0);
    private static readonly MapFrame Frame = new(new BBox(0, 0, 100, 100), CrsRegistry.Default.FromEpsg(3857)!, 100, 100);

    private static CairoCanvas Draw(params string[] wkt)
    {
        var canvas = new CairoCanvas(100, 100);
        canvas.Clear(Rgba.White);
        var geometry = new PixelGeometry();
        var path = new PathBuffer();
        foreach (var text in wkt)
        {
            geometry.Load(new WKTReader().Read(text), null, Frame);
            geometry.AppendTo(path);
        }
        path.SendTo(canvas);
        canvas.Fill(Red);
        return canvas;
    }

    [Theory]
    [InlineData("POLYGON((10 10, 90 10, 90 90, 10 90, 10 10), (30 30, 70 30, 70 70, 30 70, 30 30))")] // hole same way round
    [InlineData("POLYGON((10 10, 90 10, 90 90, 10 90, 10 10), (30 30, 30 70, 70 70, 70 30, 30 30))")] // hole the other way
    [InlineData("POLYGON((10 10, 10 90, 90 90, 90 10, 10 10), (30 30, 70 30, 70 70, 30 70, 30 30))")] // shell the other way
    public void A_hole_stays_empty_whatever_the_stored_direction_of_its_rings(string wkt)
    {
        using var canvas = Draw(wkt);

        Assert.Equal(Red, canvas.GetPixel(20, 50));
        Assert.Equal(Rgba.White, canvas.GetPixel(50, 50));
    }

    [Fact]
    public void Features_batched_in_one_path_keep_their_holes_and_fill_their_overlaps()
    {
        using var canvas = Draw(
            "POLYGON((10 10, 60 10, 60 60, 10 60, 10 10), (20 20, 30 20, 30 30, 20 30, 20 20))",
            "POLYGON((40 40, 40 90, 90 90, 90 40, 40 40))");

        Assert.Equal(Rgba.White, canvas.GetPixel(25, 75)); // the hole (y is flipped: map y 25 is row 75)
        Assert.Equal(Red, canvas.GetPixel(50, 50));        // the overlap
        Assert.Equal(Red, canvas.GetPixel(80, 20));
    }

    [Fact]
    public void A_hairline_covers_the_pixels_along_its_path_and_nothing_far_from_it()
    {
        using var canvas = new CairoCanvas(100, 100);
        canvas.Clear(Rgba.White);
        var path = new PathBuffer();
        path.MoveTo(10, 50.5);
        path.LineTo(90, 50.5);
        path.MoveTo(20.5, 10);
        path.LineTo(80.5, 90);

        canvas.StrokeHairlines(path, new StrokeStyle(Rgba.Black, 1));

        Assert.Equal(Rgba.Black, canvas.GetPixel(50, 50));   // a horizontal line on a pixel row is solid
        Assert.Equal(Rgba.White, canvas.GetPixel(50, 48));
        Assert.True(canvas.GetPixel(50, 50).R < 10);
        var onDiagonal = canvas.GetPixel(50, 49);            // x = 20.5 + 0.75 (y - 10) crosses row 49 near column 50
        Assert.True(onDiagonal.R < 200, $"the slanted line is drawn ({onDiagonal})");
        Assert.Equal(Rgba.White, canvas.GetPixel(5, 95));
    }

    [Fact]
    public void A_hairline_far_outside_the_image_is_clipped_without_drawing()
    {
        using var canvas = new CairoCanvas(50, 50);
        canvas.Clear(Rgba.White);
        var path = new PathBuffer();
        path.MoveTo(-1e7, -1e7);
        path.LineTo(1e7, -1e7 + 1);

        canvas.StrokeHairlines(path, new StrokeStyle(Rgba.Black, 1));

        for (int x = 0; x < 50; x += 7) Assert.Equal(Rgba.White, canvas.GetPixel(x, 0));
    }

    [Fact]
    public void Vertices_closer_than_half_a_pixel_are_dropped_and_tiny_shapes_are_marked_sub_pixel()
    {
        var geometry = new PixelGeometry();

        geometry.Load(new WKTReader().Read("POLYGON((50 50, 50.2 50.1, 50.4 50.3, 50.1 50.4, 50 50))"), null, Frame);

        Assert.True(geometry.IsSubPixel);
    }
}
