using static GeoServer.Tiles.Rendering.CairoNative;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Idle Cairo image surfaces kept for the next render of the same size, up to <see cref="MaxIdleBytes"/> of pixels;
/// past that the least recently returned are destroyed. Thread-safe. A surface is used by one canvas at a time: a
/// canvas takes it out and gives it back when disposed, so the thread rule (one cairo_t per render) is unchanged.
/// </summary>
/// <remarks>
/// Why: a new surface is a fresh native block of width × height × 4 bytes per render (256 KiB for a tile, 3 MiB for
/// a 1024×768 map), and these blocks are what kept glibc's arenas growing under load; reusing them also saves
/// pixman's zeroing, which the map's own background clear repeats anyway.
/// </remarks>
internal sealed class CairoSurfacePool(long maxIdleBytes)
{
    /// <summary>
    /// The process's pool: 32 MiB, room for 10 idle 1024×768 maps or 128 tiles. Surfaces past it are destroyed, and
    /// their blocks go back to the system (NativeHeap's policy in the Host), so a burst of odd sizes costs no memory.
    /// </summary>
    public static CairoSurfacePool Shared { get; } = new(32L << 20);

    private readonly LinkedList<Idle> _idle = new();   // most recently returned first
    private long _idleBytes;

    /// <summary>The limit on idle pixel memory.</summary>
    public long MaxIdleBytes { get; } = maxIdleBytes;

    /// <summary>Idle pixel memory now held.</summary>
    public long IdleBytes
    {
        get { lock (_idle) return _idleBytes; }
    }

    /// <summary>
    /// A transparent ARGB32 surface: an idle one of this size cleared, or a new one.
    /// </summary>
    /// <exception cref="CairoException">Cairo could not create the surface.</exception>
    public CairoSurfaceHandle Rent(int width, int height)
    {
        var reused = Take(width, height);
        if (reused is null)
        {
            var created = cairo_image_surface_create(FormatArgb32, width, height);
            try
            {
                Check(created);
            }
            catch
            {
                created.Dispose();
                throw;
            }
            return created;   // pixman zeroes a new surface: already transparent
        }
        Erase(reused);
        return reused;
    }

    /// <summary>Keeps a surface for reuse (the caller must have destroyed its contexts) or destroys it.</summary>
    public void Return(CairoSurfaceHandle surface, int width, int height)
    {
        var bytes = Bytes(width, height);
        if (surface.IsInvalid || surface.IsClosed || cairo_surface_status(surface) != StatusSuccess || bytes > MaxIdleBytes)
        {
            surface.Dispose();
            return;
        }
        List<CairoSurfaceHandle>? evicted = null;
        lock (_idle)
        {
            _idle.AddFirst(new Idle(surface, width, height));
            _idleBytes += bytes;
            while (_idleBytes > MaxIdleBytes)
            {
                var oldest = _idle.Last!.Value;
                _idle.RemoveLast();
                _idleBytes -= Bytes(oldest.Width, oldest.Height);
                (evicted ??= []).Add(oldest.Surface);
            }
        }
        if (evicted is not null)
            foreach (var s in evicted) s.Dispose();
    }

    private CairoSurfaceHandle? Take(int width, int height)
    {
        lock (_idle)
        {
            for (var node = _idle.First; node is not null; node = node.Next)
            {
                if (node.Value.Width != width || node.Value.Height != height) continue;
                _idle.Remove(node);
                _idleBytes -= Bytes(width, height);
                return node.Value.Surface;
            }
        }
        return null;
    }

    /// <summary>Makes every pixel transparent, as a new surface is.</summary>
    private static void Erase(CairoSurfaceHandle surface)
    {
        using var cr = cairo_create(surface);
        cairo_set_operator(cr, OperatorClear);
        cairo_paint(cr);
        Check(cr);
    }

    private static long Bytes(int width, int height) => 4L * width * height;

    private readonly record struct Idle(CairoSurfaceHandle Surface, int Width, int Height);
}
