namespace GeoServer.Tiles.Rendering;

/// <summary>Cairo's pixel format: 32-bit native-endian words 0xAARRGGBB with premultiplied colour.</summary>
internal static class Argb32
{
    /// <summary>True when the alpha of the premultiplied pixel is 255.</summary>
    public static bool IsOpaque(uint pixel) => pixel >= 0xFF000000u;

    /// <summary>The pixel with straight alpha; every fully transparent pixel becomes (0, 0, 0, 0).</summary>
    public static Rgba Unpremultiply(uint pixel)
    {
        var a = pixel >> 24;
        byte r = (byte)(pixel >> 16), g = (byte)(pixel >> 8), b = (byte)pixel;
        if (a == 255) return new Rgba(r, g, b);
        if (a == 0) return Rgba.Transparent;
        var half = a / 2;
        return new Rgba((byte)Math.Min(255, (r * 255 + half) / a), (byte)Math.Min(255, (g * 255 + half) / a),
            (byte)Math.Min(255, (b * 255 + half) / a), (byte)a);
    }
}
