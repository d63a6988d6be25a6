using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Renders map tiles a meta-tile at a time: the block of tiles plus a margin is drawn once, then cut into its tiles
/// and each encoded. Markers and outlines that straddle an edge continue on the neighbour (the margin); labels are
/// placed only where they fit wholly inside the block, so none is cut at the block's edge, and a label crossing a
/// seam inside the block is drawn whole on both tiles because both come from the same picture.
/// </summary>
public sealed class TileImageRenderer(CrsRegistry crs, WmsOptions limits, RenderSlots slots)
{
    /// <summary>Pixels drawn around the block: wider than the largest marker and most labels' half-width.</summary>
    public const int MarginPixels = 48;

    /// <summary>One tile rendered alone (a 1 × 1 block); throws <see cref="MapLimitException"/> past the feature or time limits.</summary>
    public async Task<byte[]> RenderAsync(IReadOnlyList<StyledLayer> layers, TileMatrixSet set, TileMatrix matrix, long row, long col,
        ImageFormat format, CancellationToken ct) =>
        (await RenderMetaAsync(layers, set, MetaTile.Containing(matrix, row, col, 1), format, ct))[0].Bytes;

    /// <summary>
    /// Every tile of the block, encoded, row by row; throws <see cref="MapLimitException"/> past the feature or time
    /// limits (which apply to the whole block, as to one WMS map of its size).
    /// </summary>
    public async Task<IReadOnlyList<RenderedTile>> RenderMetaAsync(IReadOnlyList<StyledLayer> layers, TileMatrixSet set, MetaTile meta,
        ImageFormat format, CancellationToken ct)
    {
        var bounds = meta.Bounds;
        double margin = MarginPixels * meta.Matrix.CellSize;
        var frame = new MapFrame(new BBox(bounds.MinX - margin, bounds.MinY - margin, bounds.MaxX + margin, bounds.MaxY + margin),
            set.Crs, meta.PixelWidth + 2 * MarginPixels, meta.PixelHeight + 2 * MarginPixels);
        using var slot = await slots.EnterAsync(ct);
        using var canvas = new CairoCanvas(frame.Width, frame.Height);
        canvas.Clear(format == ImageFormat.Png ? Rgba.Transparent : Rgba.White);
        await new MapRenderer(crs).RenderAsync(canvas, frame, layers, limits, ct,
            (MarginPixels, MarginPixels, MarginPixels + meta.PixelWidth, MarginPixels + meta.PixelHeight));
        var tiles = new RenderedTile[meta.Count];
        int i = 0;
        using var buffer = new MemoryStream();
        foreach (var (row, col) in meta.Tiles())
        {
            var (x, y) = meta.PixelOffset(row, col);
            buffer.SetLength(0);
            canvas.EncodeRegion(buffer, format, MarginPixels + x, MarginPixels + y, meta.Matrix.TileWidth, meta.Matrix.TileHeight);
            tiles[i++] = new RenderedTile(row, col, buffer.ToArray());
        }
        return tiles;
    }
}
