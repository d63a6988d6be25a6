using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoServer.Core.Crs;

/// <summary>
/// Moves coordinates from one CRS to another. Every coordinate here is (x = east/longitude, y = north/latitude),
/// whatever the CRSs' authoritative axis order; heights (Z) pass through unchanged. Immutable and safe to use
/// from many threads; get one from <see cref="CrsRegistry.GetTransform"/>.
/// </summary>
public sealed class CrsTransform
{
    // Between neighbouring points an edge's image is nearly straight: the result can miss the curve between two of
    // them by under 2 m for a 3-degree box in a Vietnamese TM-3 zone, and by a hundredth of that for a box ten
    // times smaller (the miss grows with the square of the box size).
    private const int PointsPerEdge = 20;

    // ProjNET transforms read only fields set at construction (checked in ProjNET 2.0.0: ConcatenatedTransform,
    // DatumTransform, GeocentricTransform, MapProjection and its projections), so one instance serves every
    // thread as long as nobody calls Invert() on it, which this class never does and never exposes.
    // Measured against cs2cs: projections agree to 0.1 mm; datum shifts put latitude up to 1.5 mm north of PROJ's
    // in Vietnam, from ProjNET's one-step (Bowring) geocentric-to-geodetic formula.
    private readonly MathTransform? _math;
    private readonly PointTransform? _closedForm;
    private readonly SequenceFilter? _filter;

    /// <summary>Moves one point in place (x = east, y = north).</summary>
    internal delegate void PointTransform(ref double x, ref double y);

    internal CrsTransform(CrsDefinition from, CrsDefinition to, MathTransform? math, PointTransform? closedForm = null)
    {
        From = from;
        To = to;
        _math = math;
        _closedForm = closedForm;
        _filter = math is null ? null : new SequenceFilter(this);
    }

    /// <summary>The CRS of the input coordinates.</summary>
    public CrsDefinition From { get; }

    /// <summary>The CRS of the output coordinates.</summary>
    public CrsDefinition To { get; }

    /// <summary>True when coordinates come out as they go in (same CRS, or CRS84 and EPSG:4326).</summary>
    public bool IsIdentity => _math is null;

    /// <summary>Transforms one point in place, x = east/longitude, y = north/latitude.</summary>
    public void Transform(ref double x, ref double y)
    {
        if (_closedForm is not null) _closedForm(ref x, ref y);
        else _math?.Transform(ref x, ref y);
    }

    /// <summary>
    /// A transformed copy of the geometry whose SRID is the target's EPSG code (4326 for CRS84); the same instance
    /// when <see cref="IsIdentity"/>.
    /// </summary>
    public Geometry Transform(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (_filter is null)
            return geometry;
        var copy = geometry.Copy();
        copy.Apply(_filter);
        copy.SRID = To.Epsg ?? 4326;
        return copy;
    }

    /// <summary>
    /// The box in the target CRS that covers the image of <paramref name="box"/>, found by transforming 20 points
    /// along each edge, because straight edges come out curved. A geographic box is first clipped to the target's
    /// <see cref="CrsDefinition.MaxLatitude"/>; a box with no image there gives a box of NaN, which intersects
    /// nothing.
    /// </summary>
    public BBox Transform(BBox box)
    {
        if (_math is null)
            return box;

        var (minX, minY, maxX, maxY) = box;
        if (From.IsGeographic)
        {
            var limit = To.MaxLatitude ?? 90;
            minY = Math.Max(minY, -limit);
            maxY = Math.Min(maxY, limit);
        }
        if (!(minX <= maxX && minY <= maxY))
            return new BBox(double.NaN, double.NaN, double.NaN, double.NaN);

        double outMinX = double.PositiveInfinity, outMinY = double.PositiveInfinity;
        double outMaxX = double.NegativeInfinity, outMaxY = double.NegativeInfinity;
        var width = maxX - minX;
        var height = maxY - minY;
        for (var i = 0; i < PointsPerEdge; i++)
        {
            var t = (double)i / PointsPerEdge;
            Include(minX + t * width, minY);
            Include(maxX, minY + t * height);
            Include(maxX - t * width, maxY);
            Include(minX, maxY - t * height);
        }
        return outMinX <= outMaxX
            ? new BBox(outMinX, outMinY, outMaxX, outMaxY)
            : new BBox(double.NaN, double.NaN, double.NaN, double.NaN);

        void Include(double x, double y)
        {
            Transform(ref x, ref y);
            // Points a projection cannot map (a pole in Mercator) come back NaN or infinite; the rest still cover.
            if (!double.IsFinite(x) || !double.IsFinite(y))
                return;
            outMinX = Math.Min(outMinX, x);
            outMinY = Math.Min(outMinY, y);
            outMaxX = Math.Max(outMaxX, x);
            outMaxY = Math.Max(outMaxY, y);
        }
    }

    /// <summary>Transforms whole coordinate sequences in place, reading and writing ordinates without allocating.</summary>
    private sealed class SequenceFilter(CrsTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var x = seq.GetX(i);
                var y = seq.GetY(i);
                transform.Transform(ref x, ref y);
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
