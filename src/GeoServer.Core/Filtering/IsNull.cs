namespace GeoServer.Core.Filtering;

/// <summary><c>Value IS NULL</c>; Value is usually a property (the geometry included).</summary>
public sealed record IsNull(CqlExpression Value) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Value];
}
