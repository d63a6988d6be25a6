using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using GeoServer.Tiles.Xyz;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// Pre-renders a tileset into the cache over a box and a range of zoom levels, one tile per core at a time, so the
/// first visitors of a new layer get cache hits. Tiles already cached are kept.
/// </summary>
public sealed class TileSeeder(TileServices services, TileImageRenderer renderer, VectorTilesetEncoder vectors)
{
    /// <summary>The tiles a seed would cover, per zoom level, in the order it renders them.</summary>
    public static IEnumerable<(TileMatrix Matrix, TileRange Range)> Plan(TileMatrixSet set, BBox box, int fromZoom, int toZoom) =>
        set.TileMatrices.Skip(fromZoom).Take(toZoom - fromZoom + 1)
            .Select(m => (m, m.TileRangeCovering(box)))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.m, x.Item2!.Value));

    /// <summary>Renders every tile of the plan that is not cached yet; reports (done, total) as it goes.</summary>
    public async Task<long> SeedAsync(Tileset tileset, TileMatrixSet set, BBox wgsBox, int fromZoom, int toZoom, string format,
        IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        var cache = services.Cache ?? throw new InvalidOperationException("The tile cache is disabled (Tiles:CacheDirectory is empty).");
        var box = services.Crs.GetTransform(services.Crs.Crs84, set.Crs).Transform(wgsBox);
        var plan = Plan(set, box, fromZoom, toZoom).ToList();
        long total = plan.Sum(p => p.Range.Count), done = 0;
        var layers = TileStyles.Resolve(services, tileset, null)!;
        var tiles = plan.SelectMany(p => Cells(p.Matrix, p.Range));
        await Parallel.ForEachAsync(tiles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (tile, token) =>
            {
                var (matrix, row, col) = tile;
                var key = new TileKey(tileset.CacheId, TileStyles.Default, set.Id, matrix.Id, row, col, format);
                await cache.GetOrAddAsync(key, t => format == "mvt"
                    ? vectors.EncodeAsync(VectorTiles.Layers(tileset), set, matrix, row, col, null, gzip: true, t)
                    : RenderAsync(layers, set, matrix, row, col, format == "jpg" ? ImageFormat.Jpeg : ImageFormat.Png, t), token);
                progress?.Report((Interlocked.Increment(ref done), total));
            });
        return total;
    }

    private async Task<byte[]?> RenderAsync(IReadOnlyList<StyledLayer> layers, TileMatrixSet set, TileMatrix matrix, long row, long col,
        ImageFormat format, CancellationToken ct) =>
        await renderer.RenderAsync(layers, set, matrix, row, col, format, ct);

    private static IEnumerable<(TileMatrix, long, long)> Cells(TileMatrix matrix, TileRange range)
    {
        for (long row = range.MinRow; row <= range.MaxRow; row++)
            for (long col = range.MinCol; col <= range.MaxCol; col++)
                yield return (matrix, row, col);
    }
}
