namespace GeoServer.Core.Filtering;

/// <summary>The tokens of CQL2 Text.</summary>
internal enum CqlTokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    LeftParen,
    RightParen,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Caret,
}
