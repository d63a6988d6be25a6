namespace GeoServer.Core.Filtering;

/// <summary>
/// <c>T_xxx(Left, Right)</c>. Each operand is an instant — a date/datetime <see cref="PropertyRef"/> or a date or
/// timestamp <see cref="Literal"/> — or an <see cref="IntervalLiteral"/>; operators other than After, Before,
/// Disjoint, Equals and Intersects have two intervals. <see cref="Expand"/> gives the same test as plain comparisons.
/// </summary>
public sealed record TemporalPredicate(TemporalOperator Operator, CqlExpression Left, CqlExpression Right) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Left, Right];

    /// <summary>
    /// The same predicate written with <see cref="Comparison"/>, <see cref="And"/>, <see cref="Or"/> and boolean
    /// literals over the operands' start and end instants, so a store needs no temporal functions.
    /// </summary>
    public CqlExpression Expand() => TemporalExpansion.Expand(this);
}
