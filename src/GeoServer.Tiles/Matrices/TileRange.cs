namespace GeoServer.Tiles.Matrices;

/// <summary>
/// An inclusive block of tiles in one tile matrix, e.g. the tiles covering a bounding box; also the shape of a
/// TileMatrixSetLimits entry.
/// </summary>
/// <param name="MinRow">First row (inclusive).</param>
/// <param name="MaxRow">Last row (inclusive).</param>
/// <param name="MinCol">First column (inclusive).</param>
/// <param name="MaxCol">Last column (inclusive).</param>
public readonly record struct TileRange(long MinRow, long MaxRow, long MinCol, long MaxCol)
{
    /// <summary>Number of rows in the block.</summary>
    public long Rows => MaxRow - MinRow + 1;

    /// <summary>Number of columns in the block.</summary>
    public long Cols => MaxCol - MinCol + 1;

    /// <summary>Number of tiles in the block.</summary>
    public long Count => Rows * Cols;

    /// <summary>True when the tile (row, col) lies in the block.</summary>
    public bool Contains(long row, long col) => row >= MinRow && row <= MaxRow && col >= MinCol && col <= MaxCol;
}
