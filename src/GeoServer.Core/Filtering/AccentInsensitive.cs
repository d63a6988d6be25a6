namespace GeoServer.Core.Filtering;

/// <summary>
/// ACCENTI(Operand): the string with diacritics removed, so that comparing two ACCENTI values ignores accents
/// (PostgreSQL: unaccent() on both sides). Operand is a string expression.
/// </summary>
public sealed record AccentInsensitive(CqlExpression Operand) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Operand];
}
