namespace GeoServer.Tiles.Rendering;

/// <summary>
/// A raster surface that maps are drawn on, in pixel coordinates (origin top-left, y down). One canvas per
/// render and per thread. The only implementation is Cairo's; the interface keeps the rest of the code free of
/// the native binding so another backend could replace it.
/// </summary>
public interface IMapCanvas : IDisposable
{
    int Width { get; }
    int Height { get; }

    /// <summary>Replaces every pixel with the colour (transparent allowed).</summary>
    void Clear(Rgba color);

    /// <summary>Starts a new path, dropping any current one.</summary>
    void NewPath();
    void MoveTo(double x, double y);
    void LineTo(double x, double y);
    void ClosePath();

    /// <summary>Adds a closed axis-aligned rectangle to the current path.</summary>
    void Rectangle(double x, double y, double width, double height);

    /// <summary>
    /// Fills the current path with the non-zero winding rule (holes stay empty when traced against their shell's
    /// direction, and overlapping shapes in one path add up rather than cancel); keeps the path when asked.
    /// </summary>
    void Fill(Rgba color, bool preservePath = false);

    /// <summary>Strokes the current path with the pen; keeps the path when asked.</summary>
    void Stroke(StrokeStyle pen, bool preservePath = false);

    /// <summary>
    /// Strokes a buffered path with a solid pen at most <see cref="HairlineRasterizer.MaxWidth"/> wide, antialiased,
    /// much faster than <see cref="Stroke"/> (the path must hold no markers). Leaves the current path alone.
    /// </summary>
    void StrokeHairlines(PathBuffer path, StrokeStyle pen);

    /// <summary>Adds a marker's outline centred on (x, y) to the current path; size is its full width in pixels.</summary>
    void AddMarker(MarkerShape shape, double x, double y, double size);

    /// <summary>Draws a marker centred on (x, y); size is its full width in pixels.</summary>
    void DrawMarker(MarkerShape shape, double x, double y, double size, Rgba? fill, StrokeStyle? outline);

    /// <summary>Measures a text (UTF-16, any script the font covers — Vietnamese included).</summary>
    TextExtents MeasureText(string text, FontSpec font);

    /// <summary>Draws a text with its baseline starting at (x, y), with an optional halo of the given radius.</summary>
    void DrawText(string text, double x, double y, FontSpec font, Rgba color, Rgba? halo = null, double haloRadius = 0);

    /// <summary>
    /// Composites an image (width × height premultiplied ARGB32 words, 0xAARRGGBB, row by row) over the canvas with
    /// its top-left corner at pixel (x, y), at the given opacity (0–1).
    /// </summary>
    void DrawImage(ReadOnlySpan<uint> pixels, int width, int height, double x, double y, double opacity);

    /// <summary>The pixel at (x, y) with straight alpha (for tests and GetFeatureInfo-style probes).</summary>
    Rgba GetPixel(int x, int y);

    /// <summary>
    /// Writes the image: PNG (8-bit paletted when it has at most 256 colours, 32-bit RGBA otherwise, or 24-bit
    /// when opaque) or JPEG (quality 1–100, alpha flattened on white).
    /// </summary>
    void Encode(Stream output, ImageFormat format, int jpegQuality = 85);

    /// <summary>Writes the rectangle of the image at (x, y) of the given size, as <see cref="Encode"/> does the whole.</summary>
    void EncodeRegion(Stream output, ImageFormat format, int x, int y, int width, int height, int jpegQuality = 85);
}
