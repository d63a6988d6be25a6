using GeoServer.Tests.Support;
using GeoServer.Tiles.Http;
using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tests.Tiles.Http;

public sealed class ImageResponseTests
{
    /// <summary>A truecolour 1024×768 map: many overlapping translucent triangles, a large PNG.</summary>
    private static CairoCanvas BusyMap()
    {
        var canvas = new CairoCanvas(1024, 768);
        var random = new Random(11);
        canvas.Clear(Rgba.White);
        for (var i = 0; i < 3000; i++)
        {
            canvas.NewPath();
            canvas.MoveTo(random.Next(1024), random.Next(768));
            canvas.LineTo(random.Next(1024), random.Next(768));
            canvas.LineTo(random.Next(1024), random.Next(768));
            canvas.ClosePath();
            canvas.Fill(new Rgba((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 128));
        }
        return canvas;
    }

    private static async Task<(long Allocated, byte[] Body)> SendAsync(IMapCanvas canvas)
    {
        var http = new DefaultHttpContext();
        var body = new MemoryStream(8 << 20);   // allocated before the measurement
        http.Response.Body = body;
        var before = GC.GetAllocatedBytesForCurrentThread();
        // MemoryStream completes every write synchronously, so the whole send runs on this thread.
        var send = ImageResponse.WriteAsync(http.Response, canvas, ImageFormat.Png, "image/png", CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(send.IsCompletedSuccessfully);
        await send;
        Assert.Equal(body.Length, http.Response.ContentLength);
        return (allocated, body.ToArray());
    }

    [Fact]
    public async Task A_large_map_is_sent_whole_without_buffering_it_in_managed_memory()
    {
        using var canvas = BusyMap();
        await SendAsync(canvas);   // warm-up: the pooled segments and the encoder's row buffers
        var (allocated, png) = await SendAsync(canvas);

        Assert.True(png.Length > 300_000, $"the test map should make a large PNG, not {png.Length} bytes");
        var decoded = PngReader.Read(png);
        Assert.Equal((1024, 768), (decoded.Width, decoded.Height));
        Assert.Equal(canvas.GetPixel(517, 383), decoded[517, 383]);
        // Encoding into a MemoryStream allocated more than the PNG's size (its doubled arrays); pooled segments and
        // the encoder's pooled rows leave only small objects (streams, the deflater's wrapper).
        Assert.True(allocated < 64 * 1024, $"{allocated:N0} bytes allocated to send a {png.Length:N0}-byte PNG");
    }
}
