namespace GeoServer.Core.Filtering;

/// <summary>
/// Negation (SQL three-valued NOT). The text forms <c>NOT LIKE</c>, <c>NOT BETWEEN</c>, <c>NOT IN</c> and
/// <c>IS NOT NULL</c> parse to a Not around the positive predicate, as CQL2 JSON writes them.
/// </summary>
public sealed record Not(CqlExpression Operand) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Operand];
}
