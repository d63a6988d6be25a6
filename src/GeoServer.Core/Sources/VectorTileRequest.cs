using GeoServer.Core.Spatial;

namespace GeoServer.Core.Sources;

/// <summary>
/// One layer of one Mapbox Vector Tile, as asked of an <see cref="IVectorTileSource"/> (or of the in-process
/// encoder for sources without that ability). The tile is given in its own CRS, not the source's: a store that
/// encodes tiles itself also transforms, so it sees the tile as the client does.
/// </summary>
public sealed record VectorTileRequest
{
    /// <summary>The MVT default grid size across a tile.</summary>
    public const int DefaultExtent = 4096;

    /// <summary>Grid units kept beyond each tile edge by default, so strokes and labels are not cut where tiles meet.</summary>
    public const int DefaultBuffer = 64;

    /// <summary>Features per layer and tile by default: far more than a legible tile shows, well under a runaway one.</summary>
    public const int DefaultMaxFeatures = 200_000;

    /// <summary>The layer's name inside the tile (unique within a tile).</summary>
    public required string LayerName { get; init; }

    /// <summary>The tile's area in the tile CRS (x = east, y = north), e.g. from a tile matrix.</summary>
    public required BBox Bounds { get; init; }

    /// <summary>EPSG code of the tile CRS (3857 for WebMercatorQuad; 4326 stands for CRS84 too, both being x = longitude here).</summary>
    public required int Srid { get; init; }

    /// <summary>Grid units across the tile.</summary>
    public int Extent { get; init; } = DefaultExtent;

    /// <summary>Grid units kept beyond each tile edge; geometries are clipped there.</summary>
    public int Buffer { get; init; } = DefaultBuffer;

    /// <summary>
    /// The attributes to write, by schema name; null writes every attribute that is not binary. Binary attributes
    /// are left out even when named (MVT has no bytes value). A name the schema lacks is an error.
    /// </summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>
    /// At most this many features in the layer; which of the matches are kept when there are more is unspecified
    /// (a tile is not a page), so callers that care should pick zooms where the limit is not reached.
    /// </summary>
    public int MaxFeatures { get; init; } = DefaultMaxFeatures;

    /// <summary>
    /// The tile grown by <see cref="Buffer"/> grid units on every side, in the tile CRS: the box whose features can
    /// reach the tile.
    /// </summary>
    public BBox BufferedBounds
    {
        get
        {
            double dx = (Bounds.MaxX - Bounds.MinX) * Buffer / Extent, dy = (Bounds.MaxY - Bounds.MinY) * Buffer / Extent;
            return new BBox(Bounds.MinX - dx, Bounds.MinY - dy, Bounds.MaxX + dx, Bounds.MaxY + dy);
        }
    }

    /// <summary>Checks the values a caller could get wrong; throws <see cref="ArgumentException"/> naming the member.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(LayerName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Extent);
        ArgumentOutOfRangeException.ThrowIfNegative(Buffer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxFeatures);
        if (!(Bounds.MaxX > Bounds.MinX) || !(Bounds.MaxY > Bounds.MinY) ||
            !double.IsFinite(Bounds.MaxX - Bounds.MinX) || !double.IsFinite(Bounds.MaxY - Bounds.MinY))
            throw new ArgumentException($"A tile needs a non-empty finite box, not {Bounds}.", nameof(Bounds));
    }
}
