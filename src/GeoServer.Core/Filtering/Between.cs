namespace GeoServer.Core.Filtering;

/// <summary>
/// <c>Value BETWEEN Low AND High</c>, inclusive at both ends. The three share an ordered kind of type: numeric (as
/// CQL2 requires), or, as an extension, string or temporal.
/// </summary>
public sealed record Between(CqlExpression Value, CqlExpression Low, CqlExpression High) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Value, Low, High];
}
