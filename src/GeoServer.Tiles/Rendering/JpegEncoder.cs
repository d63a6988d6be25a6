using System.Buffers;
using System.Runtime.InteropServices;

namespace GeoServer.Tiles.Rendering;

/// <summary>Writes Cairo's premultiplied ARGB32 pixels as baseline JPEG through libjpeg-turbo, flattened on white.</summary>
internal static class JpegEncoder
{
    /// <summary>
    /// The 32-bit word 0xAARRGGBB lies in memory as B, G, R, A on little-endian machines and A, R, G, B on
    /// big-endian ones; TurboJPEG reads either directly and ignores the alpha byte.
    /// </summary>
    private static readonly int NativePixelFormat =
        BitConverter.IsLittleEndian ? TurboJpegNative.PixelFormatBgrx : TurboJpegNative.PixelFormatXrgb;

    /// <summary>Encodes width × height pixels (rows every <paramref name="stride"/> bytes) at quality 1–100.</summary>
    public static unsafe void Encode(ReadOnlySpan<byte> argb32, int width, int height, int stride, Stream output, int quality)
    {
        quality = Math.Clamp(quality, 1, 100);
        byte[]? flattened = null;
        try
        {
            var source = argb32;
            var pitch = stride;
            if (!IsOpaque(argb32, width, height, stride))
            {
                flattened = ArrayPool<byte>.Shared.Rent(width * height * 4);
                FlattenOnWhite(argb32, width, height, stride, flattened);
                source = flattened.AsSpan(0, width * height * 4);
                pitch = width * 4;
            }

            using var handle = TurboJpegNative.tjInitCompress();
            if (handle.IsInvalid) throw new InvalidOperationException("libjpeg-turbo: tjInitCompress failed");
            var jpeg = IntPtr.Zero;
            nuint size = 0;
            try
            {
                // 4:2:0 chroma, as cjpeg and most map servers do: a third smaller than 4:4:4 for the same quality.
                var result = TurboJpegNative.tjCompress2(handle, source, width, pitch, height, NativePixelFormat,
                    ref jpeg, ref size, TurboJpegNative.Subsampling420, quality, 0);
                TurboJpegNative.Check(handle, result, "tjCompress2");
                output.Write(new ReadOnlySpan<byte>((void*)jpeg, checked((int)size)));
            }
            finally
            {
                if (jpeg != IntPtr.Zero) TurboJpegNative.tjFree(jpeg);
            }
        }
        finally
        {
            if (flattened is not null) ArrayPool<byte>.Shared.Return(flattened);
        }
    }

    private static bool IsOpaque(ReadOnlySpan<byte> argb32, int width, int height, int stride)
    {
        for (var y = 0; y < height; y++)
            foreach (var pixel in MemoryMarshal.Cast<byte, uint>(argb32.Slice(y * stride, width * 4)))
                if (!Argb32.IsOpaque(pixel)) return false;
        return true;
    }

    /// <summary>
    /// Premultiplied colour makes "over white" a sum: each channel c + (255 − alpha), which cannot exceed 255
    /// since c ≤ alpha.
    /// </summary>
    private static void FlattenOnWhite(ReadOnlySpan<byte> argb32, int width, int height, int stride, byte[] target)
    {
        var output = MemoryMarshal.Cast<byte, uint>(target.AsSpan(0, width * height * 4));
        for (var y = 0; y < height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(argb32.Slice(y * stride, width * 4));
            var outRow = output.Slice(y * width, width);
            for (var x = 0; x < row.Length; x++)
            {
                var pixel = row[x];
                var white = 255 - (pixel >> 24);
                outRow[x] = 0xFF000000u | ((pixel & 0x00FFFFFFu) + white * 0x010101u);
            }
        }
    }
}
