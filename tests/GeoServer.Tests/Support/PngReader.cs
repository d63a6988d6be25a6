using System.Buffers.Binary;
using System.IO.Compression;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Support;

/// <summary>
/// A small, strict PNG reader (8-bit RGB, RGBA and paletted, any filter) for the encoder's tests and for looking
/// at maps as a client does: it checks the signature and every chunk's CRC, so a test fails on a malformed file
/// rather than trusting our own writer.
/// </summary>
internal sealed class PngReader
{
    public static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public required int Width { get; init; }
    public required int Height { get; init; }
    public required byte ColourType { get; init; }
    public required List<string> ChunkTypes { get; init; }
    public required Rgba[] Pixels { get; init; }

    public Rgba this[int x, int y] => Pixels[y * Width + x];

    public static PngReader Read(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "PNG signature");
        var chunks = new List<string>();
        int width = 0, height = 0;
        byte colourType = 0;
        byte[] palette = [];
        byte[] alphas = [];
        var idat = new MemoryStream();
        var at = Signature.Length;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.True(Crc32.Update(0, png.AsSpan(at + 4, 4 + length)) == crc, $"CRC of chunk {type}");
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    colourType = data[9];
                    Assert.Equal([0, 0, 0], data[10..13].ToArray());
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": alphas = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            at += 12 + length;
        }
        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);

        var bpp = colourType switch { 2 => 3, 3 => 1, 6 => 4, _ => throw new InvalidDataException($"colour type {colourType}") };
        var raw = Unfilter(Inflate(idat.ToArray()), width, height, bpp);
        var pixels = new Rgba[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var o = i * bpp;
            pixels[i] = colourType switch
            {
                2 => new Rgba(raw[o], raw[o + 1], raw[o + 2]),
                6 => new Rgba(raw[o], raw[o + 1], raw[o + 2], raw[o + 3]),
                _ => new Rgba(palette[raw[o] * 3], palette[raw[o] * 3 + 1], palette[raw[o] * 3 + 2],
                    raw[o] < alphas.Length ? alphas[raw[o]] : (byte)255),
            };
        }
        return new PngReader { Width = width, Height = height, ColourType = colourType, ChunkTypes = chunks, Pixels = pixels };
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
    {
        var rowBytes = width * bpp;
        Assert.Equal(height * (rowBytes + 1), data.Length);
        var image = new byte[height * rowBytes];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (rowBytes + 1)];
            for (var i = 0; i < rowBytes; i++)
            {
                int x = data[y * (rowBytes + 1) + 1 + i];
                int a = i >= bpp ? image[y * rowBytes + i - bpp] : 0;
                int b = y > 0 ? image[(y - 1) * rowBytes + i] : 0;
                int c = i >= bpp && y > 0 ? image[(y - 1) * rowBytes + i - bpp] : 0;
                image[y * rowBytes + i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + (a + b) / 2,
                    4 => x + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }
        }
        return image;
    }

    /// <summary>Pixels that differ from the colour by more than the tolerance on any channel.</summary>
    public int CountDifferentFrom(Rgba colour, int tolerance = 8) =>
        Pixels.Count(p => Math.Abs(p.R - colour.R) > tolerance || Math.Abs(p.G - colour.G) > tolerance
                          || Math.Abs(p.B - colour.B) > tolerance || Math.Abs(p.A - colour.A) > tolerance);

    /// <summary>Share of pixels with a channel more than the tolerance apart in two images (1 when sizes differ).</summary>
    public double DifferenceFrom(PngReader other, int tolerance = 16)
    {
        if (other.Width != Width || other.Height != Height) return 1;
        int differing = 0;
        for (int i = 0; i < Pixels.Length; i++)
        {
            Rgba a = Pixels[i], b = other.Pixels[i];
            if (Math.Abs(a.R - b.R) > tolerance || Math.Abs(a.G - b.G) > tolerance || Math.Abs(a.B - b.B) > tolerance
                || Math.Abs(a.A - b.A) > tolerance) differing++;
        }
        return differing / (double)Pixels.Length;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
