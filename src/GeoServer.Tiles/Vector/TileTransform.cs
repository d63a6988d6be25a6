using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Maps coordinates of a tile's CRS (x = east, y = north) to the tile's own grid: 0 … <see cref="Extent"/> from
/// the west edge to the east and from the north edge to the south (y grows downwards, as MVT and screens have it).
/// </summary>
public sealed class TileTransform
{
    private readonly double _scaleX;
    private readonly double _scaleY;
    private readonly AffineTransformation _affine;

    /// <param name="tileBounds">The tile's area in its CRS (x = east, y = north), e.g. from TileMatrix.TileBounds.</param>
    /// <param name="extent">Grid units across the tile; 4096 is the MVT default.</param>
    /// <exception cref="ArgumentException">The box is empty or not finite, or the extent is not positive.</exception>
    public TileTransform(BBox tileBounds, int extent = MvtTileBuilder.DefaultExtent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(extent);
        if (!(tileBounds.MaxX > tileBounds.MinX) || !(tileBounds.MaxY > tileBounds.MinY) ||
            !double.IsFinite(tileBounds.MaxX - tileBounds.MinX) || !double.IsFinite(tileBounds.MaxY - tileBounds.MinY))
            throw new ArgumentException($"A tile needs a non-empty finite box, not {tileBounds}.", nameof(tileBounds));
        TileBounds = tileBounds;
        Extent = extent;
        _scaleX = extent / (tileBounds.MaxX - tileBounds.MinX);
        _scaleY = extent / (tileBounds.MaxY - tileBounds.MinY);
        // x' = sx·x − sx·minX,  y' = −sy·y + sy·maxY
        _affine = new AffineTransformation(_scaleX, 0, -_scaleX * tileBounds.MinX, 0, -_scaleY, _scaleY * tileBounds.MaxY);
    }

    /// <summary>The tile's area in its CRS (x = east, y = north).</summary>
    public BBox TileBounds { get; }

    /// <summary>Grid units across the tile.</summary>
    public int Extent { get; }

    /// <summary>The tile-grid x (0 at the west edge, <see cref="Extent"/> at the east) of an easting.</summary>
    public double ToTileX(double x) => (x - TileBounds.MinX) * _scaleX;

    /// <summary>The tile-grid y (0 at the north edge, <see cref="Extent"/> at the south) of a northing.</summary>
    public double ToTileY(double y) => (TileBounds.MaxY - y) * _scaleY;

    /// <summary>A copy of <paramref name="geometry"/> (in the tile's CRS) in tile-grid units, not yet rounded.</summary>
    public Geometry ToTileGrid(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return _affine.Transform(geometry);
    }

    /// <summary>
    /// The tile's area grown by <paramref name="buffer"/> grid units on every side, in the tile's CRS: the box to
    /// ask a source for so that features in the buffer are not missed.
    /// </summary>
    public BBox BufferedBounds(int buffer)
    {
        double dx = buffer / _scaleX, dy = buffer / _scaleY;
        return new BBox(TileBounds.MinX - dx, TileBounds.MinY - dy, TileBounds.MaxX + dx, TileBounds.MaxY + dy);
    }
}
