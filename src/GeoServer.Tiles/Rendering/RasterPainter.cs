using GeoServer.Core.Crs;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Draws a raster layer: the source reads (and reprojects) its pixels onto the frame's grid, this class turns band
/// values into colours as the <see cref="CompiledRaster"/> says — RGB with a linear stretch, a colour ramp, grey,
/// relief shading — and the canvas composites the image at the style's opacity. Pixels the raster does not cover,
/// or that are nodata, stay transparent.
/// </summary>
public static class RasterPainter
{
    public static async Task DrawAsync(IMapCanvas canvas, MapFrame frame, IRasterSource raster, CompiledRaster style,
        CrsRegistry crs, CancellationToken ct)
    {
        int srid = frame.Crs.Epsg ?? (ReferenceEquals(frame.Crs, crs.Crs84) ? 4326 : 0);
        if (srid == 0) return;   // a CRS without an EPSG code has nothing GDAL could warp to
        var request = new RasterRequest(frame.Extent, srid, frame.Width, frame.Height) { Resampling = style.Resampling };
        var block = await raster.ReadAsync(request, ct);
        var pixels = new uint[block.Width * block.Height];
        Colourise(block, raster.Info, style, style.Hillshade ? GroundPixelSize(frame, crs) : (1, 1), pixels);
        canvas.DrawImage(pixels, block.Width, block.Height, 0, 0, style.Opacity);
    }

    /// <summary>
    /// Fills premultiplied ARGB32 <paramref name="pixels"/> from the block's band values; <paramref name="groundPixel"/>
    /// is a pixel's size in metres (x, y), which relief shading needs.
    /// </summary>
    public static void Colourise(RasterBlock block, RasterInfo info, CompiledRaster style, (double X, double Y) groundPixel, uint[] pixels)
    {
        var bands = BandsOf(style, info);
        var alpha = block.Alpha;
        if (bands.Count == 3)
        {
            var (r, g, b) = (block.Bands[bands[0] - 1], block.Bands[bands[1] - 1], block.Bands[bands[2] - 1]);
            var (r0, rs) = Stretch(style, info, bands, 0);
            var (g0, gs) = Stretch(style, info, bands, 1);
            var (b0, bs) = Stretch(style, info, bands, 2);
            for (int i = 0; i < pixels.Length; i++)
            {
                if (alpha[i] == 0) continue;
                pixels[i] = Premultiply(Channel(r[i], r0, rs), Channel(g[i], g0, gs), Channel(b[i], b0, bs), alpha[i]);
            }
            return;
        }

        var values = block.Bands[bands[0] - 1];
        float[]? shade = style.Hillshade ? Relief(values, alpha, block.Width, block.Height, groundPixel, style) : null;
        var ramp = style.Ramp;
        var (v0, vs) = Stretch(style, info, bands, 0);
        for (int i = 0; i < pixels.Length; i++)
        {
            if (alpha[i] == 0) continue;
            double light = shade?[i] ?? 1;
            if (ramp is not null)
            {
                var c = RampColour(ramp, values[i]);
                if (c.A == 0) continue;
                pixels[i] = Premultiply((byte)(c.R * light), (byte)(c.G * light), (byte)(c.B * light), (byte)(alpha[i] * c.A / 255));
            }
            else
            {
                byte grey = shade is null ? Channel(values[i], v0, vs) : (byte)(255 * light);
                pixels[i] = Premultiply(grey, grey, grey, alpha[i]);
            }
        }
    }

    /// <summary>The bands the style draws: its own, or the raster's Red/Green/Blue, or its first.</summary>
    private static IReadOnlyList<int> BandsOf(CompiledRaster style, RasterInfo info)
    {
        if (style.Bands is { } listed) return listed;
        int Find(string colour) => info.Bands.FirstOrDefault(b => b.ColorInterpretation == colour)?.Index ?? 0;
        int red = Find("Red"), green = Find("Green"), blue = Find("Blue");
        return red > 0 && green > 0 && blue > 0 && style.Ramp is null && !style.Hillshade ? [red, green, blue] : [1];
    }

    /// <summary>Offset and scale mapping the style's (or the band's) min–max onto 0–255; byte bands default to 0–255.</summary>
    private static (double Offset, double Scale) Stretch(CompiledRaster style, RasterInfo info, IReadOnlyList<int> bands, int i)
    {
        var band = info.Bands[bands[i] - 1];
        bool isByte = band.DataType == "Byte";
        double lo = (i < style.Min.Count ? style.Min[i] : null) ?? (isByte ? 0 : band.Min);
        double hi = (i < style.Max.Count ? style.Max[i] : null) ?? (isByte ? 255 : band.Max);
        return (lo, hi > lo ? 255 / (hi - lo) : 0);
    }

    private static byte Channel(float value, double offset, double scale) =>
        (byte)Math.Clamp((value - offset) * scale + 0.5, 0, 255);

    /// <summary>The ramp's colour at a value: linear between stops, the end colours beyond them.</summary>
    public static Rgba RampColour(IReadOnlyList<RampStop> ramp, double value)
    {
        if (value <= ramp[0].Value || ramp.Count == 1) return ramp[0].Colour;
        if (value >= ramp[^1].Value) return ramp[^1].Colour;
        int hi = 1;
        while (ramp[hi].Value < value) hi++;
        var (a, b) = (ramp[hi - 1], ramp[hi]);
        double t = (value - a.Value) / (b.Value - a.Value);
        static byte Mix(byte x, byte y, double t) => (byte)Math.Round(x + (y - x) * t);
        return new Rgba(Mix(a.Colour.R, b.Colour.R, t), Mix(a.Colour.G, b.Colour.G, t), Mix(a.Colour.B, b.Colour.B, t), Mix(a.Colour.A, b.Colour.A, t));
    }

    /// <summary>
    /// Lambertian relief shading (0 dark – 1 lit) from Horn's 3 × 3 gradient; neighbours off the grid or without
    /// data count as the centre's value, so edges and holes do not draw cliffs.
    /// </summary>
    private static float[] Relief(float[] z, byte[] alpha, int width, int height, (double X, double Y) ground, CompiledRaster style)
    {
        double az = style.Azimuth * Math.PI / 180, alt = style.Altitude * Math.PI / 180;
        double lx = Math.Sin(az) * Math.Cos(alt), ly = Math.Cos(az) * Math.Cos(alt), lz = Math.Sin(alt);
        var shade = new float[z.Length];
        for (int row = 0; row < height; row++)
        for (int col = 0; col < width; col++)
        {
            int i = row * width + col;
            if (alpha[i] == 0) continue;
            float centre = z[i];
            float At(int dc, int dr)
            {
                int c = col + dc, r = row + dr;
                if (c < 0 || c >= width || r < 0 || r >= height) return centre;
                int j = r * width + c;
                return alpha[j] == 0 ? centre : z[j];
            }
            float a = At(-1, -1), b = At(0, -1), c3 = At(1, -1), d = At(-1, 0), f = At(1, 0), g = At(-1, 1), h = At(0, 1), k = At(1, 1);
            double dzdx = style.ZFactor * ((c3 + 2 * f + k) - (a + 2 * d + g)) / (8 * ground.X);
            double dzdy = style.ZFactor * ((a + 2 * b + c3) - (g + 2 * h + k)) / (8 * ground.Y);   // y north, rows south
            double length = Math.Sqrt(dzdx * dzdx + dzdy * dzdy + 1);
            shade[i] = (float)Math.Clamp((-dzdx * lx - dzdy * ly + lz) / length, 0, 1);
        }
        return shade;
    }

    /// <summary>A pixel's size on the ground in metres at the frame's centre (for relief in degrees or Web Mercator alike).</summary>
    public static (double X, double Y) GroundPixelSize(MapFrame frame, CrsRegistry crs)
    {
        var toWgs = crs.GetTransform(frame.Crs, crs.Crs84);
        var e = frame.Extent;
        double cx = (e.MinX + e.MaxX) / 2, cy = (e.MinY + e.MaxY) / 2;
        (double Lon, double Lat) Wgs(double x, double y) { toWgs.Transform(ref x, ref y); return (x, y); }
        var o = Wgs(cx, cy);
        var east = Wgs(cx + frame.PixelWidth, cy);
        var north = Wgs(cx, cy + frame.PixelHeight);
        double cos = Math.Cos(o.Lat * Math.PI / 180);
        double Metres((double Lon, double Lat) p) =>
            Math.Sqrt(Math.Pow((p.Lon - o.Lon) * cos * 111_320, 2) + Math.Pow((p.Lat - o.Lat) * 110_574, 2));
        double x = Metres(east), y = Metres(north);
        return (x > 0 && double.IsFinite(x) ? x : 1, y > 0 && double.IsFinite(y) ? y : 1);
    }

    private static uint Premultiply(byte r, byte g, byte b, byte a)
    {
        if (a == 255) return 0xFF000000u | (uint)r << 16 | (uint)g << 8 | b;
        return (uint)a << 24 | (uint)((r * a + 127) / 255) << 16 | (uint)((g * a + 127) / 255) << 8 | (uint)((b * a + 127) / 255);
    }
}
