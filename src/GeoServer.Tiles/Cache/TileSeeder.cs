using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using GeoServer.Tiles.Xyz;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// Pre-renders a tileset into the cache over a box and a range of zoom levels, so the first visitors of a new layer
/// get cache hits. Map tiles are walked a meta-tile at a time (one render per block, as requests do), vector tiles one
/// by one; one block or tile per core at a time. Tiles already cached are kept.
/// </summary>
public sealed class TileSeeder(TileServices services, TileImageRenderer renderer, VectorTilesetEncoder vectors)
{
    /// <summary>The tiles a seed would cover, per zoom level, in the order it renders them.</summary>
    public static IEnumerable<(TileMatrix Matrix, TileRange Range)> Plan(TileMatrixSet set, BBox box, int fromZoom, int toZoom) =>
        set.TileMatrices.Skip(fromZoom).Take(toZoom - fromZoom + 1)
            .Select(m => (m, m.TileRangeCovering(box)))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.m, x.Item2!.Value));

    /// <summary>
    /// The blocks a seed renders for one matrix: every meta-tile of <paramref name="size"/> that holds a tile of the
    /// range, with the range's tiles in it (a block at the range's edge also renders, and caches, its tiles outside).
    /// </summary>
    public static IEnumerable<(MetaTile Meta, IReadOnlyList<(long Row, long Col)> Tiles)> Blocks(TileMatrix matrix, TileRange range, int size)
    {
        for (long row = range.MinRow - range.MinRow % size; row <= range.MaxRow; row += size)
            for (long col = range.MinCol - range.MinCol % size; col <= range.MaxCol; col += size)
            {
                var meta = MetaTile.Containing(matrix, row, col, size);
                yield return (meta, meta.Tiles().Where(t => range.Contains(t.Row, t.Col)).ToList());
            }
    }

    /// <summary>Renders every tile of the plan that is not cached yet; reports (done, total) tiles as it goes.</summary>
    public async Task<long> SeedAsync(Tileset tileset, TileMatrixSet set, BBox wgsBox, int fromZoom, int toZoom, string format,
        IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        var cache = services.Cache ?? throw new InvalidOperationException("The tile cache is disabled (Tiles:CacheDirectory is empty).");
        var box = services.Crs.GetTransform(services.Crs.Crs84, set.Crs).Transform(wgsBox);
        var plan = Plan(set, box, fromZoom, toZoom).ToList();
        long total = plan.Sum(p => p.Range.Count), done = 0;
        var layers = TileStyles.Resolve(services, tileset, null)!;
        int size = format == "mvt" ? 1 : services.MetaTileSize;
        var blocks = plan.SelectMany(p => Blocks(p.Matrix, p.Range, size));
        var imageFormat = format == "jpg" ? ImageFormat.Jpeg : ImageFormat.Png;
        await Parallel.ForEachAsync(blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (block, token) =>
            {
                var matrix = block.Meta.Matrix;
                // The first missing tile renders the block and stores all of it; the block's other tiles are then hits.
                foreach (var (row, col) in block.Tiles)
                {
                    var key = new TileKey(tileset.CacheId, TileStyles.Default, set.Id, matrix.Id, row, col, format);
                    if (format == "mvt")
                        await cache.GetOrAddAsync(key, t =>
                            vectors.EncodeAsync(VectorTiles.Layers(tileset), set, matrix, row, col, null, gzip: true, t), token);
                    else
                        await MapTiles.GetAsync(services, renderer, key, layers, set, matrix, imageFormat, token);
                    progress?.Report((Interlocked.Increment(ref done), total));
                }
            });
        return total;
    }
}
