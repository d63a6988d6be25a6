namespace GeoServer.Core.Filtering;

/// <summary>
/// A filter that cannot be parsed, names an unknown queryable, mixes types or exceeds a limit; the protocol layer
/// answers it with 400 Bad Request. <see cref="Exception.Message"/> names the problem and where it is.
/// </summary>
public sealed class CqlException : Exception
{
    /// <summary>A problem in CQL2 Text at a 0-based character offset.</summary>
    public CqlException(string reason, int position)
        : base($"{reason} (at position {position})")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>A problem in CQL2 JSON at a path such as <c>$.args[1]</c>.</summary>
    public CqlException(string reason, string jsonPath)
        : base($"{reason} (at {jsonPath})")
    {
        Reason = reason;
        Position = -1;
        JsonPath = jsonPath;
    }

    /// <summary>The problem without its location.</summary>
    public string Reason { get; }

    /// <summary>0-based character offset in CQL2 Text; -1 for CQL2 JSON.</summary>
    public int Position { get; }

    /// <summary>JSONPath of the offending value in CQL2 JSON (<c>$</c> is the whole filter); null for CQL2 Text.</summary>
    public string? JsonPath { get; }
}
