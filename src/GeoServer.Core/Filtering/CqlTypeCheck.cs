using System.Globalization;
using GeoServer.Core.Sources;

namespace GeoServer.Core.Filtering;

/// <summary>
/// The type rules both parsers apply, so that the two encodings reject the same filters with the same words. Each
/// check returns null when the node is well typed, or the index of the offending operand and the reason.
/// </summary>
internal static class CqlTypeCheck
{
    public static CqlValueType TypeOf(CqlExpression e) => e switch
    {
        PropertyRef { Property: null } => CqlValueType.Geometry,
        PropertyRef { Property: { } p } => p.Type switch
        {
            PropertyType.String => CqlValueType.String,
            PropertyType.Integer or PropertyType.Number => CqlValueType.Number,
            PropertyType.Boolean => CqlValueType.Boolean,
            PropertyType.Date or PropertyType.DateTime => CqlValueType.Temporal,
            _ => CqlValueType.Binary,
        },
        Literal l => l.Type switch
        {
            LiteralType.String => CqlValueType.String,
            LiteralType.Integer or LiteralType.Number => CqlValueType.Number,
            LiteralType.Boolean => CqlValueType.Boolean,
            _ => CqlValueType.Temporal,
        },
        GeometryLiteral => CqlValueType.Geometry,
        IntervalLiteral => CqlValueType.Interval,
        CaseInsensitive or AccentInsensitive => CqlValueType.String,
        _ => CqlValueType.Predicate,
    };

    /// <summary>The operand in words, for messages: "integer property 'floors'", "the string 'abc'".</summary>
    public static string Describe(CqlExpression e) => e switch
    {
        PropertyRef { Property: null } p => $"the geometry '{p.Name}'",
        PropertyRef { Property: { } p } => $"{TypeName(p.Type)} property '{p.Name}'",
        Literal { Type: LiteralType.String } l => $"the string '{Shorten((string)l.Value)}'",
        Literal { Type: LiteralType.Date } l => $"the date {((DateOnly)l.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        Literal { Type: LiteralType.Timestamp } l => $"the timestamp {CqlTextWriter.FormatTimestamp((DateTimeOffset)l.Value)}",
        Literal l => $"the {l.Type.ToString().ToLowerInvariant()} {CqlTextWriter.Write(l)}",
        GeometryLiteral g => $"a {g.Geometry.GeometryType.ToUpperInvariant()} literal",
        IntervalLiteral => "an INTERVAL",
        CaseInsensitive c => $"CASEI({Describe(c.Operand)})",
        AccentInsensitive a => $"ACCENTI({Describe(a.Operand)})",
        _ => "a predicate",
    };

    public static (int Operand, string Reason)? Comparison(ComparisonOperator op, CqlExpression left, CqlExpression right)
    {
        CqlExpression[] operands = [left, right];
        for (var i = 0; i < operands.Length; i++)
        {
            var type = TypeOf(operands[i]);
            var reason = type switch
            {
                CqlValueType.Geometry => $"{Describe(operands[i])} cannot be compared with {op.Symbol()}; use S_EQUALS or another spatial function",
                CqlValueType.Interval => "an INTERVAL can only be compared by a temporal function such as T_INTERSECTS",
                CqlValueType.Binary or CqlValueType.Predicate => $"{Describe(operands[i])} cannot be compared",
                CqlValueType.Boolean when op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual) =>
                    $"{Describe(operands[i])} can only be compared with = or <>",
                _ => null,
            };
            if (reason is not null)
                return (i, reason);
        }
        return SameType(left, right, 0, 1);
    }

    public static (int Operand, string Reason)? Like(CqlExpression value) =>
        TypeOf(value) == CqlValueType.String ? null : (0, $"LIKE needs a string, not {Describe(value)}");

    /// <summary>Null when <paramref name="pattern"/> is a usable LIKE pattern, else why not.</summary>
    public static string? LikePattern(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '\\')
                continue;
            // PostgreSQL rejects a pattern that ends in its escape character; catch it here as a 400, not a 500.
            if (i == pattern.Length - 1)
                return "the LIKE pattern ends with the escape character \\; write \\\\ to match a backslash";
            i++;
        }
        return null;
    }

    public static (int Operand, string Reason)? Between(CqlExpression value, CqlExpression low, CqlExpression high)
    {
        CqlExpression[] operands = [value, low, high];
        for (var i = 0; i < operands.Length; i++)
        {
            if (TypeOf(operands[i]) is not (CqlValueType.Number or CqlValueType.String or CqlValueType.Temporal))
                return (i, $"BETWEEN needs numbers, strings or instants, not {Describe(operands[i])}");
        }
        return SameType(value, low, 0, 1) ?? SameType(value, high, 0, 2);
    }

    public static (int Operand, string Reason)? In(CqlExpression value, IReadOnlyList<CqlExpression> values)
    {
        if (TypeOf(value) is CqlValueType.Geometry or CqlValueType.Interval or CqlValueType.Binary or CqlValueType.Predicate)
            return (0, $"IN cannot test {Describe(value)}");
        for (var i = 0; i < values.Count; i++)
        {
            if (SameType(value, values[i], 0, i + 1) is { } mismatch)
                return (i + 1, mismatch.Reason);
        }
        return null;
    }

    public static (int Operand, string Reason)? IsNull(CqlExpression value) =>
        TypeOf(value) is CqlValueType.Interval or CqlValueType.Predicate
            ? (0, $"IS NULL needs a property or a value, not {Describe(value)}")
            : null;

    public static (int Operand, string Reason)? StringFunction(string name, CqlExpression operand) =>
        TypeOf(operand) == CqlValueType.String ? null : (0, $"{name} needs a string, not {Describe(operand)}");

    public static (int Operand, string Reason)? Spatial(SpatialOperator op, CqlExpression left, CqlExpression right)
    {
        CqlExpression[] operands = [left, right];
        for (var i = 0; i < operands.Length; i++)
        {
            if (TypeOf(operands[i]) != CqlValueType.Geometry)
                return (i, $"{CqlOperators.Name(op)} needs geometries, not {Describe(operands[i])}");
        }
        return null;
    }

    public static (int Operand, string Reason)? Temporal(TemporalOperator op, CqlExpression left, CqlExpression right)
    {
        CqlExpression[] operands = [left, right];
        for (var i = 0; i < operands.Length; i++)
        {
            var type = TypeOf(operands[i]);
            if (type is not (CqlValueType.Temporal or CqlValueType.Interval))
                return (i, $"{CqlOperators.Name(op)} needs instants or intervals, not {Describe(operands[i])}");
            if (type != CqlValueType.Interval && CqlOperators.IsIntervalOnly(op))
                return (i, $"{CqlOperators.Name(op)} compares two intervals and {Describe(operands[i])} is an instant; write INTERVAL(start, end)");
        }
        return null;
    }

    /// <summary>Null when <paramref name="end"/> can bound an INTERVAL (a date, a timestamp or a date property).</summary>
    public static string? IntervalEnd(CqlExpression end) =>
        TypeOf(end) == CqlValueType.Temporal
            ? null
            : $"an INTERVAL end must be a date, a timestamp, '..' or a date or datetime property, not {Describe(end)}";

    private static (int Operand, string Reason)? SameType(CqlExpression a, CqlExpression b, int indexA, int indexB)
    {
        var typeA = TypeOf(a);
        var typeB = TypeOf(b);
        if (typeA == typeB)
            return null;
        var reason = $"cannot compare {Describe(a)} with {Describe(b)}";
        if ((typeA == CqlValueType.Temporal && typeB == CqlValueType.String) || (typeB == CqlValueType.Temporal && typeA == CqlValueType.String))
            reason += "; write a date as DATE('yyyy-mm-dd') and a timestamp as TIMESTAMP('yyyy-mm-ddThh:mm:ssZ')";
        // Point at the literal: the property is what the client meant to test.
        var blame = a is Literal && b is not Literal ? indexA : indexB;
        return (blame, reason);
    }

    private static string TypeName(PropertyType type) => type switch
    {
        PropertyType.DateTime => "datetime",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
