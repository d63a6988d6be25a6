using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Writes Cairo's premultiplied ARGB32 pixels as PNG: 8-bit paletted when the image has at most 256 colours
/// (the usual map tile), otherwise 24-bit RGB when opaque or 32-bit RGBA. Our own encoder because
/// cairo_surface_write_to_png always writes 32-bit RGBA with libpng's slow defaults.
/// </summary>
internal static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    private const byte ColourTypeRgb = 2, ColourTypeIndexed = 3, ColourTypeRgba = 6;
    private const byte FilterNone = 0, FilterUp = 2;

    // Measured on 256×256 tiles (40 antialiased polygons, lines, a label; a smooth gradient; a 185-colour tile):
    // Optimal (zlib level 6) is 15–35 % smaller but takes 1.5–2.5× as long (≈0.6 → 1.9 ms truecolour,
    // 0.3 → 0.66 ms paletted); at that size the encoder would cost more than drawing the tile (≈1.6 ms), so Fastest.
    private const CompressionLevel Level = CompressionLevel.Fastest;

    // Truecolour images are filtered None or Up, chosen per image (ChooseFilter): no single filter suits maps. Up won
    // on smooth content (hillshades, gradients: None 3.7× larger), None on vector maps (40 1024×768 parcel maps:
    // None 750 KiB in 10.7 ms, Up 940 KiB in 13.7 ms on average); smaller filtered data also deflates faster. A
    // per-row choice by the spec's sum-of-differences heuristic picked Up there and cost more than it saved.

    // Colour → palette index, reused by each thread's renders so that encoding a tile allocates almost nothing.
    [ThreadStatic] private static Dictionary<uint, int>? t_colours;

    /// <summary>Encodes width × height pixels whose rows start every <paramref name="stride"/> bytes.</summary>
    public static void Encode(ReadOnlySpan<byte> argb32, int width, int height, int stride, Stream output)
    {
        var colours = t_colours ??= new Dictionary<uint, int>(257);
        colours.Clear();
        var paletted = CollectColours(argb32, width, height, stride, colours, out var opaque);
        var colourType = paletted ? ColourTypeIndexed : opaque ? ColourTypeRgb : ColourTypeRgba;

        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;                 // bits per sample (or per palette index)
        header[9] = colourType;
        header[10] = header[11] = header[12] = 0;   // deflate, adaptive filtering, no interlace
        WriteChunk(output, "IHDR"u8, header);
        if (paletted) WritePalette(output, colours);

        using (var idat = new IdatStream(output))
        using (var zlib = new ZLibStream(idat, Level, leaveOpen: true))
        {
            if (paletted) WriteIndexedRows(argb32, width, height, stride, colours, zlib);
            else WriteTruecolourRows(argb32, width, height, stride, opaque ? 3 : 4, zlib);
        }
        WriteChunk(output, "IEND"u8, []);
    }

    /// <summary>Writes one chunk: length, type, data, CRC of type and data.</summary>
    internal static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        type.CopyTo(buffer[4..]);
        output.Write(buffer);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Update(Crc32.Update(0, type), data));
        output.Write(buffer[..4]);
    }

    /// <summary>
    /// Gathers the distinct pixels while there are at most 256 and finds whether all are opaque; true when a
    /// palette will do. Neighbouring pixels are usually equal, so comparing with the previous one skips most lookups.
    /// </summary>
    private static bool CollectColours(ReadOnlySpan<byte> argb32, int width, int height, int stride,
        Dictionary<uint, int> colours, out bool opaque)
    {
        var fits = true;
        opaque = true;
        var previous = 0u;
        var first = true;
        for (var y = 0; y < height; y++)
        {
            foreach (var pixel in Row(argb32, y, width, stride))
            {
                if (pixel == previous && !first) continue;
                first = false;
                previous = pixel;
                if (!Argb32.IsOpaque(pixel)) opaque = false;
                if (!fits) { if (!opaque) return false; continue; }
                CollectionsMarshal.GetValueRefOrAddDefault(colours, pixel, out _);
                if (colours.Count > 256) fits = false;
            }
        }
        return fits;
    }

    /// <summary>
    /// Numbers the colours, translucent ones first so the tRNS chunk (alpha of the first entries only) stays
    /// short, and writes PLTE and, when needed, tRNS.
    /// </summary>
    private static void WritePalette(Stream output, Dictionary<uint, int> colours)
    {
        Span<uint> keys = stackalloc uint[colours.Count];
        var n = 0;
        foreach (var key in colours.Keys) keys[n++] = key;
        Span<byte> plte = stackalloc byte[keys.Length * 3];
        Span<byte> trns = stackalloc byte[keys.Length];
        var index = 0;
        var translucent = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var key in keys)
            {
                if (Argb32.IsOpaque(key) != (pass == 1)) continue;
                var c = Argb32.Unpremultiply(key);
                plte[index * 3] = c.R;
                plte[index * 3 + 1] = c.G;
                plte[index * 3 + 2] = c.B;
                trns[index] = c.A;
                colours[key] = index++;
            }
            if (pass == 0) translucent = index;
        }

        WriteChunk(output, "PLTE"u8, plte);
        if (translucent > 0) WriteChunk(output, "tRNS"u8, trns[..translucent]);
    }

    /// <summary>Palette rows are written unfiltered: filters work on byte values, which indices are not.</summary>
    private static void WriteIndexedRows(ReadOnlySpan<byte> argb32, int width, int height, int stride,
        Dictionary<uint, int> colours, Stream zlib)
    {
        var line = ArrayPool<byte>.Shared.Rent(width + 1);
        try
        {
            line[0] = FilterNone;
            var previous = 0u;
            var previousIndex = -1;
            for (var y = 0; y < height; y++)
            {
                var row = Row(argb32, y, width, stride);
                for (var x = 0; x < row.Length; x++)
                {
                    var pixel = row[x];
                    if (pixel != previous || previousIndex < 0)
                    {
                        previous = pixel;
                        previousIndex = colours[pixel];
                    }
                    line[x + 1] = (byte)previousIndex;
                }
                zlib.Write(line, 0, width + 1);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    private static void WriteTruecolourRows(ReadOnlySpan<byte> argb32, int width, int height, int stride,
        int bytesPerPixel, Stream zlib)
    {
        var rowBytes = width * bytesPerPixel;
        var current = ArrayPool<byte>.Shared.Rent(rowBytes);
        var prior = ArrayPool<byte>.Shared.Rent(rowBytes);
        var line = ArrayPool<byte>.Shared.Rent(rowBytes + 1);
        var filter = ChooseFilter(argb32, width, height, stride);
        try
        {
            Array.Clear(prior, 0, rowBytes);   // the row above the first is zeros
            for (var y = 0; y < height; y++)
            {
                var row = Row(argb32, y, width, stride);
                for (int x = 0, o = 0; x < row.Length; x++, o += bytesPerPixel)
                {
                    var c = Argb32.Unpremultiply(row[x]);
                    current[o] = c.R;
                    current[o + 1] = c.G;
                    current[o + 2] = c.B;
                    if (bytesPerPixel == 4) current[o + 3] = c.A;
                }
                line[0] = filter;
                if (filter == FilterUp)
                    for (var i = 0; i < rowBytes; i++) line[i + 1] = (byte)(current[i] - prior[i]);
                else
                    Buffer.BlockCopy(current, 0, line, 1, rowBytes);
                zlib.Write(line, 0, rowBytes + 1);
                (current, prior) = (prior, current);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(prior);
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    /// <summary>
    /// None or Up for the whole image, from every 16th row: where most pixels repeat their left neighbour (flat
    /// fills: vector maps) deflate finds the repeats unfiltered, and None was measured smaller and faster; elsewhere
    /// (smooth rasters, gradients) Up.
    /// </summary>
    private static byte ChooseFilter(ReadOnlySpan<byte> argb32, int width, int height, int stride)
    {
        long same = 0, sampled = 0;
        for (var y = 0; y < height; y += 16)
        {
            var row = Row(argb32, y, width, stride);
            for (var x = 1; x < row.Length; x++)
                if (row[x] == row[x - 1]) same++;
            sampled += row.Length - 1;
        }
        return same * 2 >= sampled ? FilterNone : FilterUp;
    }

    private static ReadOnlySpan<uint> Row(ReadOnlySpan<byte> argb32, int y, int width, int stride) =>
        MemoryMarshal.Cast<byte, uint>(argb32.Slice(y * stride, width * 4));
}
