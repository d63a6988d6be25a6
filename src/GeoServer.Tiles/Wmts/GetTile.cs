using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>WMTS GetTile (and the XYZ shortcut): the cached tile, or its meta-tile rendered and cached, sent with its ETag.</summary>
public static class GetTile
{
    public static async Task WriteAsync(HttpContext http, TileRequest tile, TileImageRenderer renderer, TileServices services, CancellationToken ct)
    {
        var pending = MapTiles.GetAsync(services, renderer, tile.CacheKey, tile.Layers, tile.Set, tile.Matrix, tile.Format, ct);
        CachedTile cached;
        if (pending.IsCompletedSuccessfully) cached = pending.Result;
        else
            try
            {
                cached = await pending;
            }
            catch (MapLimitException e)
            {
                throw new WmtsException("NoApplicableCode", e.Message, null, 503);
            }
        await TileResponse.WriteAsync(http, cached, tile.MediaType, null, ct);
    }
}
