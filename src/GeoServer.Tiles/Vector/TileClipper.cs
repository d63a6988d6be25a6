using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Cuts a geometry in tile-grid units to the tile plus its buffer, keeping only parts of the geometry's own
/// dimension (a polygon clipped along an edge must not leave stray lines or points).
/// </summary>
internal static class TileClipper
{
    // Overlay on the integer grid (snap-rounding) both clips and makes the polygon valid at the resolution it is
    // encoded at: rings that rounding would make self-touching or collapse are resolved here, as ST_AsMVTGeom does.
    private static readonly PrecisionModel Grid = new(1.0);

    /// <summary>The clipped geometry of <paramref name="dimension"/> (0, 1 or 2), or null when nothing is left.</summary>
    public static Geometry? Clip(Geometry tileGrid, Envelope clip, Dimension dimension)
    {
        var parts = new List<Geometry>();
        Collect(tileGrid, clip, dimension, parts);
        if (parts.Count == 0)
            return null;
        return parts.Count == 1 ? parts[0] : tileGrid.Factory.BuildGeometry(parts);
    }

    private static void Collect(Geometry g, Envelope clip, Dimension dimension, List<Geometry> parts)
    {
        if (g.IsEmpty)
            return;
        switch (g)
        {
            case Point when dimension == Dimension.Point:
                if (clip.Contains(g.Coordinate))
                    parts.Add(g);
                return;
            case LineString line when dimension == Dimension.Curve:
                ClipLine(line, clip, parts);
                return;
            case Polygon or MultiPolygon when dimension == Dimension.Surface:
                ClipArea(g, clip, parts);
                return;
            case GeometryCollection collection when g is not MultiPolygon:
                for (var i = 0; i < collection.NumGeometries; i++)
                    Collect(collection.GetGeometryN(i), clip, dimension, parts);
                return;
        }
    }

    private static void ClipArea(Geometry area, Envelope clip, List<Geometry> parts)
    {
        if (!clip.Intersects(area.EnvelopeInternal))
            return;
        var rectangle = area.Factory.ToGeometry(clip);
        Geometry result;
        try
        {
            result = OverlayNG.Overlay(area, rectangle, SpatialFunction.Intersection, Grid);
        }
        catch (Exception e) when (e is TopologyException or ArgumentException or InvalidOperationException)
        {
            // Invalid input (a self-intersecting ring) can defeat snap-rounding; the buffer(0) repair usually gives
            // the area the source meant, and a feature that still fails is dropped rather than written wrong.
            try
            {
                result = OverlayNG.Overlay(area.Buffer(0), rectangle, SpatialFunction.Intersection, Grid);
            }
            catch (Exception again) when (again is TopologyException or ArgumentException or InvalidOperationException)
            {
                return;
            }
        }
        for (var i = 0; i < result.NumGeometries; i++)
        {
            if (result.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
                parts.Add(polygon);
        }
    }

    /// <summary>
    /// Liang–Barsky on each segment, joining consecutive kept segments into one part; a line that leaves and
    /// re-enters the box becomes several parts. Faster than an overlay and, unlike one, never splits a line at
    /// its own crossings.
    /// </summary>
    private static void ClipLine(LineString line, Envelope clip, List<Geometry> parts)
    {
        if (!clip.Intersects(line.EnvelopeInternal))
            return;
        if (clip.Contains(line.EnvelopeInternal))
        {
            parts.Add(line);
            return;
        }
        var seq = line.CoordinateSequence;
        List<Coordinate>? current = null;
        for (var i = 0; i + 1 < seq.Count; i++)
        {
            double x0 = seq.GetX(i), y0 = seq.GetY(i), x1 = seq.GetX(i + 1), y1 = seq.GetY(i + 1);
            double ax = x0, ay = y0, bx = x1, by = y1;
            if (!ClipSegment(clip, ref ax, ref ay, ref bx, ref by))
            {
                Flush(ref current, line.Factory, parts);
                continue;
            }
            if (current is not null && (current[^1].X != ax || current[^1].Y != ay))
                Flush(ref current, line.Factory, parts);
            current ??= [new Coordinate(ax, ay)];
            current.Add(new Coordinate(bx, by));
            if (bx != x1 || by != y1)
                Flush(ref current, line.Factory, parts);
        }
        Flush(ref current, line.Factory, parts);
    }

    private static void Flush(ref List<Coordinate>? current, GeometryFactory factory, List<Geometry> parts)
    {
        if (current is { Count: >= 2 })
            parts.Add(factory.CreateLineString(current.ToArray()));
        current = null;
    }

    private static bool ClipSegment(Envelope clip, ref double ax, ref double ay, ref double bx, ref double by)
    {
        double dx = bx - ax, dy = by - ay, t0 = 0, t1 = 1;
        if (!Edge(-dx, ax - clip.MinX, ref t0, ref t1) || !Edge(dx, clip.MaxX - ax, ref t0, ref t1) ||
            !Edge(-dy, ay - clip.MinY, ref t0, ref t1) || !Edge(dy, clip.MaxY - ay, ref t0, ref t1))
            return false;
        double sx = ax, sy = ay;
        if (t1 < 1)
        {
            bx = sx + t1 * dx;
            by = sy + t1 * dy;
        }
        if (t0 > 0)
        {
            ax = sx + t0 * dx;
            ay = sy + t0 * dy;
        }
        return true;
    }

    private static bool Edge(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
            return q >= 0;
        var r = q / p;
        if (p < 0)
        {
            if (r > t1) return false;
            if (r > t0) t0 = r;
        }
        else
        {
            if (r < t0) return false;
            if (r < t1) t1 = r;
        }
        return true;
    }
}
