using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Xyz;

/// <summary>
/// Vector tiles of a tileset (Mapbox Vector Tile 2.1): one layer per published layer, named by its short name, with
/// every attribute; gzip-compressed when the client accepts it; 204 No Content where no feature reaches the tile.
/// </summary>
public static class VectorTiles
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";

    public static async Task<IResult> WriteAsync(HttpContext http, Tileset tileset, TileMatrixSet set, TileMatrix matrix, long row, long col,
        VectorTilesetEncoder encoder, CancellationToken ct)
    {
        bool gzip = http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var tile = await encoder.EncodeAsync(Layers(tileset), set, matrix, row, col, null, gzip, ct);
        if (tile is null) return Results.NoContent();
        if (gzip) http.Response.Headers.ContentEncoding = "gzip";
        http.Response.Headers.Vary = "Accept-Encoding";
        return Results.Bytes(tile, MediaType);
    }

    /// <summary>The tile layers of a tileset: each layer under its short name (unique within a workspace).</summary>
    public static IReadOnlyList<TilesetLayer> Layers(Tileset tileset) =>
        tileset.Layers.Select(l => new TilesetLayer(l.Info.Name, l)).ToList();
}
