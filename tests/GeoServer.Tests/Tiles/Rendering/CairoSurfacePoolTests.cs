using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

public sealed class CairoSurfacePoolTests
{
    [Fact]
    public void A_returned_surface_is_rented_again_for_the_same_size_only()
    {
        var pool = new CairoSurfacePool(1 << 20);
        var surface = pool.Rent(64, 32);
        var native = surface.DangerousGetHandle();
        pool.Return(surface, 64, 32);
        Assert.Equal(64 * 32 * 4, pool.IdleBytes);

        using var otherSize = pool.Rent(32, 64);
        Assert.NotEqual(native, otherSize.DangerousGetHandle());
        Assert.Equal(64 * 32 * 4, pool.IdleBytes);

        using var again = pool.Rent(64, 32);
        Assert.Equal(native, again.DangerousGetHandle());
        Assert.Equal(0, pool.IdleBytes);
    }

    [Fact]
    public void Past_the_limit_the_least_recently_returned_surfaces_are_destroyed()
    {
        var pool = new CairoSurfacePool(3 * 16 * 16 * 4);
        var surfaces = Enumerable.Range(0, 5).Select(_ => pool.Rent(16, 16)).ToList();
        foreach (var s in surfaces) pool.Return(s, 16, 16);

        Assert.Equal(3 * 16 * 16 * 4, pool.IdleBytes);
        Assert.True(surfaces[0].IsClosed);
        Assert.True(surfaces[1].IsClosed);
        Assert.All(surfaces.Skip(2), s => Assert.False(s.IsClosed));
    }

    [Fact]
    public void A_surface_larger_than_the_limit_is_not_kept()
    {
        var pool = new CairoSurfacePool(1024);
        var surface = pool.Rent(32, 32);
        pool.Return(surface, 32, 32);
        Assert.True(surface.IsClosed);
        Assert.Equal(0, pool.IdleBytes);
    }

    [Fact]
    public void A_canvas_on_a_reused_surface_starts_transparent()
    {
        // An unusual size, so that no other test's canvas takes the surface in between.
        using (var first = new CairoCanvas(173, 59))
            first.Clear(new Rgba(200, 30, 40, 255));
        using var second = new CairoCanvas(173, 59);
        for (var y = 0; y < second.Height; y += 7)
        for (var x = 0; x < second.Width; x += 7)
            Assert.Equal(Rgba.Transparent, second.GetPixel(x, y));
    }

    [Fact]
    public void A_disposed_canvas_no_longer_reads_its_pixels()
    {
        var canvas = new CairoCanvas(20, 10);
        canvas.Dispose();
        canvas.Dispose();
        Assert.Throws<ObjectDisposedException>(() => canvas.GetPixel(0, 0));
    }
}
