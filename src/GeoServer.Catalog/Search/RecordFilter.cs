using System.Text;
using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;

namespace GeoServer.Catalog.Search;

/// <summary>
/// A filter over <see cref="Queryables.Schema"/> made ready to run on the index: text literals are folded as the
/// record values are (so every text comparison ignores case and diacritics, as catalog users expect), and equality
/// with a many-valued queryable becomes a test on one of its values.
/// </summary>
public static class RecordFilter
{
    /// <summary>The compiled test; throws <see cref="CqlException"/> when the tree does not fit the queryables.</summary>
    public static Func<Feature, bool> Compile(CqlExpression filter) =>
        CqlEvaluator.Compile(filter.Rewrite(Prepare), Queryables.Schema);

    /// <summary>
    /// A cheap necessary condition of the filter, or null: for each LIKE '%text%' the filter requires (alone or under
    /// AND), the folded text must occur in the property's value. Checked with an ordinal substring search before the
    /// compiled filter runs, so a catalog-wide AnyText search runs the pattern only on the few records that can match.
    /// </summary>
    public static Func<Feature, bool>? Prefilter(CqlExpression filter)
    {
        var required = Required(filter).ToList();
        if (required.Count == 0) return null;
        return feature =>
        {
            foreach (var (index, text) in required)
                if (feature.Values[index] is not string value || !value.Contains(text, StringComparison.Ordinal)) return false;
            return true;
        };
    }

    private static IEnumerable<(int Index, string Text)> Required(CqlExpression filter)
    {
        if (filter is And and)
        {
            foreach (var operand in and.Operands)
                foreach (var r in Required(operand)) yield return r;
        }
        else if (filter is Like { Value: PropertyRef { Property: not null } property, Pattern: Literal { Value: string pattern } }
                 && pattern.Length > 2 && pattern[0] == '%' && pattern[^1] == '%' && pattern[1..^1].IndexOfAny(['%', '_', '\\']) < 0)
        {
            int index = Queryables.Schema.IndexOf(property.Name);
            if (index >= 0) yield return (index, TextFolding.Fold(pattern[1..^1]));
        }
    }

    private static CqlExpression Prepare(CqlExpression node) => node switch
    {
        Literal { Type: LiteralType.String, Value: string text } => Literal.Text(TextFolding.Fold(text)),
        Comparison { Operator: ComparisonOperator.Equal or ComparisonOperator.NotEqual } c when ManyValued(c.Left) && c.Right is Literal { Value: string v } =>
            OneOf(c.Operator, c.Left, v),
        Comparison { Operator: ComparisonOperator.Equal or ComparisonOperator.NotEqual } c when ManyValued(c.Right) && c.Left is Literal { Value: string v } =>
            OneOf(c.Operator, c.Right, v),
        Like { Pattern: Literal { Value: string p } } like when ManyValued(like.Value) =>
            new Like(like.Value, Literal.Text($"%{Queryables.ValueSeparator}{p}{Queryables.ValueSeparator}%")),
        _ => node,
    };

    private static bool ManyValued(CqlExpression e) => e is PropertyRef { Name: var name } && Queryables.ManyValued.Contains(name);

    private static CqlExpression OneOf(ComparisonOperator op, CqlExpression property, string value)
    {
        var like = new Like(property, Literal.Text($"%{Queryables.ValueSeparator}{EscapeLike(value)}{Queryables.ValueSeparator}%"));
        return op == ComparisonOperator.Equal ? like : new Not(like);
    }

    /// <summary>The text as a LIKE pattern that matches only itself.</summary>
    public static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
