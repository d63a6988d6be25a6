namespace GeoServer.Tiles.Styles;

/// <summary>
/// The styles an SLD document holds, and what of it could not be carried over (one sentence each, naming the
/// element, its line, the style and the rule), for the person importing it to read.
/// </summary>
public sealed record SldImportResult(IReadOnlyList<Style> Styles, IReadOnlyList<string> Warnings);
