using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>Draws a marker at points (and at the interior point of lines and areas).</summary>
public sealed class PointSymbolizer : Symbolizer
{
    public MarkerShape Shape { get; init; } = MarkerShape.Circle;
    public double Size { get; init; } = 6;
    public string? Fill { get; init; } = "#3366cc";
    public string? Stroke { get; init; }
    public double StrokeWidth { get; init; } = 1;
    public double Opacity { get; init; } = 1;
}
