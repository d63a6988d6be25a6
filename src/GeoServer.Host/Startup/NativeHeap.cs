using System.Runtime.InteropServices;

namespace GeoServer.Host.Startup;

/// <summary>
/// The process's native allocator policy (glibc malloc): blocks from <see cref="MmapThresholdBytes"/> up get their
/// own mappings, which go back to the system when freed.
/// </summary>
/// <remarks>
/// Why: rendering makes large, short-lived native allocations inside Cairo: the surfaces (pooled now, see
/// CairoSurfacePool) and the scratch arrays cairo_fill reallocates as a path's edges grow (224 KiB and 896 KiB, a
/// few per tile, seen with perf probes on realloc). glibc serves such blocks with mmap at first, but every mapped
/// block freed raises its mmap threshold (up to 32 MiB) and its trim threshold with it, after which the same
/// blocks come from the per-thread arenas (up to 8 per core, and the thread pool grew to 50 threads), and memory
/// freed inside an arena stays in the process. Measured under 240 s of 256×256 WMS tiles (16 clients): malloc's
/// arenas grew 35 → 275 MiB while only 11–25 MiB of them were in use, and RSS climbed 167 → 481 MiB with the
/// managed heap flat at 20–56 MiB; malloc_trim afterwards brought RSS down to 210 MiB. Pooling the surfaces alone
/// still let the arenas grow 45 → 135 MiB in 136 s. With the threshold fixed they stayed at 21–28 MiB over 180 s.
/// </remarks>
public static partial class NativeHeap
{
    /// <summary>
    /// glibc's own initial threshold: smaller blocks (the many small ones of drawing and of the runtime) stay in
    /// the arenas, where they are quickly reused.
    /// </summary>
    public const int MmapThresholdBytes = 128 * 1024;

    private const int M_MMAP_THRESHOLD = -3;

    /// <summary>
    /// Fixes glibc's mmap threshold at <see cref="MmapThresholdBytes"/>; true when set, false where the C library
    /// is not glibc (e.g. musl, or not Linux), which keeps its own policy.
    /// </summary>
    public static bool ReturnLargeBlocksToSystem()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6")]
    private static partial int mallopt(int param, int value);
}
