using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Http;

/// <summary>Sends a canvas as an image body.</summary>
public static class ImageResponse
{
    /// <summary>Encodes the canvas and sends it with its Content-Length.</summary>
    public static async Task WriteAsync(HttpResponse response, IMapCanvas canvas, ImageFormat format, string mediaType, CancellationToken ct)
    {
        // Encoders write synchronously; ASP.NET Core forbids synchronous writes to the response, so encode to memory
        // first (a map image is at most a few MB, bounded by MaxWidth × MaxHeight), in pooled segments.
        using var buffer = new PooledSegmentStream();
        canvas.Encode(buffer, format);
        response.ContentType = mediaType;
        response.ContentLength = buffer.Length;
        await buffer.WriteToAsync(response.Body, ct);
    }
}
