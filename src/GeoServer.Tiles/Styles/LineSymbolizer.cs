using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>Strokes lines (and the outlines of areas when used on them).</summary>
public sealed class LineSymbolizer : Symbolizer
{
    public string Stroke { get; init; } = "#000000";
    public double StrokeWidth { get; init; } = 1;
    public double StrokeOpacity { get; init; } = 1;
    public IReadOnlyList<double>? Dash { get; init; }
    public LineJoin Join { get; init; } = LineJoin.Round;
    public LineCap Cap { get; init; } = LineCap.Round;
}
