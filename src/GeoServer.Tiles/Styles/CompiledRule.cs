using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Styles;

/// <summary>A <see cref="StyleRule"/> ready to apply: its filter compiled, its symbolizers checked.</summary>
public sealed class CompiledRule
{
    private readonly Func<Feature, bool>? _filter;

    internal CompiledRule(StyleRule source, Func<Feature, bool>? filter, IReadOnlyList<CompiledSymbolizer> symbolizers)
    {
        Source = source;
        _filter = filter;
        Symbolizers = symbolizers;
    }

    /// <summary>The rule as written.</summary>
    public StyleRule Source { get; }

    /// <summary>
    /// True for the "else" rule, which takes the features no other rule (applying at the same scale) matched; the
    /// renderer decides, since that depends on the other rules.
    /// </summary>
    public bool IsElse => Source.ElseFilter;

    /// <summary>The symbolizers, in drawing order.</summary>
    public IReadOnlyList<CompiledSymbolizer> Symbolizers { get; }

    /// <summary>Whether the rule applies at this scale denominator: minimum inclusive, maximum exclusive, as SLD.</summary>
    public bool AppliesAt(double scaleDenominator) =>
        (Source.MinScaleDenominator is not { } min || scaleDenominator >= min)
        && (Source.MaxScaleDenominator is not { } max || scaleDenominator < max);

    /// <summary>
    /// Whether the feature passes the rule's filter: true when the rule has none, false for the else rule (see
    /// <see cref="IsElse"/>). SQL's NULL semantics apply: a comparison with a missing value does not match.
    /// </summary>
    public bool Matches(Feature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (IsElse) return false;
        return _filter is null || _filter(feature);
    }
}
