namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Path commands kept in managed memory so that many features drawn alike can be sent to the canvas as one path
/// and filled or stroked once: the canvas has a single current path, and one fill per feature costs more than the
/// rasterising itself on dense layers.
/// </summary>
public sealed class PathBuffer
{
    private enum Op : byte { Move, Line, Close, Marker }

    private Op[] _ops = new Op[256];
    private double[] _values = new double[512];
    private int _opCount, _valueCount;

    /// <summary>Vertices held, to bound memory.</summary>
    public int Size => _opCount;

    /// <summary>Whether the path holds markers (curves), which only the canvas's own stroking can draw.</summary>
    public bool HasMarkers { get; private set; }

    /// <summary>Visits each straight segment of the path, closing segments included.</summary>
    internal void ForEachSegment<T>(ref T visitor) where T : struct, ISegmentVisitor
    {
        int v = 0;
        double startX = 0, startY = 0, lastX = 0, lastY = 0;
        for (int i = 0; i < _opCount; i++)
        {
            switch (_ops[i])
            {
                case Op.Move:
                    startX = lastX = _values[v];
                    startY = lastY = _values[v + 1];
                    v += 2;
                    break;
                case Op.Line:
                    visitor.Segment(lastX, lastY, _values[v], _values[v + 1]);
                    lastX = _values[v];
                    lastY = _values[v + 1];
                    v += 2;
                    break;
                case Op.Close:
                    visitor.Segment(lastX, lastY, startX, startY);
                    lastX = startX;
                    lastY = startY;
                    break;
                case Op.Marker:
                    v += 4;
                    break;
            }
        }
    }

    public void MoveTo(double x, double y) => Add(Op.Move, x, y);
    public void LineTo(double x, double y) => Add(Op.Line, x, y);

    public void ClosePath()
    {
        Reserve(0);
        _ops[_opCount++] = Op.Close;
    }

    /// <summary>A marker of the given shape and size centred on (x, y).</summary>
    public void Marker(MarkerShape shape, double x, double y, double size)
    {
        HasMarkers = true;
        Add(Op.Marker, x, y);
        Reserve(2);
        _values[_valueCount++] = (double)shape;
        _values[_valueCount++] = size;
    }

    /// <summary>Makes the buffer the canvas's current path (replacing it); empties the buffer unless kept.</summary>
    public void SendTo(IMapCanvas canvas, bool keep = false)
    {
        canvas.NewPath();
        int v = 0;
        for (int i = 0; i < _opCount; i++)
        {
            switch (_ops[i])
            {
                case Op.Move: canvas.MoveTo(_values[v], _values[v + 1]); v += 2; break;
                case Op.Line: canvas.LineTo(_values[v], _values[v + 1]); v += 2; break;
                case Op.Close: canvas.ClosePath(); break;
                case Op.Marker:
                    canvas.AddMarker((MarkerShape)_values[v + 2], _values[v], _values[v + 1], _values[v + 3]);
                    v += 4;
                    break;
            }
        }
        if (!keep) Clear();
    }

    public void Clear()
    {
        _opCount = _valueCount = 0;
        HasMarkers = false;
    }

    private void Add(Op op, double x, double y)
    {
        Reserve(2);
        _ops[_opCount++] = op;
        _values[_valueCount++] = x;
        _values[_valueCount++] = y;
    }

    private void Reserve(int values)
    {
        if (_opCount == _ops.Length) Array.Resize(ref _ops, _ops.Length * 2);
        if (_valueCount + values > _values.Length) Array.Resize(ref _values, _values.Length * 2);
    }
}
