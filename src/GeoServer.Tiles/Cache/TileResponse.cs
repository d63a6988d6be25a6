using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// Sends a cached tile with a strong ETag; a client holding the same one gets 304 Not Modified. Clients must
/// revalidate every time (no-cache): the server's cache is invalidated the moment data changes, so only the ETag
/// check keeps a browser from showing yesterday's tile. An empty tile is 204 No Content.
/// </summary>
public static class TileResponse
{
    /// <summary>
    /// The tile from the cache (rendered and kept on a miss; rendered every time when there is no cache), sent as
    /// <see cref="WriteAsync"/> does.
    /// </summary>
    public static async Task ServeAsync(HttpContext http, TileCache? cache, TileKey key, Func<CancellationToken, Task<byte[]?>> render,
        string mediaType, string? contentEncoding, CancellationToken ct)
    {
        var tile = cache is null ? CachedTile.Of(await render(ct)) : await cache.GetOrAddAsync(key, render, ct);
        await WriteAsync(http, tile, mediaType, contentEncoding, ct);
    }

    public static async Task WriteAsync(HttpContext http, CachedTile tile, string mediaType, string? contentEncoding = null,
        CancellationToken ct = default)
    {
        var response = http.Response;
        response.Headers.ETag = tile.ETag;
        response.Headers.CacheControl = "public, no-cache";
        if (contentEncoding is not null) response.Headers.Vary = "Accept-Encoding";
        // If-None-Match compares weakly (RFC 9110 13.1.2) and may list several tags.
        var asked = http.Request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim());
        if (asked.Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == tile.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        if (tile.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        response.ContentType = mediaType;
        if (contentEncoding is not null) response.Headers.ContentEncoding = contentEncoding;
        response.ContentLength = tile.Bytes.Length;
        await response.Body.WriteAsync(tile.Bytes, ct);
    }
}
