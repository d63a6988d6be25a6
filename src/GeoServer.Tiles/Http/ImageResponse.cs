using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Http;

/// <summary>Sends a canvas as an image body.</summary>
public static class ImageResponse
{
    public static async Task WriteAsync(HttpResponse response, IMapCanvas canvas, ImageFormat format, string mediaType, CancellationToken ct)
    {
        // Encoders write synchronously; ASP.NET Core forbids synchronous writes to the response, so encode to memory
        // first (a map image is at most a few MB, bounded by MaxWidth × MaxHeight).
        using var buffer = new MemoryStream();
        canvas.Encode(buffer, format);
        response.ContentType = mediaType;
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }
}
