namespace GeoServer.Core.Filtering;

/// <summary>
/// <c>S_xxx(Left, Right)</c>. Each operand is the layer's geometry (<see cref="PropertyRef"/> with
/// <see cref="PropertyRef.IsGeometry"/>) or a <see cref="GeometryLiteral"/>; literals are in the filter CRS.
/// </summary>
public sealed record SpatialPredicate(SpatialOperator Operator, CqlExpression Left, CqlExpression Right) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Left, Right];
}
