namespace GeoServer.Core.Filtering;

/// <summary>
/// Limits that keep a hostile filter from exhausting stack or memory, and the names of the layer's geometry. Every
/// limit exceeded is a <see cref="CqlException"/>.
/// </summary>
public sealed class CqlParserOptions
{
    public static readonly CqlParserOptions Default = new();

    /// <summary>Longest filter accepted, in characters (UTF-16 code units) of text or JSON.</summary>
    public int MaxLength { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of parentheses, NOT, functions and JSON objects.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes in the tree (properties, literals, operators; a geometry counts as one).</summary>
    public int MaxNodes { get; init; } = 10_000;

    /// <summary>Most coordinate tuples in all geometry literals of the filter together.</summary>
    public int MaxCoordinates { get; init; } = 100_000;

    /// <summary>
    /// Names that address the layer's geometry (<see cref="PropertyRef.IsGeometry"/>) when no attribute is so
    /// named; add the store's geometry column to accept it too.
    /// </summary>
    public IReadOnlyList<string> GeometryNames { get; init; } = ["geometry", "geom"];
}
