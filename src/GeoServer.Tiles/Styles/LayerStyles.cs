namespace GeoServer.Tiles.Styles;

/// <summary>The styles a layer may be drawn with; the first is its default.</summary>
public sealed class LayerStyles(IReadOnlyList<CompiledStyle> styles)
{
    public IReadOnlyList<CompiledStyle> All { get; } = styles.Count > 0 ? styles
        : throw new ArgumentException("A layer needs at least one style.", nameof(styles));

    public CompiledStyle Default => All[0];

    /// <summary>The style named so (empty or "default": the default), or null.</summary>
    public CompiledStyle? Find(string? name) =>
        string.IsNullOrEmpty(name) || name.Equals("default", StringComparison.OrdinalIgnoreCase) ? Default
        : All.FirstOrDefault(s => s.Source.Name == name);
}
