namespace GeoServer.Core.Filtering;

/// <summary>
/// Counts what one parse builds against <see cref="CqlParserOptions"/>, so a hostile filter fails early with a
/// <see cref="CqlException"/> rather than exhausting the stack or memory. Each method returns the reason to fail, or null.
/// </summary>
internal sealed class CqlBudget(CqlParserOptions options)
{
    private int _nodes;
    private int _coordinates;

    public CqlParserOptions Options => options;

    public string? Length(int length) =>
        length > options.MaxLength ? $"the filter is {length} characters long; the limit is {options.MaxLength}" : null;

    public string? Depth(int depth) =>
        depth > options.MaxDepth ? $"the filter nests deeper than {options.MaxDepth} levels" : null;

    public string? Node() =>
        ++_nodes > options.MaxNodes ? $"the filter has more than {options.MaxNodes} terms" : null;

    public string? Coordinate() =>
        ++_coordinates > options.MaxCoordinates
            ? $"the filter's geometries have more than {options.MaxCoordinates} positions"
            : null;
}
