namespace GeoServer.Core.Filtering;

/// <summary>
/// CASEI(Operand): the string with case folded, so that comparing two CASEI values ignores case (SQL: lower() on
/// both sides). Operand is a string expression.
/// </summary>
public sealed record CaseInsensitive(CqlExpression Operand) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Operand];
}
