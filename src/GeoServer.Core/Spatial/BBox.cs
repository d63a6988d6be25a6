using NetTopologySuite.Geometries;

namespace GeoServer.Core.Spatial;

/// <summary>
/// An axis-aligned bounding box. X is east (longitude), Y is north (latitude), in the units of the CRS it is
/// given in, whatever that CRS's authoritative axis order; protocol code swaps axes at its edges.
/// </summary>
public readonly record struct BBox(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>True when the boxes share at least one point (touching edges count, as in OGC bbox filtering).</summary>
    public bool Intersects(BBox other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;

    /// <summary>True when <paramref name="other"/> lies wholly inside this box.</summary>
    public bool Contains(BBox other) =>
        MinX <= other.MinX && other.MaxX <= MaxX && MinY <= other.MinY && other.MaxY <= MaxY;

    public Envelope ToEnvelope() => new(MinX, MaxX, MinY, MaxY);

    public static BBox FromEnvelope(Envelope e) => new(e.MinX, e.MinY, e.MaxX, e.MaxY);

    /// <summary>The smallest box holding both.</summary>
    public BBox Union(BBox other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));
}
