using static GeoServer.Data.Gdal.GdalNative;

namespace GeoServer.Data.Gdal;

/// <summary>
/// Files in GDAL's in-memory file system (/vsimem/), where GDAL writes what is streamed to a client and reads what
/// was uploaded, without touching the disk. Names are unique per call so concurrent requests never collide.
/// </summary>
internal static class GdalMemoryFile
{
    /// <summary>A fresh, unused /vsimem/ path ending with <paramref name="extension"/> (".tif").</summary>
    public static string NewPath(string extension) => $"/vsimem/geosdi/{Guid.NewGuid():N}{extension}";

    /// <summary>Copies <paramref name="bytes"/> into a GDAL-owned memory file at <paramref name="path"/>.</summary>
    public static unsafe void Create(string path, ReadOnlySpan<byte> bytes)
    {
        GdalLibrary.Initialise();
        // GDAL takes ownership of a VSIMalloc'ed buffer; copying into one keeps the managed array movable.
        var buffer = (byte*)NativeMemoryCopy(bytes);
        CPLErrorReset();
        var file = VSIFileFromMemBuffer(path, buffer, (ulong)bytes.Length, takeOwnership: 1);
        if (file == IntPtr.Zero)
        {
            VSIFree(buffer);
            ThrowLastError($"Creating the memory file '{path}' failed.");
        }
        VSIFCloseL(file);
    }

    /// <summary>The whole content of a memory file (copied), or null when there is no such file.</summary>
    public static unsafe byte[]? Read(string path)
    {
        var data = VSIGetMemFileBuffer(path, out var length, unlinkAndSeize: 0);
        return data is null ? null : new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
    }

    /// <summary>Removes the memory file (no error when it is already gone).</summary>
    public static void Delete(string path) => VSIUnlink(path);

    private static unsafe void* NativeMemoryCopy(ReadOnlySpan<byte> bytes)
    {
        var buffer = VSIMalloc((nuint)Math.Max(1, bytes.Length));
        if (buffer is null) throw new OutOfMemoryException("GDAL could not allocate a memory file.");
        bytes.CopyTo(new Span<byte>(buffer, bytes.Length));
        return buffer;
    }
}
