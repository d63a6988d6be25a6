using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// Sends a cached tile with a strong ETag; a client holding the same one gets 304 Not Modified. Clients must
/// revalidate every time (no-cache): the server's cache is invalidated the moment data changes, so only the ETag
/// check keeps a browser from showing yesterday's tile. An empty tile is 204 No Content.
/// </summary>
public static class TileResponse
{
    /// <summary>
    /// Sends the tile: headers from values computed when the tile was cached, the bytes written as they are (the hit
    /// path allocates nothing of its own).
    /// </summary>
    public static Task WriteAsync(HttpContext http, CachedTile tile, string mediaType, string? contentEncoding = null,
        CancellationToken ct = default)
    {
        var response = http.Response;
        response.Headers.ETag = tile.ETag;
        response.Headers.CacheControl = CacheControl;
        if (contentEncoding is not null) response.Headers.Vary = "Accept-Encoding";
        if (http.Request.Headers.IfNoneMatch.Count > 0 && Matches(http.Request.Headers.IfNoneMatch, tile.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        if (tile.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
        response.ContentType = mediaType;
        if (contentEncoding is not null) response.Headers.ContentEncoding = contentEncoding;
        response.ContentLength = tile.Bytes.Length;
        return response.Body.WriteAsync(tile.Bytes, 0, tile.Bytes.Length, ct);
    }

    private const string CacheControl = "public, no-cache";

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2) and may list several tags, in one or more header lines.</summary>
    internal static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var line in ifNoneMatch)
        {
            var rest = (line ?? "").AsSpan();
            while (rest.Length > 0)
            {
                int comma = rest.IndexOf(',');
                var tag = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                if (tag.StartsWith("W/")) tag = tag[2..];
                if (tag is "*" || tag.SequenceEqual(etag)) return true;
            }
        }
        return false;
    }
}
