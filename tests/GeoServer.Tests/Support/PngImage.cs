using System.Buffers.Binary;
using System.IO.Compression;

namespace GeoServer.Tests.Support;

/// <summary>
/// A decoded PNG (8-bit greyscale, RGB, RGBA or paletted, non-interlaced: what servers send), as straight RGBA
/// pixels, so tests can look at maps the way a client sees them, independently of the server's encoder.
/// </summary>
public sealed class PngImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba) => (Width, Height, _rgba) = (width, height, rgba);

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            int i = (y * Width + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    /// <summary>Pixels that differ from the given colour by more than a small tolerance on any channel.</summary>
    public int CountDifferentFrom((byte R, byte G, byte B, byte A) colour, int tolerance = 8)
    {
        int count = 0;
        for (int i = 0; i < _rgba.Length; i += 4)
            if (Math.Abs(_rgba[i] - colour.R) > tolerance || Math.Abs(_rgba[i + 1] - colour.G) > tolerance
                || Math.Abs(_rgba[i + 2] - colour.B) > tolerance || Math.Abs(_rgba[i + 3] - colour.A) > tolerance) count++;
        return count;
    }

    /// <summary>Share of pixels whose channels differ by more than <paramref name="tolerance"/> between two images.</summary>
    public double DifferenceFrom(PngImage other, int tolerance = 16)
    {
        if (other.Width != Width || other.Height != Height) return 1;
        int differing = 0;
        for (int i = 0; i < _rgba.Length; i += 4)
            for (int c = 0; c < 4; c++)
                if (Math.Abs(_rgba[i + c] - other._rgba[i + c]) > tolerance) { differing++; break; }
        return differing / (double)(Width * Height);
    }

    public static PngImage Decode(byte[] png)
    {
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, colourType = 0;
        byte[]? palette = null, alpha = null;
        using var idat = new MemoryStream();
        for (int pos = 8; pos < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit non-interlaced PNGs");
                    colourType = data[9];
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": alpha = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            pos += 12 + length;
            if (type == "IEND") break;
        }
        int channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException("colour type") };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        int stride = width * channels;
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int value = raw[y * (stride + 1) + 1 + x];
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                value += filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException("filter " + filter),
                };
                pixels[y * stride + x] = (byte)value;
            }
        }
        var rgba = new byte[width * height * 4];
        for (int i = 0; i < width * height; i++)
        {
            var px = pixels.AsSpan(i * channels, channels);
            (byte r, byte g, byte b, byte a) = colourType switch
            {
                0 => (px[0], px[0], px[0], (byte)255),
                2 => (px[0], px[1], px[2], (byte)255),
                3 => (palette![px[0] * 3], palette[px[0] * 3 + 1], palette[px[0] * 3 + 2], alpha is not null && px[0] < alpha.Length ? alpha[px[0]] : (byte)255),
                4 => (px[0], px[0], px[0], px[1]),
                _ => (px[0], px[1], px[2], px[3]),
            };
            rgba[i * 4] = r; rgba[i * 4 + 1] = g; rgba[i * 4 + 2] = b; rgba[i * 4 + 3] = a;
        }
        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
