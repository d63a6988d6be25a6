using System.Globalization;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Tilesets;

/// <summary>
/// Map tiles (PNG, JPEG) as every door (WMTS, XYZ, OGC API Tiles, seeding) gets them: from the cache, or, on a miss,
/// the meta-tile holding the tile rendered once, split, and every tile of it cached. Without a cache the tile is
/// rendered alone (a meta-tile's other tiles would have nowhere to go).
/// </summary>
public static class MapTiles
{
    /// <summary>
    /// The tile at <paramref name="key"/> (its row and column are the tile's); throws <see cref="MapLimitException"/>
    /// when the render passes the feature or time limits. A hit completes synchronously and allocates nothing.
    /// </summary>
    public static ValueTask<CachedTile> GetAsync(TileServices services, TileImageRenderer renderer, TileKey key,
        IReadOnlyList<StyledLayer> layers, TileMatrixSet set, TileMatrix matrix, ImageFormat format, CancellationToken ct)
    {
        if (services.Cache is not { } cache) return RenderAloneAsync(renderer, layers, set, matrix, key, format, ct);
        if (cache.TryGetHot(key) is { } hot) return ValueTask.FromResult(hot);
        var meta = MetaTile.Containing(matrix, key.Row, key.Col, services.MetaTileSize);
        return new ValueTask<CachedTile>(cache.GetOrAddMetaAsync(key, meta, t => renderer.RenderMetaAsync(layers, set, meta, format, t), ct));
    }

    /// <summary>
    /// The hit path: the tile if it is held in memory under this address (<paramref name="tileset"/> already passed the
    /// access check), found without resolving styles or building a request; null sends the caller down the full path,
    /// which also reports what is wrong with a bad address. Only valid addresses are ever cached, so none is checked here.
    /// </summary>
    public static CachedTile? TryGetHot(TileServices services, Tileset tileset, string style, string setId, string matrixId,
        string rowText, string colText, ImageFormat format)
    {
        if (services.Cache is not { } cache || services.Grids.Find(setId) is not { } set || set.Find(matrixId) is not { } matrix
            || !long.TryParse(rowText, NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            || !long.TryParse(colText, NumberStyles.None, CultureInfo.InvariantCulture, out var col)) return null;
        return cache.TryGetHot(new TileKey(tileset.CacheId, style, set.Id, matrix.Id, row, col, Extension(format)));
    }

    /// <summary>The cache's file extension for a map tile format.</summary>
    public static string Extension(ImageFormat format) => format == ImageFormat.Jpeg ? "jpg" : "png";

    private static async ValueTask<CachedTile> RenderAloneAsync(TileImageRenderer renderer, IReadOnlyList<StyledLayer> layers, TileMatrixSet set,
        TileMatrix matrix, TileKey key, ImageFormat format, CancellationToken ct) =>
        CachedTile.Of(await renderer.RenderAsync(layers, set, matrix, key.Row, key.Col, format, ct));
}
