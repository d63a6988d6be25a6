namespace GeoServer.Tiles.Styles;

/// <summary>Fills areas and optionally outlines them.</summary>
public sealed class PolygonSymbolizer : Symbolizer
{
    public string? Fill { get; init; } = "#aaaaaa";
    public double FillOpacity { get; init; } = 1;
    public string? Stroke { get; init; }
    public double StrokeWidth { get; init; } = 1;
    public double StrokeOpacity { get; init; } = 1;
    public IReadOnlyList<double>? Dash { get; init; }
}
