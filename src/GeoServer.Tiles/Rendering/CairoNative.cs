using System.Runtime.InteropServices;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// The only binding to Cairo (Debian libcairo2): just the calls the canvas makes. Enum values are Cairo's own
/// (cairo.h); strings go as NUL-terminated UTF-8.
/// </summary>
internal static partial class CairoNative
{
    private const string Lib = "libcairo.so.2";

    public const int FormatArgb32 = 0;
    public const int StatusSuccess = 0;

    public const int AntialiasDefault = 0;
    public const int AntialiasFast = 4;
    public const int FillRuleWinding = 0;
    public const int FillRuleEvenOdd = 1;
    public const int OperatorClear = 0;
    public const int OperatorSource = 1;
    public const int OperatorOver = 2;
    public const int LineCapButt = 0, LineCapRound = 1, LineCapSquare = 2;
    public const int LineJoinMiter = 0, LineJoinRound = 1, LineJoinBevel = 2;
    public const int FontSlantNormal = 0, FontSlantItalic = 1;
    public const int FontWeightNormal = 0, FontWeightBold = 1;

    /// <summary>cairo_text_extents_t, in user-space units (pixels here).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TextExtentsNative
    {
        public double XBearing, YBearing, Width, Height, XAdvance, YAdvance;
    }

    // Surfaces
    [LibraryImport(Lib)] public static partial CairoSurfaceHandle cairo_image_surface_create(int format, int width, int height);
    [LibraryImport(Lib)] public static partial IntPtr cairo_image_surface_get_data(CairoSurfaceHandle surface);
    [LibraryImport(Lib)] public static partial int cairo_image_surface_get_stride(CairoSurfaceHandle surface);
    [LibraryImport(Lib)] public static partial void cairo_surface_flush(CairoSurfaceHandle surface);
    [LibraryImport(Lib)] public static partial void cairo_surface_mark_dirty(CairoSurfaceHandle surface);
    [LibraryImport(Lib)] public static partial int cairo_surface_status(CairoSurfaceHandle surface);
    [LibraryImport(Lib)] public static partial void cairo_surface_destroy(IntPtr surface);

    // Contexts
    [LibraryImport(Lib)] public static partial CairoContextHandle cairo_create(CairoSurfaceHandle target);
    [LibraryImport(Lib)] public static partial int cairo_status(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_destroy(IntPtr cr);
    [LibraryImport(Lib)] public static partial void cairo_save(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_restore(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_translate(CairoContextHandle cr, double tx, double ty);

    // Source and drawing state
    [LibraryImport(Lib)] public static partial void cairo_set_source_rgba(CairoContextHandle cr, double red, double green, double blue, double alpha);
    [LibraryImport(Lib)] public static partial void cairo_set_operator(CairoContextHandle cr, int op);
    [LibraryImport(Lib)] public static partial void cairo_set_antialias(CairoContextHandle cr, int antialias);
    [LibraryImport(Lib)] public static partial void cairo_set_fill_rule(CairoContextHandle cr, int fillRule);
    [LibraryImport(Lib)] public static partial void cairo_set_line_width(CairoContextHandle cr, double width);
    [LibraryImport(Lib)] public static partial void cairo_set_line_join(CairoContextHandle cr, int lineJoin);
    [LibraryImport(Lib)] public static partial void cairo_set_line_cap(CairoContextHandle cr, int lineCap);
    [LibraryImport(Lib)] public static partial void cairo_set_dash(CairoContextHandle cr, ReadOnlySpan<double> dashes, int numDashes, double offset);

    // Paths
    [LibraryImport(Lib)] public static partial void cairo_new_path(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_move_to(CairoContextHandle cr, double x, double y);
    [LibraryImport(Lib)] public static partial void cairo_line_to(CairoContextHandle cr, double x, double y);
    [LibraryImport(Lib)] public static partial void cairo_close_path(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_arc(CairoContextHandle cr, double xc, double yc, double radius, double angle1, double angle2);
    [LibraryImport(Lib)] public static partial void cairo_rectangle(CairoContextHandle cr, double x, double y, double width, double height);

    // Painting
    [LibraryImport(Lib)] public static partial void cairo_paint(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_paint_with_alpha(CairoContextHandle cr, double alpha);
    [LibraryImport(Lib)] public static partial void cairo_set_source_surface(CairoContextHandle cr, CairoSurfaceHandle surface, double x, double y);
    [LibraryImport(Lib)] public static partial void cairo_fill(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_fill_preserve(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_stroke(CairoContextHandle cr);
    [LibraryImport(Lib)] public static partial void cairo_stroke_preserve(CairoContextHandle cr);

    // Text (the "toy" API: one fontconfig face per call, no shaping — enough for precomposed Vietnamese in NFC)
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void cairo_select_font_face(CairoContextHandle cr, string family, int slant, int weight);
    [LibraryImport(Lib)] public static partial void cairo_set_font_size(CairoContextHandle cr, double size);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void cairo_text_extents(CairoContextHandle cr, string utf8, out TextExtentsNative extents);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void cairo_show_text(CairoContextHandle cr, string utf8);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void cairo_text_path(CairoContextHandle cr, string utf8);

    // Errors
    [LibraryImport(Lib)] private static partial IntPtr cairo_status_to_string(int status);

    /// <summary>Cairo's own sentence for a status code.</summary>
    public static string StatusMessage(int status) =>
        Marshal.PtrToStringUTF8(cairo_status_to_string(status)) ?? $"cairo status {status}";

    /// <summary>Throws when the surface is in error (Cairo returns an inert "nil" surface instead of null).</summary>
    public static void Check(CairoSurfaceHandle surface)
    {
        var status = cairo_surface_status(surface);
        if (status != StatusSuccess) throw new CairoException(status, StatusMessage(status));
    }

    /// <summary>Throws when the context is in error; Cairo errors are sticky, so a failed context draws nothing more.</summary>
    public static void Check(CairoContextHandle cr)
    {
        var status = cairo_status(cr);
        if (status != StatusSuccess) throw new CairoException(status, StatusMessage(status));
    }
}
