namespace GeoServer.Core.Filtering;

/// <summary>
/// One token of CQL2 Text: its kind, its span [Start, End) in the text, and its value — an identifier's name, a
/// string's decoded content, a number's digits; the symbol itself for punctuation.
/// </summary>
internal readonly record struct CqlToken(CqlTokenKind Kind, int Start, int End, string Value);
