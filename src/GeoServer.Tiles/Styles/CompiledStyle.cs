namespace GeoServer.Tiles.Styles;

/// <summary>A <see cref="Style"/> checked and compiled against one layer's schema by <see cref="StyleCompiler"/>.</summary>
public sealed class CompiledStyle
{
    internal CompiledStyle(Style source, IReadOnlyList<CompiledRule> rules)
    {
        Source = source;
        Rules = rules;
    }

    /// <summary>The style as written.</summary>
    public Style Source { get; }

    /// <summary>Every rule, in the style's order (the drawing order).</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Rules that apply at this scale denominator.</summary>
    public IReadOnlyList<CompiledRule> RulesAt(double scaleDenominator) =>
        Rules.Where(r => r.AppliesAt(scaleDenominator)).ToList();
}
