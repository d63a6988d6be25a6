using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>WMTS GetTile (and the XYZ shortcut): the cached tile, or rendered and cached, sent with its ETag.</summary>
public static class GetTile
{
    public static async Task WriteAsync(HttpContext http, TileRequest tile, TileImageRenderer renderer, TileCache? cache, CancellationToken ct)
    {
        Task<byte[]?> Render(CancellationToken token) => RenderAsync(tile, renderer, token)!;
        var image = cache is null
            ? CachedTile.Of(await Render(ct))
            : await cache.GetOrAddAsync(tile.CacheKey, Render, ct);
        await TileResponse.WriteAsync(http, image, tile.MediaType, ct: ct);
    }

    private static async Task<byte[]?> RenderAsync(TileRequest tile, TileImageRenderer renderer, CancellationToken ct)
    {
        try
        {
            return await renderer.RenderAsync(tile.Layers, tile.Set, tile.Matrix, tile.Row, tile.Col, tile.Format, ct);
        }
        catch (MapLimitException e)
        {
            throw new WmtsException("NoApplicableCode", e.Message, null, 503);
        }
    }
}
