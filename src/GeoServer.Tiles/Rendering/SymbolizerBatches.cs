using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// The features of one layer gathered per symbolizer and drawn together when the layer ends: every fill first,
/// then every outline and line in the order their symbolizers were first met, then markers. One fill or stroke per
/// symbolizer instead of one per feature is what makes dense layers fast, and drawing outlines after all fills
/// keeps shared edges whole (a neighbour's fill no longer covers half of them); casings drawn as two line
/// symbolizers join up across the whole network.
/// </summary>
public sealed class SymbolizerBatches
{
    private readonly Dictionary<CompiledSymbolizer, PathBuffer> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly List<CompiledSymbolizer> _order = [];

    /// <summary>Vertices held in all batches.</summary>
    public int Size
    {
        get
        {
            int size = 0;
            foreach (var path in _paths.Values) size += path.Size;
            return size;
        }
    }

    /// <summary>The path features drawn with this symbolizer are added to.</summary>
    public PathBuffer PathOf(CompiledSymbolizer symbolizer)
    {
        if (!_paths.TryGetValue(symbolizer, out var path))
        {
            _paths[symbolizer] = path = new PathBuffer();
            _order.Add(symbolizer);
        }
        return path;
    }

    public void Draw(IMapCanvas canvas)
    {
        foreach (var symbolizer in _order)
            if (symbolizer is CompiledPolygon { Fill: { } fill } polygon)
            {
                _paths[symbolizer].SendTo(canvas, keep: polygon.Outline is not null);
                canvas.Fill(fill);
            }
        foreach (var symbolizer in _order)
        {
            switch (symbolizer)
            {
                case CompiledPolygon { Outline: { } outline }:
                    Stroke(canvas, _paths[symbolizer], outline);
                    break;
                case CompiledLine line:
                    Stroke(canvas, _paths[symbolizer], line.Pen);
                    break;
            }
        }
        foreach (var symbolizer in _order)
            if (symbolizer is CompiledPoint point)
            {
                _paths[symbolizer].SendTo(canvas);
                if (point.Fill is { } fill) canvas.Fill(fill, preservePath: point.Outline is not null);
                if (point.Outline is { } outline) canvas.Stroke(outline);
            }
        foreach (var path in _paths.Values) path.Clear();
    }

    private static void Stroke(IMapCanvas canvas, PathBuffer path, StrokeStyle pen)
    {
        if (pen.Width <= HairlineRasterizer.MaxWidth && pen.Dash is not { Count: > 0 } && !path.HasMarkers)
        {
            canvas.StrokeHairlines(path, pen);
            path.Clear();
            return;
        }
        path.SendTo(canvas);
        canvas.Stroke(pen);
    }
}
