namespace GeoServer.Core.Filtering;

/// <summary>
/// <c>Left Operator Right</c>. Both operands have the same kind of type (string, numeric, boolean or temporal — a date
/// may meet a timestamp), checked by the parser; either may be a property, a literal, CASEI(…) or ACCENTI(…).
/// Booleans are only compared with = and &lt;&gt;.
/// </summary>
public sealed record Comparison(ComparisonOperator Operator, CqlExpression Left, CqlExpression Right) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Left, Right];
}
