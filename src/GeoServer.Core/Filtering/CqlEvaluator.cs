using GeoServer.Core.Sources;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>
/// Compiles a parsed, type-checked CQL2 tree into a test run in memory on features already read (map styles
/// classify features this way), with the semantics of the SQL stores: SQL's three-valued logic (a comparison with
/// NULL is unknown and only TRUE matches, so <c>NOT (x = 1)</c> skips rows where x is NULL), LIKE with <c>%</c>,
/// <c>_</c> and <c>\</c> escapes, case-sensitive unless CASEI, CASEI as Unicode lower-casing, ACCENTI as
/// <see cref="Accents.Fold"/>, text ordered by code point, numbers by value whether integer or not, instants
/// compared in UTC to the millisecond, temporal functions expanded by <see cref="TemporalPredicate.Expand"/>.
/// </summary>
/// <remarks>
/// Geometry literals must already be in the layer's storage CRS, the CRS of <see cref="Feature.Geometry"/>: as for
/// <see cref="FeatureQuery.Filter"/>, the caller moves them (with <see cref="CqlExpression.Rewrite"/>) when the
/// filter was written in another CRS. A spatial function on a feature without geometry is unknown, as SQL's NULL.
/// </remarks>
public static class CqlEvaluator
{
    /// <summary>
    /// The filter as a test on features of <paramref name="schema"/>; true only where the filter is TRUE. The test is
    /// thread-safe. Throws <see cref="CqlException"/> for a node that is not a condition or a property unknown to the
    /// schema (a tree parsed against another schema).
    /// </summary>
    public static Func<Feature, bool> Compile(CqlExpression filter, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(schema);
        var test = Predicate(filter, schema);
        return feature => test(feature) == true;
    }

    private static Func<Feature, bool?> Predicate(CqlExpression e, FeatureSchema schema)
    {
        switch (e)
        {
            case And and:
                var all = and.Operands.Select(o => Predicate(o, schema)).ToArray();
                return f =>
                {
                    bool? result = true;
                    foreach (var operand in all)
                    {
                        var value = operand(f);
                        if (value == false) return false;
                        if (value is null) result = null;
                    }
                    return result;
                };
            case Or or:
                var any = or.Operands.Select(o => Predicate(o, schema)).ToArray();
                return f =>
                {
                    bool? result = false;
                    foreach (var operand in any)
                    {
                        var value = operand(f);
                        if (value == true) return true;
                        if (value is null) result = null;
                    }
                    return result;
                };
            case Not not:
                var inner = Predicate(not.Operand, schema);
                return f => !inner(f);
            case Literal { Value: bool constant }:
                return _ => constant;
            case PropertyRef { Property.Type: PropertyType.Boolean } flag:
                var read = Operand(flag, schema, temporal: false);
                return f => read(f) is { } v ? CqlValue.Compare(v, 0L) != 0 : null;
            case Comparison c:
                return Compare(c, schema);
            case Like like:
                return LikeTest(like, schema);
            case Between between:
                return BetweenTest(between, schema);
            case In @in:
                return InTest(@in, schema);
            case IsNull { Value: PropertyRef { IsGeometry: true } }:
                return f => f.Geometry is null;
            case IsNull isNull:
                var tested = Operand(isNull.Value, schema, temporal: false);
                return f => tested(f) is null;
            case SpatialPredicate s:
                return Spatial(s);
            case TemporalPredicate t:
                return Predicate(t.Expand(), schema);
            default:
                throw new CqlException($"'{e}' is not a condition", 0);
        }
    }

    private static Func<Feature, bool?> Compare(Comparison c, FeatureSchema schema)
    {
        var temporal = IsTemporal(c.Left) || IsTemporal(c.Right);
        var left = Operand(c.Left, schema, temporal);
        var right = Operand(c.Right, schema, temporal);
        var op = c.Operator;
        return f => left(f) is { } a && right(f) is { } b ? op.Holds(CqlValue.Compare(a, b)) : null;
    }

    private static Func<Feature, bool?> LikeTest(Like like, FeatureSchema schema)
    {
        var value = Operand(like.Value, schema, temporal: false);
        // The pattern is a literal: fold it once, as the store folds it per row.
        var pattern = CqlLikePattern.ToRegex(PatternText(like.Pattern));
        return f => CqlValue.Text(value(f)) is { } text ? pattern.IsMatch(text) : null;
    }

    private static string PatternText(CqlExpression pattern) => pattern switch
    {
        Literal { Value: string text } => text,
        CaseInsensitive ci => LowerCase(PatternText(ci.Operand)),
        AccentInsensitive ai => Accents.Fold(PatternText(ai.Operand)),
        _ => throw new CqlException("LIKE needs a text pattern", 0),
    };

    private static Func<Feature, bool?> BetweenTest(Between between, FeatureSchema schema)
    {
        var temporal = IsTemporal(between.Value) || IsTemporal(between.Low);
        var value = Operand(between.Value, schema, temporal);
        var low = Operand(between.Low, schema, temporal);
        var high = Operand(between.High, schema, temporal);
        return f =>
        {
            // x BETWEEN a AND b is x >= a AND x <= b, NULLs included.
            if (value(f) is not { } x) return null;
            bool? aboveLow = low(f) is { } a ? CqlValue.Compare(x, a) >= 0 : null;
            bool? belowHigh = high(f) is { } b ? CqlValue.Compare(x, b) <= 0 : null;
            if (aboveLow == false || belowHigh == false) return false;
            return aboveLow is null || belowHigh is null ? null : true;
        };
    }

    private static Func<Feature, bool?> InTest(In @in, FeatureSchema schema)
    {
        var temporal = IsTemporal(@in.Value);
        var value = Operand(@in.Value, schema, temporal);
        var candidates = @in.Values.Select(v => Operand(v, schema, temporal)).ToArray();
        return f =>
        {
            if (value(f) is not { } x) return null;
            bool? result = false;
            foreach (var candidate in candidates)
            {
                if (candidate(f) is not { } y) result = null;
                else if (CqlValue.Compare(x, y) == 0) return true;
            }
            return result;
        };
    }

    private static Func<Feature, bool?> Spatial(SpatialPredicate s)
    {
        var left = GeometryOperand(s.Left);
        var right = GeometryOperand(s.Right);
        var relation = s.Operator;
        return f =>
        {
            if (left(f) is not { } a || right(f) is not { } b) return null;
            // Every relation but disjoint needs the envelopes to meet; most features of a map fail this cheap test.
            if (!a.IsEmpty && !b.IsEmpty && !a.EnvelopeInternal.Intersects(b.EnvelopeInternal))
                return relation == SpatialOperator.Disjoint;
            return CqlSpatialRelation.Holds(relation, a, b);
        };
    }

    private static Func<Feature, Geometry?> GeometryOperand(CqlExpression e) => e switch
    {
        PropertyRef { IsGeometry: true } => f => f.Geometry,
        GeometryLiteral g => _ => g.Geometry,
        _ => throw new CqlException($"'{e}' is not a geometry", 0),
    };

    /// <summary>
    /// Reads an operand in its comparable form (<see cref="CqlValue"/>); in a temporal comparison dates, date-times
    /// and date or timestamp literals become instants, as the store wraps them in julianday().
    /// </summary>
    private static Func<Feature, object?> Operand(CqlExpression e, FeatureSchema schema, bool temporal)
    {
        switch (e)
        {
            case PropertyRef { IsGeometry: true }:
                throw new CqlException("the geometry can only be used in spatial functions", 0);
            case PropertyRef p:
                var index = schema.IndexOf(p.Name);
                if (index < 0)
                {
                    if (p.Name == schema.KeyName) return f => f.Id;
                    throw new CqlException($"unknown property '{p.Name}'", 0);
                }
                if (temporal && p.Property!.Type is PropertyType.Date or PropertyType.DateTime)
                    return f => index < f.Values.Length ? CqlValue.Instant(f.Values[index]) : null;
                return f => index < f.Values.Length ? CqlValue.Normalize(f.Values[index]) : null;
            case Literal l:
                var constant = temporal && l.Type is LiteralType.Date or LiteralType.Timestamp
                    ? CqlValue.Instant(l.Value)
                    : CqlValue.Normalize(l.Value);
                return _ => constant;
            case CaseInsensitive ci:
                var lower = Operand(ci.Operand, schema, temporal);
                return f => CqlValue.Text(lower(f)) is { } text ? LowerCase(text) : null;
            case AccentInsensitive ai:
                var unaccent = Operand(ai.Operand, schema, temporal);
                return f => CqlValue.Text(unaccent(f)) is { } text ? Accents.Fold(text) : null;
            default:
                throw new CqlException($"'{e}' cannot be used as a value here", 0);
        }
    }

    /// <summary>
    /// CASEI's folding, as the GeoPackage store's registered lower(): Unicode lower case, final sigma as sigma so
    /// that "ΟΔΟΣ" and "Οδος" meet.
    /// </summary>
    private static string LowerCase(string text) => text.ToLowerInvariant().Replace('ς', 'σ');

    private static bool IsTemporal(CqlExpression e) => e switch
    {
        PropertyRef { Property.Type: PropertyType.Date or PropertyType.DateTime } => true,
        Literal { Type: LiteralType.Date or LiteralType.Timestamp } => true,
        _ => false,
    };

}
