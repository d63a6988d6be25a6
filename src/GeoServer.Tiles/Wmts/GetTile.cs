using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>WMTS GetTile (and the XYZ shortcut): the cached tile, or rendered and cached, sent with its ETag.</summary>
public static class GetTile
{
    public static async Task WriteAsync(HttpContext http, TileRequest tile, TileImageRenderer renderer, TileCache? cache, CancellationToken ct)
    {
        await TileResponse.ServeAsync(http, cache, tile.CacheKey, token => RenderAsync(tile, renderer, token), tile.MediaType, null, ct);
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
