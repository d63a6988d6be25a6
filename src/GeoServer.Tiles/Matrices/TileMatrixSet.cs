using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Matrices;

/// <summary>
/// A tile matrix set (OGC 17-083r4, Two Dimensional Tile Matrix Set 2.0): the levels of a tiling scheme in one CRS,
/// ordered from the coarsest to the finest. All coordinates are (x = east, y = north) in CRS units whatever the
/// CRS's authoritative axis order; <see cref="TileMatrixSetJson"/> swaps at the JSON edge. Immutable and safe to
/// share.
/// </summary>
public sealed class TileMatrixSet
{
    // OGC 17-083r4 §6.1.1: a degree is taken as 2π × 6 378 137 m / 360 (the WGS 84 equatorial circumference), so
    // that scale denominators of geographic sets are comparable with those of projected ones.
    private const double MetersPerDegree = 2 * Math.PI * 6378137.0 / 360.0;

    /// <summary>The standard rendering pixel size in metres (0.28 mm), which links scale denominators to cell sizes.</summary>
    public const double StandardPixelSize = 0.00028;

    private readonly Dictionary<string, TileMatrix> _byId;

    /// <param name="id">Identifier used in URLs, e.g. "WebMercatorQuad".</param>
    /// <param name="title">Human-readable title.</param>
    /// <param name="description">Longer description, or null.</param>
    /// <param name="uri">The set's registered URI (e.g. in the OGC register), or null for a local set.</param>
    /// <param name="crs">The CRS of every matrix in the set.</param>
    /// <param name="orderedAxes">Axis abbreviations in the CRS's authoritative order, e.g. ["Lon", "Lat"].</param>
    /// <param name="wellKnownScaleSet">URI of the well-known scale set the levels follow, or null.</param>
    /// <param name="boundingBox">Extent of interest in CRS units (x = east, y = north), or null.</param>
    /// <param name="tileMatrices">The levels, coarsest first.</param>
    /// <exception cref="ArgumentException">No matrices, or two with the same identifier.</exception>
    public TileMatrixSet(string id, string title, string? description, string? uri, CrsDefinition crs,
        IReadOnlyList<string> orderedAxes, string? wellKnownScaleSet, BBox? boundingBox, IReadOnlyList<TileMatrix> tileMatrices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(crs);
        ArgumentNullException.ThrowIfNull(orderedAxes);
        ArgumentNullException.ThrowIfNull(tileMatrices);
        if (tileMatrices.Count == 0)
            throw new ArgumentException($"Tile matrix set {id} has no tile matrices.", nameof(tileMatrices));
        _byId = new Dictionary<string, TileMatrix>(StringComparer.Ordinal);
        foreach (var matrix in tileMatrices)
        {
            if (!_byId.TryAdd(matrix.Id, matrix))
                throw new ArgumentException($"Tile matrix set {id} has two tile matrices with id {matrix.Id}.", nameof(tileMatrices));
        }
        Id = id;
        Title = title;
        Description = description;
        Uri = uri;
        Crs = crs;
        OrderedAxes = orderedAxes;
        WellKnownScaleSet = wellKnownScaleSet;
        BoundingBox = boundingBox;
        TileMatrices = tileMatrices;
    }

    /// <summary>Identifier used in URLs, e.g. "WebMercatorQuad".</summary>
    public string Id { get; }

    /// <summary>Human-readable title.</summary>
    public string Title { get; }

    /// <summary>Longer description, or null.</summary>
    public string? Description { get; }

    /// <summary>The set's registered URI, e.g. <c>http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad</c>, or null.</summary>
    public string? Uri { get; }

    /// <summary>The CRS of every matrix in the set.</summary>
    public CrsDefinition Crs { get; }

    /// <summary>Axis abbreviations in the CRS's authoritative order, as the JSON encoding lists them.</summary>
    public IReadOnlyList<string> OrderedAxes { get; }

    /// <summary>URI of the well-known scale set the levels follow, or null.</summary>
    public string? WellKnownScaleSet { get; }

    /// <summary>Extent of interest in CRS units (x = east, y = north), or null when the set declares none.</summary>
    public BBox? BoundingBox { get; }

    /// <summary>The levels, coarsest first; for the quad-trees here the index is also the zoom level.</summary>
    public IReadOnlyList<TileMatrix> TileMatrices { get; }

    /// <summary>
    /// Metres per CRS unit, as the standard links scale and cell size: 1 for the projected (metre) CRSs the server
    /// knows, 2π × 6 378 137 / 360 for geographic ones.
    /// </summary>
    public double MetersPerUnit => Crs.IsGeographic ? MetersPerDegree : 1.0;

    /// <summary>The matrix with this identifier (ordinal comparison), or null.</summary>
    public TileMatrix? Find(string? matrixId) =>
        matrixId is not null && _byId.TryGetValue(matrixId, out var matrix) ? matrix : null;

    /// <summary>Whether tile (row, col) of matrix <paramref name="matrixId"/> exists.</summary>
    public TileCheck Check(string? matrixId, long row, long col) =>
        Find(matrixId) is { } matrix ? matrix.Check(row, col) : TileCheck.UnknownTileMatrix;

    /// <summary>
    /// The matrix whose cell size is nearest to <paramref name="cellSize"/> (CRS units per pixel) on a logarithmic
    /// scale, so 1.4× too fine and 1.4× too coarse count alike; ties go to the finer matrix.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cell size is not positive and finite.</exception>
    public TileMatrix MatrixForCellSize(double cellSize)
    {
        if (!double.IsFinite(cellSize) || cellSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "A cell size must be positive and finite.");
        TileMatrix best = TileMatrices[0];
        var bestDistance = double.PositiveInfinity;
        foreach (var matrix in TileMatrices)
        {
            var distance = Math.Abs(Math.Log(matrix.CellSize / cellSize));
            if (distance < bestDistance - 1e-12 || (Math.Abs(distance - bestDistance) <= 1e-12 && matrix.CellSize < best.CellSize))
            {
                best = matrix;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The matrix whose scale denominator is nearest to <paramref name="scaleDenominator"/> (see <see cref="MatrixForCellSize"/>).</summary>
    public TileMatrix MatrixForScaleDenominator(double scaleDenominator) =>
        MatrixForCellSize(scaleDenominator * StandardPixelSize / MetersPerUnit);

    public override string ToString() => Id;
}
