using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>WMTS GetTile (and the XYZ shortcut): renders the tile and sends it.</summary>
public static class GetTile
{
    public static async Task WriteAsync(HttpContext http, TileRequest tile, TileImageRenderer renderer, CancellationToken ct)
    {
        byte[] image;
        try
        {
            image = await renderer.RenderAsync(tile.Layers, tile.Set, tile.Matrix, tile.Row, tile.Col, tile.Format, ct);
        }
        catch (MapLimitException e)
        {
            throw new WmtsException("NoApplicableCode", e.Message, null, 503);
        }
        http.Response.ContentType = tile.MediaType;
        http.Response.ContentLength = image.Length;
        await http.Response.Body.WriteAsync(image, ct);
    }
}
