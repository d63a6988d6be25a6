using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Matrices;

/// <summary>
/// A block of up to Size × Size tiles of one tile matrix that are drawn in one render and then split: the block
/// holding tile (row, col) starts at the multiple of Size at or below each index, and is cut short at the matrix's
/// last row and column. Every tile belongs to exactly one meta-tile of a given size, so requests for neighbouring
/// tiles agree on which render they share.
/// </summary>
public readonly record struct MetaTile(TileMatrix Matrix, long MinRow, long MinCol, int Rows, int Cols)
{
    /// <summary>Tiles per side when the configuration names none (as MapProxy and GeoWebCache draw).</summary>
    public const int DefaultSize = 4;

    /// <summary>The meta-tile of <paramref name="size"/> holding tile (row, col); size 1 is the tile alone.</summary>
    public static MetaTile Containing(TileMatrix matrix, long row, long col, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        long minRow = row - row % size, minCol = col - col % size;
        return new MetaTile(matrix, minRow, minCol, (int)Math.Min(size, matrix.MatrixHeight - minRow),
            (int)Math.Min(size, matrix.MatrixWidth - minCol));
    }

    public long MaxRow => MinRow + Rows - 1;

    public long MaxCol => MinCol + Cols - 1;

    /// <summary>Tiles in the block.</summary>
    public int Count => Rows * Cols;

    /// <summary>The block's size in pixels.</summary>
    public int PixelWidth => Cols * Matrix.TileWidth;

    public int PixelHeight => Rows * Matrix.TileHeight;

    public bool Contains(long row, long col) => row >= MinRow && row <= MaxRow && col >= MinCol && col <= MaxCol;

    /// <summary>The block's extent in the matrix's CRS: the union of its corner tiles' bounds.</summary>
    public BBox Bounds => Matrix.TileBounds(MinRow, MinCol).Union(Matrix.TileBounds(MaxRow, MaxCol));

    /// <summary>
    /// Where tile (row, col) starts inside the block's image, in whole pixels (rows count down from a top-left origin
    /// and up from a bottom-left one, so the offset comes from the bounds, not the index).
    /// </summary>
    public (int X, int Y) PixelOffset(long row, long col)
    {
        var whole = Bounds;
        var tile = Matrix.TileBounds(row, col);
        return ((int)Math.Round((tile.MinX - whole.MinX) / Matrix.CellSize), (int)Math.Round((whole.MaxY - tile.MaxY) / Matrix.CellSize));
    }

    /// <summary>Every tile of the block, row by row.</summary>
    public IEnumerable<(long Row, long Col)> Tiles()
    {
        for (long row = MinRow; row <= MaxRow; row++)
            for (long col = MinCol; col <= MaxCol; col++)
                yield return (row, col);
    }
}
