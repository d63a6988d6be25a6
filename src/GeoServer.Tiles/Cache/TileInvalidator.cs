using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// Drops exactly the cached tiles a data change can have altered: tiles of tilesets that draw the layer (the layer
/// itself, and its workspace's group tileset under every digest), in every style, grid and format, whose area plus
/// a buffer touches an envelope that changed. The buffer covers what a feature draws outside its own envelope:
/// symbols, line widths, labels placed within the renderer's margin, the vector tiles' clip buffer.
/// </summary>
public sealed class TileInvalidator(TileCache cache, TileMatrixSetRegistry grids, CrsRegistry crs)
{
    /// <summary>Pixels around a change whose tiles also go; twice the renderer's label margin.</summary>
    public const int BufferPixels = 128;

    /// <summary>Drops the affected tiles; returns how many.</summary>
    public int Invalidate(LayerDataChange change)
    {
        var layer = change.Layer;
        if (change.Areas is { Count: 0 } || layer.StorageCrs is null) return 0;
        string workspace = layer.Workspace.Id, groupPrefix = workspace + "~";
        // Per grid, the changed areas in the grid's CRS; per matrix, buffered by its cell size.
        var inGrid = new Dictionary<string, BBox[]?>(StringComparer.Ordinal);
        return cache.Invalidate(key =>
        {
            if (key.Tileset != layer.Id && key.Tileset != workspace && !key.Tileset.StartsWith(groupPrefix, StringComparison.Ordinal))
                return false;
            if (change.Areas is null) return true;
            var grid = grids.Find(key.Set);
            var matrix = grid?.Find(key.Matrix);
            if (grid is null || matrix is null) return true;   // unknown grid: cannot tell, so drop it
            BBox[]? areas;
            lock (inGrid)
                if (!inGrid.TryGetValue(grid.Id, out areas))
                    inGrid[grid.Id] = areas = Transform(change.Areas!, layer.StorageCrs, grid);
            if (areas is null) return true;
            var tile = matrix.TileBounds(key.Row, key.Col);
            double buffer = BufferPixels * matrix.CellSize;
            var reach = new BBox(tile.MinX - buffer, tile.MinY - buffer, tile.MaxX + buffer, tile.MaxY + buffer);
            foreach (var area in areas)
                if (reach.Intersects(area)) return true;
            return false;
        });
    }

    /// <summary>The areas in the grid's CRS; null when one cannot be transformed (then every tile is suspect).</summary>
    private BBox[]? Transform(IReadOnlyList<BBox> areas, Core.Crs.CrsDefinition from, TileMatrixSet grid)
    {
        try
        {
            var transform = crs.GetTransform(from, grid.Crs);
            return areas.Select(transform.Transform).ToArray();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return null;
        }
    }
}
