using System.Globalization;

namespace GeoServer.Tiles.Rendering;

/// <summary>A colour with straight (not premultiplied) alpha, each channel 0–255.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Rgba Transparent = new(0, 0, 0, 0);
    public static readonly Rgba White = new(255, 255, 255);
    public static readonly Rgba Black = new(0, 0, 0);

    /// <summary>Parses "#rrggbb", "#rrggbbaa" or "0xRRGGBB" (the WMS BGCOLOR form); null when malformed.</summary>
    public static Rgba? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var hex = text.StartsWith('#') ? text[1..]
            : text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : null;
        if (hex is null || hex.Length is not (6 or 8)
            || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
            return null;
        return hex.Length == 6
            ? new Rgba((byte)(v >> 16), (byte)(v >> 8), (byte)v)
            : new Rgba((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>This colour with its alpha multiplied by an opacity in [0, 1].</summary>
    public Rgba WithOpacity(double opacity) => this with { A = (byte)Math.Round(A * Math.Clamp(opacity, 0, 1)) };

    public override string ToString() => A == 255 ? $"#{R:x2}{G:x2}{B:x2}" : $"#{R:x2}{G:x2}{B:x2}{A:x2}";
}
