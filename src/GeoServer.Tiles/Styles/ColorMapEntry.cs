namespace GeoServer.Tiles.Styles;

/// <summary>One stop of a raster colour ramp: the colour at a value, and its legend label (default: the value).</summary>
public sealed class ColorMapEntry
{
    public double Value { get; init; }
    public string Color { get; init; } = "#000000";
    public double Opacity { get; init; } = 1;
    public string? Label { get; init; }
}
