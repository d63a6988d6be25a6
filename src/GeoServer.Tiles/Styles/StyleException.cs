namespace GeoServer.Tiles.Styles;

/// <summary>
/// A style that cannot be read or used: malformed JSON or SLD, a bad colour, a filter that does not parse against
/// the layer, a label naming an unknown property. <see cref="Exception.Message"/> says where (JSON path, XML line
/// and position, or rule) and what is wrong, for the person who wrote the style.
/// </summary>
public sealed class StyleException : Exception
{
    /// <summary>A problem described in full by <paramref name="message"/>.</summary>
    public StyleException(string message)
        : base(message)
    {
    }

    /// <summary>A problem found by a reader or parser, kept as the inner exception.</summary>
    public StyleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
