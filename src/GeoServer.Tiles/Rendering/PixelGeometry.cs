using GeoServer.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// A feature's geometry moved to pixel coordinates and simplified to the pixel: a vertex closer than half a pixel
/// to the last one kept is dropped, because it cannot change the picture. One instance is reused for every
/// feature of a render, so drawing allocates nothing per vertex.
/// </summary>
public sealed class PixelGeometry
{
    private const double MinStepSquared = 0.25;

    private double[] _xy = new double[1024];
    private Part[] _parts = new Part[16];
    private int _vertices;

    /// <summary>Number of rings, lines or points held.</summary>
    public int PartCount { get; private set; }

    /// <summary>Pixel bounds of what is held.</summary>
    public double MinX { get; private set; }
    public double MinY { get; private set; }
    public double MaxX { get; private set; }
    public double MaxY { get; private set; }

    /// <summary>True when everything fits within one pixel: drawing the shape would only blur that pixel.</summary>
    public bool IsSubPixel => MaxX - MinX < 1 && MaxY - MinY < 1;

    public (double X, double Y) Centre => ((MinX + MaxX) / 2, (MinY + MaxY) / 2);

    /// <summary>Loads a geometry in the source's CRS, transforming it to the frame's CRS (null: already there).</summary>
    public void Load(Geometry geometry, CrsTransform? transform, MapFrame frame)
    {
        PartCount = 0;
        _vertices = 0;
        MinX = MinY = double.PositiveInfinity;
        MaxX = MaxY = double.NegativeInfinity;
        Add(geometry, transform, frame);
    }

    /// <summary>The i-th point of a point geometry (parts of one vertex each).</summary>
    public (double X, double Y) PointAt(int part) => (_xy[_parts[part].Start * 2], _xy[_parts[part].Start * 2 + 1]);

    /// <summary>Whether a part is a single vertex (a point).</summary>
    public bool IsPoint(int part) => _parts[part].Count == 1 && !_parts[part].Closed;

    /// <summary>
    /// Adds every ring and line to a path. Shells go clockwise on screen and holes anticlockwise whatever their
    /// stored direction, so the non-zero fill rule leaves holes empty even with many features in one path.
    /// </summary>
    public void AppendTo(PathBuffer path)
    {
        for (int p = 0; p < PartCount; p++)
        {
            var part = _parts[p];
            if (part.Count < 2) continue;
            int i = part.Start * 2;
            bool reverse = part.Closed && (SignedArea(part) < 0) != part.IsHole;
            for (int v = 0; v < part.Count; v++)
            {
                int k = i + (reverse ? part.Count - 1 - v : v) * 2;
                if (v == 0) path.MoveTo(_xy[k], _xy[k + 1]);
                else path.LineTo(_xy[k], _xy[k + 1]);
            }
            if (part.Closed) path.ClosePath();
        }
    }

    /// <summary>Twice the ring's area, positive when clockwise on screen (y down).</summary>
    private double SignedArea(Part part)
    {
        double area = 0;
        int start = part.Start * 2, end = (part.Start + part.Count) * 2;
        for (int a = start, b = end - 2; a < end; b = a, a += 2)
            area += (_xy[b] - _xy[a]) * (_xy[b + 1] + _xy[a + 1]);
        return area;
    }

    /// <summary>The vertex nearest the middle of the longest line part (a place for a line's label).</summary>
    public (double X, double Y)? LineMiddle()
    {
        int best = -1;
        for (int p = 0; p < PartCount; p++)
            if (!_parts[p].Closed && _parts[p].Count >= 2 && (best < 0 || _parts[p].Count > _parts[best].Count)) best = p;
        if (best < 0) return null;
        int mid = _parts[best].Start + _parts[best].Count / 2;
        return (_xy[mid * 2], _xy[mid * 2 + 1]);
    }

    private void Add(Geometry geometry, CrsTransform? transform, MapFrame frame)
    {
        switch (geometry)
        {
            case Point point when !point.IsEmpty:
                AddSequence(point.CoordinateSequence, transform, frame, closed: false);
                break;
            case LineString line:
                AddSequence(line.CoordinateSequence, transform, frame, closed: line is LinearRing);
                break;
            case Polygon polygon when !polygon.IsEmpty:
                AddSequence(polygon.ExteriorRing.CoordinateSequence, transform, frame, closed: true);
                foreach (var hole in polygon.InteriorRings) AddSequence(hole.CoordinateSequence, transform, frame, closed: true, hole: true);
                break;
            case GeometryCollection collection:
                foreach (var member in collection.Geometries) Add(member, transform, frame);
                break;
        }
    }

    private void AddSequence(CoordinateSequence sequence, CrsTransform? transform, MapFrame frame, bool closed, bool hole = false)
    {
        int n = sequence.Count;
        if (n == 0) return;
        EnsureCapacity(n);
        int start = _vertices;
        double lastX = double.NaN, lastY = double.NaN;
        for (int i = 0; i < n; i++)
        {
            double x = sequence.GetX(i), y = sequence.GetY(i);
            transform?.Transform(ref x, ref y);
            x = frame.ToPixelX(x);
            y = frame.ToPixelY(y);
            if (double.IsNaN(x) || double.IsNaN(y)) continue;
            double dx = x - lastX, dy = y - lastY;
            // Keep the last vertex of an open line even when close, so the line reaches its end.
            if (_vertices > start && dx * dx + dy * dy < MinStepSquared && !(i == n - 1 && !closed)) continue;
            _xy[_vertices * 2] = x;
            _xy[_vertices * 2 + 1] = y;
            _vertices++;
            lastX = x;
            lastY = y;
            if (x < MinX) MinX = x;
            if (x > MaxX) MaxX = x;
            if (y < MinY) MinY = y;
            if (y > MaxY) MaxY = y;
        }
        if (_vertices == start) return;
        if (PartCount == _parts.Length) Array.Resize(ref _parts, _parts.Length * 2);
        _parts[PartCount++] = new Part(start, _vertices - start, closed, hole);
    }

    private void EnsureCapacity(int more)
    {
        int needed = (_vertices + more) * 2;
        if (needed > _xy.Length) Array.Resize(ref _xy, Math.Max(needed, _xy.Length * 2));
    }

    private readonly record struct Part(int Start, int Count, bool Closed, bool IsHole);
}
