using System.Globalization;
using System.Text;

namespace GeoServer.Core.Filtering;

/// <summary>
/// Splits CQL2 Text into tokens on demand, so a long filter is never held twice. Character classes follow the
/// OGC 21-065r2 BNF (identifier, characterLiteral, numericLiteral, whitespace); errors carry the offset.
/// </summary>
internal sealed class CqlTextLexer(string text)
{
    private int _position;

    public CqlToken Next()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            _position++;
        var start = _position;
        if (start >= text.Length)
            return new CqlToken(CqlTokenKind.End, start, start, "");

        var c = text[start];
        switch (c)
        {
            case '(': return Symbol(CqlTokenKind.LeftParen, 1);
            case ')': return Symbol(CqlTokenKind.RightParen, 1);
            case ',': return Symbol(CqlTokenKind.Comma, 1);
            case '=': return Symbol(CqlTokenKind.Equal, 1);
            case '+': return Symbol(CqlTokenKind.Plus, 1);
            case '-': return Symbol(CqlTokenKind.Minus, 1);
            case '*': return Symbol(CqlTokenKind.Star, 1);
            case '/': return Symbol(CqlTokenKind.Slash, 1);
            case '%': return Symbol(CqlTokenKind.Percent, 1);
            case '^': return Symbol(CqlTokenKind.Caret, 1);
            case '<':
                return At(1) switch
                {
                    '>' => Symbol(CqlTokenKind.NotEqual, 2),
                    '=' => Symbol(CqlTokenKind.LessOrEqual, 2),
                    _ => Symbol(CqlTokenKind.Less, 1),
                };
            case '>':
                return At(1) == '=' ? Symbol(CqlTokenKind.GreaterOrEqual, 2) : Symbol(CqlTokenKind.Greater, 1);
            case '!' when At(1) == '=':
                throw new CqlException("'!=' is not CQL2; write <> for 'not equal'", start);
            case '\'':
                return ReadString();
            case '"':
                return ReadQuotedIdentifier();
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(1))))
            return ReadNumber();
        if (IsIdentifierStart(c))
            return ReadIdentifier();
        throw new CqlException($"unexpected character '{c}'", start);
    }

    private char At(int offset) => _position + offset < text.Length ? text[_position + offset] : '\0';

    private CqlToken Symbol(CqlTokenKind kind, int length)
    {
        var start = _position;
        _position += length;
        return new CqlToken(kind, start, _position, text.Substring(start, length));
    }

    /// <summary>
    /// 'text' with '' or \' for a quote, \a \b \t \n \v \f \r for control characters and \\ for a backslash
    /// (OGC 21-065r2 /req/cql2-text/escaping). A backslash before any other character is kept with it, so that
    /// LIKE patterns such as '50\%' reach the LIKE escape rules as written, exactly as the same string in CQL2 JSON.
    /// </summary>
    private CqlToken ReadString()
    {
        var start = _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= text.Length)
                throw new CqlException("unterminated string: a closing ' is missing", start);
            var c = text[_position];
            if (c == '\'')
            {
                if (At(1) != '\'')
                    break;
                value.Append('\'');
                _position += 2;
                continue;
            }
            if (c == '\\' && _position + 1 < text.Length)
            {
                var escaped = text[_position + 1];
                switch (escaped)
                {
                    case '\'': value.Append('\''); break;
                    case '\\': value.Append('\\'); break;
                    case 'a': value.Append('\a'); break;
                    case 'b': value.Append('\b'); break;
                    case 't': value.Append('\t'); break;
                    case 'n': value.Append('\n'); break;
                    case 'v': value.Append('\v'); break;
                    case 'f': value.Append('\f'); break;
                    case 'r': value.Append('\r'); break;
                    default: value.Append(c).Append(escaped); break;
                }
                _position += 2;
                continue;
            }
            value.Append(c);
            _position++;
        }
        _position++;
        return new CqlToken(CqlTokenKind.String, start, _position, value.ToString());
    }

    /// <summary>"name", for queryables that are keywords or not identifiers; "" stands for a quote.</summary>
    private CqlToken ReadQuotedIdentifier()
    {
        var start = _position++;
        var name = new StringBuilder();
        while (true)
        {
            if (_position >= text.Length)
                throw new CqlException("unterminated property name: a closing \" is missing", start);
            var c = text[_position++];
            if (c != '"')
            {
                name.Append(c);
                continue;
            }
            if (At(0) != '"')
                break;
            name.Append('"');
            _position++;
        }
        if (name.Length == 0)
            throw new CqlException("empty property name \"\"", start);
        return new CqlToken(CqlTokenKind.QuotedIdentifier, start, _position, name.ToString());
    }

    /// <summary>An unsigned number: 12, 12.5, .5, 12., 1.5E-3; a sign is a token of its own.</summary>
    private CqlToken ReadNumber()
    {
        var start = _position;
        while (char.IsAsciiDigit(At(0)))
            _position++;
        if (At(0) == '.')
        {
            _position++;
            while (char.IsAsciiDigit(At(0)))
                _position++;
        }
        if (At(0) is 'e' or 'E')
        {
            _position++;
            if (At(0) is '+' or '-')
                _position++;
            if (!char.IsAsciiDigit(At(0)))
                throw new CqlException($"malformed number '{text[start.._position]}': the exponent has no digits", start);
            while (char.IsAsciiDigit(At(0)))
                _position++;
        }
        return new CqlToken(CqlTokenKind.Number, start, _position, text[start.._position]);
    }

    private CqlToken ReadIdentifier()
    {
        var start = _position++;
        while (_position < text.Length && IsIdentifierPart(text[_position]))
            _position++;
        return new CqlToken(CqlTokenKind.Identifier, start, _position, text[start.._position]);
    }

    // BNF identifierStart: ':', '_', and letters of most scripts; supplementary-plane characters are allowed as a whole.
    private static bool IsIdentifierStart(char c) =>
        c is ':' or '_' || char.IsLetter(c) || char.IsSurrogate(c) ||
        char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

    // BNF identifierPart adds '.', digits, combining marks (Vietnamese typed decomposed), ‿ and ⁀, ZWJ and ZWNJ.
    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || c is '.' or '\u00B7' or '\u203F' or '\u2040' or '\u200C' or '\u200D' || char.IsDigit(c) ||
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
