using System.Runtime.InteropServices;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// The thin binding to libjpeg-turbo's TurboJPEG API (Debian libturbojpeg0). "unsigned long" sizes are
/// <see cref="nuint"/>: the server runs on 64-bit Linux, where both are 64 bits.
/// </summary>
internal static partial class TurboJpegNative
{
    private const string Lib = "libturbojpeg.so.0";

    // TJPF: pixel formats.
    public const int PixelFormatRgbx = 2, PixelFormatBgrx = 3, PixelFormatXrgb = 5, PixelFormatRgba = 7;
    // TJSAMP: chroma subsampling.
    public const int Subsampling444 = 0, Subsampling420 = 2;

    [LibraryImport(Lib)] public static partial TurboJpegHandle tjInitCompress();
    [LibraryImport(Lib)] public static partial TurboJpegHandle tjInitDecompress();
    [LibraryImport(Lib)] public static partial int tjDestroy(IntPtr handle);
    [LibraryImport(Lib)] public static partial void tjFree(IntPtr buffer);
    [LibraryImport(Lib)] private static partial IntPtr tjGetErrorStr2(TurboJpegHandle handle);

    /// <summary>Compresses packed pixels; with jpegBuf = 0 the library allocates the output (free with tjFree).</summary>
    [LibraryImport(Lib)]
    public static partial int tjCompress2(TurboJpegHandle handle, ReadOnlySpan<byte> srcBuf, int width, int pitch,
        int height, int pixelFormat, ref IntPtr jpegBuf, ref nuint jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [LibraryImport(Lib)]
    public static partial int tjDecompressHeader3(TurboJpegHandle handle, ReadOnlySpan<byte> jpegBuf, nuint jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(Lib)]
    public static partial int tjDecompress2(TurboJpegHandle handle, ReadOnlySpan<byte> jpegBuf, nuint jpegSize,
        Span<byte> dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    /// <summary>Throws with libjpeg-turbo's message when a call returned non-zero.</summary>
    public static void Check(TurboJpegHandle handle, int result, string call)
    {
        if (result == 0) return;
        var message = Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "unknown error";
        throw new InvalidOperationException($"libjpeg-turbo {call}: {message}");
    }
}
