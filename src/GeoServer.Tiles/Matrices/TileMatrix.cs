using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Matrices;

/// <summary>
/// One level of a tile matrix set (OGC 17-083r4 §7.2): a grid of <see cref="MatrixWidth"/> ×
/// <see cref="MatrixHeight"/> tiles of <see cref="TileWidth"/> × <see cref="TileHeight"/> cells of
/// <see cref="CellSize"/> CRS units, anchored at the TMS "pointOfOrigin" (<see cref="OriginX"/>,
/// <see cref="OriginY"/>). Coordinates are (x = east, y = north) in the set's CRS units whatever the CRS's
/// authoritative axis order; only the JSON encoding swaps. Immutable and safe to share.
/// </summary>
public sealed class TileMatrix
{
    // A box edge that lies on a tile edge up to rounding must not pull in the neighbouring tile: without this
    // slack, the bounds of tile (r, c) would "cover" up to nine tiles after a round trip through doubles. 1e-7 of
    // a tile is far below a pixel yet above the rounding of easting / span at the deepest WebMercatorQuad level.
    private const double EdgeTolerance = 1e-7;

    /// <param name="id">The identifier used in URLs and WMTS requests, e.g. "12".</param>
    /// <param name="scaleDenominator">Scale at the standard 0.28 mm rendering pixel.</param>
    /// <param name="cellSize">Size of one cell (pixel) in CRS units (metres, or degrees for geographic CRSs).</param>
    /// <param name="cornerOfOrigin">Where row 0 / column 0 start.</param>
    /// <param name="originX">Easting (or longitude) of the point of origin, in CRS units.</param>
    /// <param name="originY">Northing (or latitude) of the point of origin, in CRS units.</param>
    /// <param name="tileWidth">Tile width in cells.</param>
    /// <param name="tileHeight">Tile height in cells.</param>
    /// <param name="matrixWidth">Number of tile columns.</param>
    /// <param name="matrixHeight">Number of tile rows.</param>
    /// <exception cref="ArgumentException">An identifier is empty or a size is not positive and finite.</exception>
    public TileMatrix(string id, double scaleDenominator, double cellSize, CornerOfOrigin cornerOfOrigin,
        double originX, double originY, int tileWidth, int tileHeight, long matrixWidth, long matrixHeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        RequirePositive(scaleDenominator, nameof(scaleDenominator));
        RequirePositive(cellSize, nameof(cellSize));
        if (!double.IsFinite(originX) || !double.IsFinite(originY))
            throw new ArgumentException($"Tile matrix {id} has a point of origin that is not finite.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(matrixWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(matrixHeight);
        Id = id;
        ScaleDenominator = scaleDenominator;
        CellSize = cellSize;
        CornerOfOrigin = cornerOfOrigin;
        OriginX = originX;
        OriginY = originY;
        TileWidth = tileWidth;
        TileHeight = tileHeight;
        MatrixWidth = matrixWidth;
        MatrixHeight = matrixHeight;
    }

    /// <summary>The identifier used in URLs and WMTS requests, e.g. "12".</summary>
    public string Id { get; }

    /// <summary>Scale denominator at the standard rendering pixel of 0.28 mm × 0.28 mm.</summary>
    public double ScaleDenominator { get; }

    /// <summary>Size of one cell (pixel) in CRS units: metres for projected CRSs, degrees for geographic ones.</summary>
    public double CellSize { get; }

    /// <summary>Where row 0 / column 0 start.</summary>
    public CornerOfOrigin CornerOfOrigin { get; }

    /// <summary>Easting (or longitude) of the corner named by <see cref="CornerOfOrigin"/>, in CRS units.</summary>
    public double OriginX { get; }

    /// <summary>Northing (or latitude) of the corner named by <see cref="CornerOfOrigin"/>, in CRS units.</summary>
    public double OriginY { get; }

    /// <summary>Tile width in cells (pixels).</summary>
    public int TileWidth { get; }

    /// <summary>Tile height in cells (pixels).</summary>
    public int TileHeight { get; }

    /// <summary>Number of tile columns; valid columns are 0 … MatrixWidth − 1.</summary>
    public long MatrixWidth { get; }

    /// <summary>Number of tile rows; valid rows are 0 … MatrixHeight − 1.</summary>
    public long MatrixHeight { get; }

    /// <summary>Width of one tile in CRS units.</summary>
    public double TileSpanX => CellSize * TileWidth;

    /// <summary>Height of one tile in CRS units.</summary>
    public double TileSpanY => CellSize * TileHeight;

    /// <summary>The area the whole matrix covers, in CRS units (x = east, y = north).</summary>
    public BBox Bounds => CornerOfOrigin == CornerOfOrigin.TopLeft
        ? new BBox(OriginX, OriginY - MatrixHeight * TileSpanY, OriginX + MatrixWidth * TileSpanX, OriginY)
        : new BBox(OriginX, OriginY, OriginX + MatrixWidth * TileSpanX, OriginY + MatrixHeight * TileSpanY);

    /// <summary>True when (row, col) is a tile of this matrix.</summary>
    public bool Contains(long row, long col) => row >= 0 && row < MatrixHeight && col >= 0 && col < MatrixWidth;

    /// <summary>Checks a requested row and column; the row is reported first, as WMTS servers usually do.</summary>
    public TileCheck Check(long row, long col) =>
        row < 0 || row >= MatrixHeight ? TileCheck.TileRowOutOfRange
        : col < 0 || col >= MatrixWidth ? TileCheck.TileColOutOfRange
        : TileCheck.Valid;

    /// <summary>
    /// The area of tile (row, col) in CRS units (x = east, y = north). Each edge is computed from the origin, not
    /// from the neighbour's edge, so adjacent tiles share their edges exactly. Rows and columns outside the
    /// matrix are not rejected: meta-tiles and buffers need bounds just beyond the edge.
    /// </summary>
    public BBox TileBounds(long row, long col)
    {
        double spanX = TileSpanX, spanY = TileSpanY;
        var minX = OriginX + col * spanX;
        var maxX = OriginX + (col + 1) * spanX;
        return CornerOfOrigin == CornerOfOrigin.TopLeft
            ? new BBox(minX, OriginY - (row + 1) * spanY, maxX, OriginY - row * spanY)
            : new BBox(minX, OriginY + row * spanY, maxX, OriginY + (row + 1) * spanY);
    }

    /// <summary>
    /// The tiles of this matrix that a box (CRS units, x = east, y = north) overlaps with a positive area, clamped
    /// to the matrix; null when the box lies wholly outside it. A box edge on a tile edge does not select the tile
    /// beyond; a box of zero width or height selects the tile it lies in.
    /// </summary>
    public TileRange? TileRangeCovering(BBox box)
    {
        if (!double.IsFinite(box.MinX) || !double.IsFinite(box.MinY) || !double.IsFinite(box.MaxX) || !double.IsFinite(box.MaxY))
            return null;
        var (minCol, maxCol) = Span((box.MinX - OriginX) / TileSpanX, (box.MaxX - OriginX) / TileSpanX);
        var (minRow, maxRow) = CornerOfOrigin == CornerOfOrigin.TopLeft
            ? Span((OriginY - box.MaxY) / TileSpanY, (OriginY - box.MinY) / TileSpanY)
            : Span((box.MinY - OriginY) / TileSpanY, (box.MaxY - OriginY) / TileSpanY);
        if (maxCol < 0 || minCol >= MatrixWidth || maxRow < 0 || minRow >= MatrixHeight)
            return null;
        return new TileRange(
            Math.Max(0, minRow), Math.Min(MatrixHeight - 1, maxRow),
            Math.Max(0, minCol), Math.Min(MatrixWidth - 1, maxCol));
    }

    /// <summary>First and last tile index of the span [from, to] given in tile units.</summary>
    private static (long First, long Last) Span(double from, double to)
    {
        // Clamp before converting so a box far outside (or a huge one) cannot overflow a long.
        const double limit = 1L << 52;
        from = Math.Clamp(from, -limit, limit);
        to = Math.Clamp(to, -limit, limit);
        var first = (long)Math.Floor(from + EdgeTolerance);
        var last = (long)Math.Ceiling(to - EdgeTolerance) - 1;
        return (first, Math.Max(first, last));
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentException($"{name} must be positive and finite, not {value}.", name);
    }

    public override string ToString() => Id;
}
