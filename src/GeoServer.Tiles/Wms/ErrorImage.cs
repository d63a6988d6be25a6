using System.Globalization;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// How a failed GetMap answers when the client asked for EXCEPTIONS=INIMAGE or BLANK (WMS 1.3.0 7.3.3.11): an
/// image of the requested size and format, with the message drawn on it or empty. Read leniently from the raw
/// parameters, since the error may be in any other parameter.
/// </summary>
public sealed record ErrorImage(int Width, int Height, ImageFormat Format, string MediaType, Rgba Background, bool DrawMessage)
{
    /// <summary>The image to answer with, or null when the client wants the XML report (or the size is unusable).</summary>
    public static ErrorImage? From(WmsRequest request)
    {
        var mode = request.Get("exceptions")?.ToUpperInvariant() ?? "";
        bool inImage = mode.EndsWith("INIMAGE", StringComparison.Ordinal), blank = mode.EndsWith("BLANK", StringComparison.Ordinal);
        if (!inImage && !blank) return null;
        var options = request.Services.Options;
        if (!int.TryParse(request.Get("width"), NumberStyles.None, CultureInfo.InvariantCulture, out var width) || width < 1 || width > options.MaxWidth
            || !int.TryParse(request.Get("height"), NumberStyles.None, CultureInfo.InvariantCulture, out var height) || height < 1 || height > options.MaxHeight)
            return null;
        var mediaType = (request.Get("format") ?? "image/png").Split(';')[0].Trim();
        if (!MapViewParser.Formats.TryGetValue(mediaType, out var format)) (format, mediaType) = (ImageFormat.Png, "image/png");
        var background = Rgba.TryParse(request.Get("bgcolor") ?? "0xFFFFFF") ?? Rgba.White;
        if (format == ImageFormat.Png && string.Equals(request.Get("transparent"), "TRUE", StringComparison.OrdinalIgnoreCase))
            background = background with { A = 0 };
        return new ErrorImage(width, height, format, format == ImageFormat.Jpeg ? "image/jpeg" : "image/png", background, inImage);
    }
}
