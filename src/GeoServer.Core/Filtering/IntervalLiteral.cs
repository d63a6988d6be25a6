namespace GeoServer.Core.Filtering;

/// <summary>
/// INTERVAL(start, end), closed at both ends as in ISO 8601. Each end is a date or timestamp <see cref="Literal"/>, a
/// date/datetime <see cref="PropertyRef"/>, or null for an open end (<c>'..'</c>). Only valid as an operand of a
/// <see cref="TemporalPredicate"/>.
/// </summary>
public sealed record IntervalLiteral(CqlExpression? Start, CqlExpression? End) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children =>
        new[] { Start, End }.Where(e => e is not null).Select(e => e!);
}
