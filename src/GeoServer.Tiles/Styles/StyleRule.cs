namespace GeoServer.Tiles.Styles;

/// <summary>
/// One rule: which features (a CQL2 text filter, or the "else" rule taking what no other rule matched), at which
/// scales (min inclusive, max exclusive, as SLD), drawn with which symbolizers in order.
/// </summary>
public sealed class StyleRule
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Filter { get; init; }
    public bool ElseFilter { get; init; }
    public double? MinScaleDenominator { get; init; }
    public double? MaxScaleDenominator { get; init; }
    public IReadOnlyList<Symbolizer> Symbolizers { get; init; } = [];
}
