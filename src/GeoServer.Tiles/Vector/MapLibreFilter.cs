using System.Text.Json.Nodes;
using GeoServer.Core.Filtering;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Turns a style rule's CQL2 filter into a MapLibre expression over the tile's attributes: logic, comparisons, IN,
/// BETWEEN and IS NULL. Returns null for what MapLibre cannot say the same way (LIKE, CASEI/ACCENTI, spatial and
/// temporal functions), so the caller can report the rule instead of drawing it wrongly.
/// </summary>
public static class MapLibreFilter
{
    public static JsonNode? Translate(CqlExpression filter) => filter switch
    {
        And and => Combine("all", and.Operands),
        Or or => Combine("any", or.Operands),
        Not not => Translate(not.Operand) is { } inner ? new JsonArray("!", inner) : null,
        Comparison { Left: PropertyRef p, Right: Literal l } c => new JsonArray(c.Operator == ComparisonOperator.NotEqual ? "!=" : c.Operator == ComparisonOperator.Equal ? "==" : c.Operator.Symbol(), Get(p), Value(l)),
        Comparison { Left: Literal l, Right: PropertyRef p } c => new JsonArray(Mirror(c.Operator), Get(p), Value(l)),
        In { Value: PropertyRef p } @in when @in.Values.All(v => v is Literal) =>
            new JsonArray("in", Get(p), new JsonArray("literal", new JsonArray(@in.Values.Cast<Literal>().Select(Value).ToArray()))),
        Between { Value: PropertyRef p, Low: Literal low, High: Literal high } =>
            new JsonArray("all", new JsonArray(">=", Get(p), Value(low)), new JsonArray("<=", Get(p), Value(high))),
        IsNull { Value: PropertyRef p } => new JsonArray("!", new JsonArray("has", p.Name)),
        Literal { Value: bool b } => JsonValue.Create(b),
        _ => null,
    };

    private static JsonNode? Combine(string op, IReadOnlyList<CqlExpression> operands)
    {
        var array = new JsonArray(op);
        foreach (var operand in operands)
        {
            if (Translate(operand) is not { } node) return null;
            array.Add(node);
        }
        return array;
    }

    private static JsonArray Get(PropertyRef property) => new("get", property.Name);

    private static JsonNode? Value(Literal literal) => literal.Value switch
    {
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        var other => JsonValue.Create(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>"5 &lt; x" is "x &gt; 5".</summary>
    private static string Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => ">",
        ComparisonOperator.LessThanOrEqual => ">=",
        ComparisonOperator.GreaterThan => "<",
        ComparisonOperator.GreaterThanOrEqual => "<=",
        ComparisonOperator.NotEqual => "!=",
        _ => "==",
    };
}
