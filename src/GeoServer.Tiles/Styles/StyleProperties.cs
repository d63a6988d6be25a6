using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// The attributes a style reads (its labels and the properties its rule filters name), so a map asks its store
/// for those columns only. A property whose name merely appears inside a filter's text is counted too: reading
/// one column more is harmless, missing one is not.
/// </summary>
public static class StyleProperties
{
    private static readonly ConditionalWeakTable<CompiledStyle, int[]> Cache = new();

    /// <summary>Positions in the schema of the properties the style needs, computed once per compiled style.</summary>
    public static IReadOnlyList<int> Of(CompiledStyle style, FeatureSchema schema) =>
        Cache.GetValue(style, s => Compute(s, schema));

    private static int[] Compute(CompiledStyle style, FeatureSchema schema)
    {
        var used = new SortedSet<int>();
        foreach (var rule in style.Rules)
        {
            foreach (var text in rule.Symbolizers.OfType<CompiledText>()) used.Add(text.PropertyIndex);
            if (rule.Source.Filter is not { } filter) continue;
            for (int i = 0; i < schema.Properties.Count; i++)
                if (Regex.IsMatch(filter, $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(schema.Properties[i].Name)}(?![\p{{L}}\p{{N}}_])"))
                    used.Add(i);
        }
        return used.ToArray();
    }
}
