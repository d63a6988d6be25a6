using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Renders one map tile of a tile matrix: the tile plus a margin is drawn and only the tile is encoded, so markers
/// and outlines that straddle the tile's edge continue on its neighbour; labels are placed only where they fit
/// wholly inside the tile, so none is cut in half at an edge.
/// </summary>
public sealed class TileImageRenderer(CrsRegistry crs, WmsOptions limits)
{
    /// <summary>Pixels drawn around the tile: wider than the largest marker and most labels' half-width.</summary>
    public const int MarginPixels = 48;

    /// <summary>The encoded tile; throws <see cref="MapLimitException"/> past the feature or time limits.</summary>
    public async Task<byte[]> RenderAsync(IReadOnlyList<StyledLayer> layers, TileMatrixSet set, TileMatrix matrix, long row, long col,
        ImageFormat format, CancellationToken ct)
    {
        var bounds = matrix.TileBounds(row, col);
        double margin = MarginPixels * matrix.CellSize;
        var frame = new MapFrame(new BBox(bounds.MinX - margin, bounds.MinY - margin, bounds.MaxX + margin, bounds.MaxY + margin),
            set.Crs, matrix.TileWidth + 2 * MarginPixels, matrix.TileHeight + 2 * MarginPixels);
        using var canvas = new CairoCanvas(frame.Width, frame.Height);
        canvas.Clear(format == ImageFormat.Png ? Rgba.Transparent : Rgba.White);
        await new MapRenderer(crs).RenderAsync(canvas, frame, layers, limits, ct,
            (MarginPixels, MarginPixels, MarginPixels + matrix.TileWidth, MarginPixels + matrix.TileHeight));
        using var buffer = new MemoryStream();
        canvas.EncodeRegion(buffer, format, MarginPixels, MarginPixels, matrix.TileWidth, matrix.TileHeight);
        return buffer.ToArray();
    }
}
