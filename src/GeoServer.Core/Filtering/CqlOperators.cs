namespace GeoServer.Core.Filtering;

/// <summary>The spellings of CQL2's operators and functions, shared by both parsers and the text writer.</summary>
internal static class CqlOperators
{
    /// <summary>S_INTERSECTS …, case-insensitive: CQL2 Text keywords are, and JSON spells them in lower case.</summary>
    public static readonly IReadOnlyDictionary<string, SpatialOperator> Spatial =
        Enum.GetValues<SpatialOperator>().ToDictionary(Name, op => op, StringComparer.OrdinalIgnoreCase);

    /// <summary>T_AFTER …, case-insensitive (JSON writes "t_metBy").</summary>
    public static readonly IReadOnlyDictionary<string, TemporalOperator> Temporal =
        Enum.GetValues<TemporalOperator>().ToDictionary(Name, op => op, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Array Functions class, which this server does not implement.</summary>
    public static readonly IReadOnlySet<string> ArrayFunctions =
        new HashSet<string>(["A_EQUALS", "A_CONTAINS", "A_CONTAINEDBY", "A_OVERLAPS"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The Arithmetic Expressions class (CQL2 JSON spellings), which this server does not implement.</summary>
    public static readonly IReadOnlySet<string> Arithmetic =
        new HashSet<string>(["+", "-", "*", "/", "^", "%", "div"], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<string, ComparisonOperator> Comparisons =
        Enum.GetValues<ComparisonOperator>().ToDictionary(op => op.Symbol(), op => op, StringComparer.Ordinal);

    public static string Name(SpatialOperator op) => "S_" + op.ToString().ToUpperInvariant();

    public static string Name(TemporalOperator op) => "T_" + op.ToString().ToUpperInvariant();

    /// <summary>True for the functions OGC 21-065r2 table 8 defines on intervals only; instants are a client error.</summary>
    public static bool IsIntervalOnly(TemporalOperator op) => op is not
        (TemporalOperator.After or TemporalOperator.Before or TemporalOperator.Disjoint or TemporalOperator.Equals
        or TemporalOperator.Intersects);
}
