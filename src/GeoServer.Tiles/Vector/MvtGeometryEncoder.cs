using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Writes a clipped tile-grid geometry as MVT commands (spec 4.3): coordinates rounded to integers, consecutive
/// duplicates dropped, lines shorter than two points and rings with no area removed, exterior rings wound with a
/// positive surveyor's area in tile coordinates (clockwise on screen) and interior rings the opposite way.
/// One instance per layer; its buffers are reused from feature to feature.
/// </summary>
internal sealed class MvtGeometryEncoder
{
    private const uint MoveTo = 1;
    private const uint LineTo = 2;
    private const uint ClosePath = 7;

    private readonly List<(int X, int Y)> _points = [];
    private int _cursorX;
    private int _cursorY;

    /// <summary>
    /// Appends the commands of <paramref name="geometry"/>'s parts of <paramref name="dimension"/> to
    /// <paramref name="commands"/>; returns the feature type, or Unknown when nothing survived.
    /// </summary>
    public MvtGeometryType Encode(Geometry geometry, Dimension dimension, Envelope clip, List<uint> commands)
    {
        _cursorX = _cursorY = 0;
        commands.Clear();
        switch (dimension)
        {
            case Dimension.Point:
                _points.Clear();
                CollectPoints(geometry, clip);
                if (_points.Count == 0)
                    return MvtGeometryType.Unknown;
                commands.Add(Command(MoveTo, _points.Count));
                foreach (var (x, y) in _points)
                    AddDelta(commands, x, y);
                return MvtGeometryType.Point;
            case Dimension.Curve:
                EachPart<LineString>(geometry, line => EncodeLine(line, commands));
                return commands.Count > 0 ? MvtGeometryType.LineString : MvtGeometryType.Unknown;
            case Dimension.Surface:
                EachPart<Polygon>(geometry, polygon => EncodePolygon(polygon, commands));
                return commands.Count > 0 ? MvtGeometryType.Polygon : MvtGeometryType.Unknown;
            default:
                return MvtGeometryType.Unknown;
        }
    }

    private static void EachPart<T>(Geometry geometry, Action<T> action) where T : Geometry
    {
        if (geometry is T part)
        {
            action(part);
            return;
        }
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var child = geometry.GetGeometryN(i);
            if (!ReferenceEquals(child, geometry))
                EachPart(child, action);
        }
    }

    private void CollectPoints(Geometry geometry, Envelope clip)
    {
        if (geometry is Point point)
        {
            if (!point.IsEmpty && clip.Contains(point.X, point.Y))
                _points.Add((Round(point.X), Round(point.Y)));
            return;
        }
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var child = geometry.GetGeometryN(i);
            if (!ReferenceEquals(child, geometry))
                CollectPoints(child, clip);
        }
    }

    private void EncodeLine(LineString line, List<uint> commands)
    {
        Quantise(line.CoordinateSequence, ring: false);
        if (_points.Count < 2)
            return;
        commands.Add(Command(MoveTo, 1));
        AddDelta(commands, _points[0].X, _points[0].Y);
        commands.Add(Command(LineTo, _points.Count - 1));
        for (var i = 1; i < _points.Count; i++)
            AddDelta(commands, _points[i].X, _points[i].Y);
    }

    private void EncodePolygon(Polygon polygon, List<uint> commands)
    {
        if (!EncodeRing(polygon.ExteriorRing, exterior: true, commands))
            return; // holes of a vanished shell would be read as shells of the next polygon
        for (var i = 0; i < polygon.NumInteriorRings; i++)
            EncodeRing(polygon.GetInteriorRingN(i), exterior: false, commands);
    }

    private bool EncodeRing(LineString ring, bool exterior, List<uint> commands)
    {
        Quantise(ring.CoordinateSequence, ring: true);
        if (_points.Count < 3)
            return false;
        long area2 = 0;
        for (int i = 0, n = _points.Count; i < n; i++)
        {
            var (x0, y0) = _points[i];
            var (x1, y1) = _points[(i + 1) % n];
            area2 += (long)x0 * y1 - (long)x1 * y0;
        }
        if (area2 == 0)
            return false;
        if (area2 > 0 != exterior)
            _points.Reverse();
        commands.Add(Command(MoveTo, 1));
        AddDelta(commands, _points[0].X, _points[0].Y);
        commands.Add(Command(LineTo, _points.Count - 1));
        for (var i = 1; i < _points.Count; i++)
            AddDelta(commands, _points[i].X, _points[i].Y);
        commands.Add(Command(ClosePath, 1));
        return true;
    }

    /// <summary>Rounds into <see cref="_points"/>, dropping repeats; for a ring, also the closing point.</summary>
    private void Quantise(CoordinateSequence seq, bool ring)
    {
        _points.Clear();
        for (var i = 0; i < seq.Count; i++)
        {
            var p = (Round(seq.GetX(i)), Round(seq.GetY(i)));
            if (_points.Count == 0 || _points[^1] != p)
                _points.Add(p);
        }
        if (ring)
        {
            while (_points.Count > 1 && _points[^1] == _points[0])
                _points.RemoveAt(_points.Count - 1);
        }
    }

    private void AddDelta(List<uint> commands, int x, int y)
    {
        commands.Add(ProtobufWriter.ZigZag(x - _cursorX));
        commands.Add(ProtobufWriter.ZigZag(y - _cursorY));
        _cursorX = x;
        _cursorY = y;
    }

    private static uint Command(uint id, int count) => (id & 0x7) | ((uint)count << 3);

    // Clipping bounds every coordinate to the tile plus its buffer, so the cast cannot overflow.
    private static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);
}
