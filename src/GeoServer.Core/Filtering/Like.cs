namespace GeoServer.Core.Filtering;

/// <summary>
/// <c>Value LIKE Pattern</c>: Value is a string expression; Pattern is a string <see cref="Literal"/>, possibly inside
/// <see cref="CaseInsensitive"/>/<see cref="AccentInsensitive"/>. In the pattern <c>%</c> matches any run of
/// characters, <c>_</c> one character, and <c>\</c> escapes the next character (never the last one); the match is
/// case-sensitive unless CASEI says otherwise (SQLite's LIKE is not, by default).
/// </summary>
public sealed record Like(CqlExpression Value, CqlExpression Pattern) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [Value, Pattern];
}
