namespace GeoServer.Tiles.Styles;

/// <summary>Labels features with the value of a property, with a halo so labels stay readable over the map.</summary>
public sealed class TextSymbolizer : Symbolizer
{
    public required string Label { get; init; }
    public string FontFamily { get; init; } = "DejaVu Sans";
    public double FontSize { get; init; } = 12;
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public string Fill { get; init; } = "#000000";
    public string? Halo { get; init; } = "#ffffff";
    public double HaloRadius { get; init; } = 1.5;
    public double OffsetX { get; init; }
    public double OffsetY { get; init; }
}
