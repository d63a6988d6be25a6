namespace GeoServer.Tiles.Styles;

/// <summary>
/// A named way to draw one layer: rules tried in order, every matching rule drawn (as in SLD). Stored as JSON
/// beside the layer (see <see cref="StyleJson"/>) or imported from SLD 1.0 / SE 1.1.
/// </summary>
public sealed class Style
{
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Abstract { get; init; }
    public IReadOnlyList<StyleRule> Rules { get; init; } = [];
}
