using System.IO.Compression;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Xyz;

/// <summary>
/// Vector tiles of a tileset (Mapbox Vector Tile 2.1): one layer per published layer, named by its short name, with
/// every attribute; cached gzipped, sent so when the client accepts it; 204 No Content where no feature reaches
/// the tile.
/// </summary>
public static class VectorTiles
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";

    public static Task WriteAsync(HttpContext http, Tileset tileset, TileMatrixSet set, TileMatrix matrix, long row, long col,
        VectorTilesetEncoder encoder, TileCache? cache, CancellationToken ct) =>
        WriteAsync(http, Layers(tileset), new TileKey(tileset.CacheId, TileStyles.Default, set.Id, matrix.Id, row, col, "mvt"),
            set, matrix, encoder, cache, ct);

    /// <summary>A tile of these tile layers, kept in the cache under <paramref name="key"/>.</summary>
    public static async Task WriteAsync(HttpContext http, IReadOnlyList<TilesetLayer> layers, TileKey key, TileMatrixSet set, TileMatrix matrix,
        VectorTilesetEncoder encoder, TileCache? cache, CancellationToken ct)
    {
        bool acceptsGzip = http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (cache is null)
        {
            // Nothing to keep: encoded as this client takes it, so a plain client costs no gzip and no inflate.
            var fresh = CachedTile.Of(await encoder.EncodeAsync(layers, set, matrix, key.Row, key.Col, null, gzip: acceptsGzip, ct));
            await TileResponse.WriteAsync(http, fresh, MediaType, acceptsGzip ? "gzip" : null, ct);
            return;
        }
        // Kept gzipped: nearly every client accepts it, and the rare one that does not gets it inflated.
        Task<byte[]?> Encode(CancellationToken token) => encoder.EncodeAsync(layers, set, matrix, key.Row, key.Col, null, gzip: true, token);
        var tile = await cache.GetOrAddAsync(key, Encode, ct);
        if (acceptsGzip || tile.IsEmpty)
            await TileResponse.WriteAsync(http, tile, MediaType, "gzip", ct);
        else
            await TileResponse.WriteAsync(http, CachedTile.Of(Gunzip(tile.Bytes)), MediaType, null, ct);
    }

    private static byte[] Gunzip(byte[] zipped)
    {
        using var unzip = new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        unzip.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>The tile layers of a tileset: each layer under its short name (unique within a workspace).</summary>
    public static IReadOnlyList<TilesetLayer> Layers(Tileset tileset) =>
        tileset.Layers.Select(l => new TilesetLayer(l.Info.Name, l)).ToList();
}
