using GeoServer.Core.Sources;
using Bound = (GeoServer.Core.Filtering.CqlExpression? Value, int Infinity);
using Term = (GeoServer.Core.Filtering.CqlExpression Expression, int Trivial, GeoServer.Core.Filtering.CqlExpression? Subject);

namespace GeoServer.Core.Filtering;

/// <summary>
/// Rewrites a temporal predicate as comparisons of start and end instants (OWL-Time relations on closed intervals;
/// an instant starts and ends at itself). Open ends compare as minus or plus infinity: against a literal or another
/// open end the comparison folds to TRUE or FALSE; against a property it becomes a comparison with the earliest or
/// latest date or timestamp, which keeps SQL's NULL semantics (Npgsql sends those values as -infinity and infinity),
/// and is dropped where another term on the same property already makes the result NULL when the property is.
/// </summary>
internal static class TemporalExpansion
{
    private const ComparisonOperator Eq = ComparisonOperator.Equal;
    private const ComparisonOperator Lt = ComparisonOperator.LessThan;
    private const ComparisonOperator Le = ComparisonOperator.LessThanOrEqual;
    private const ComparisonOperator Gt = ComparisonOperator.GreaterThan;
    private const ComparisonOperator Ge = ComparisonOperator.GreaterThanOrEqual;

    public static CqlExpression Expand(TemporalPredicate predicate)
    {
        var (aStart, aEnd) = Bounds(predicate.Left);
        var (bStart, bEnd) = Bounds(predicate.Right);
        return predicate.Operator switch
        {
            TemporalOperator.Before => All(Compare(aEnd, Lt, bStart)),
            TemporalOperator.After => All(Compare(aStart, Gt, bEnd)),
            TemporalOperator.Disjoint => Any(Compare(aEnd, Lt, bStart), Compare(aStart, Gt, bEnd)),
            TemporalOperator.Intersects => All(Compare(aStart, Le, bEnd), Compare(aEnd, Ge, bStart)),
            TemporalOperator.Equals => All(Compare(aStart, Eq, bStart), Compare(aEnd, Eq, bEnd)),
            TemporalOperator.Meets => All(Compare(aEnd, Eq, bStart)),
            TemporalOperator.MetBy => All(Compare(aStart, Eq, bEnd)),
            TemporalOperator.Overlaps => All(Compare(aStart, Lt, bStart), Compare(aEnd, Gt, bStart), Compare(aEnd, Lt, bEnd)),
            TemporalOperator.OverlappedBy => All(Compare(bStart, Lt, aStart), Compare(bEnd, Gt, aStart), Compare(bEnd, Lt, aEnd)),
            TemporalOperator.Starts => All(Compare(aStart, Eq, bStart), Compare(aEnd, Lt, bEnd)),
            TemporalOperator.StartedBy => All(Compare(aStart, Eq, bStart), Compare(aEnd, Gt, bEnd)),
            TemporalOperator.During => All(Compare(aStart, Gt, bStart), Compare(aEnd, Lt, bEnd)),
            TemporalOperator.Contains => All(Compare(aStart, Lt, bStart), Compare(aEnd, Gt, bEnd)),
            TemporalOperator.Finishes => All(Compare(aStart, Gt, bStart), Compare(aEnd, Eq, bEnd)),
            TemporalOperator.FinishedBy => All(Compare(aStart, Lt, bStart), Compare(aEnd, Eq, bEnd)),
            _ => throw new ArgumentOutOfRangeException(nameof(predicate)),
        };
    }

    /// <summary>Start and end; an open start is (null, -1), an open end (null, +1).</summary>
    private static (Bound Start, Bound End) Bounds(CqlExpression operand) =>
        operand is IntervalLiteral interval
            ? ((interval.Start, interval.Start is null ? -1 : 0), (interval.End, interval.End is null ? 1 : 0))
            : ((operand, 0), (operand, 0));

    /// <summary>
    /// The comparison as a term. Trivial is +1 for a comparison with an open end that holds for every non-null
    /// subject, -1 for one that holds for none, 0 otherwise.
    /// </summary>
    private static Term Compare(Bound a, ComparisonOperator op, Bound b)
    {
        if (Constant(a) is { } x && Constant(b) is { } y)
            return (Literal.Boolean(op.Holds(x.CompareTo(y))), 0, null);
        if (a.Value is null)
            return (new Comparison(op, Sentinel(a.Infinity, b.Value!), b.Value!), op.Holds(a.Infinity) ? 1 : -1, b.Value);
        if (b.Value is null)
            return (new Comparison(op, a.Value, Sentinel(b.Infinity, a.Value)), op.Holds(-b.Infinity) ? 1 : -1, a.Value);
        return (new Comparison(op, a.Value, b.Value), 0, null);
    }

    /// <summary>An instant known without reading data, as ticks (open ends as ±∞); null for a property.</summary>
    private static decimal? Constant(Bound end) => end switch
    {
        { Infinity: < 0 } => decimal.MinValue,
        { Infinity: > 0 } => decimal.MaxValue,
        { Value: Literal { Value: DateOnly d } } => d.ToDateTime(TimeOnly.MinValue).Ticks,
        { Value: Literal { Value: DateTimeOffset t } } => t.UtcTicks,
        _ => null,
    };

    /// <summary>The earliest or latest instant of the other operand's type, standing for an open end.</summary>
    private static Literal Sentinel(int infinity, CqlExpression other)
    {
        if (other is PropertyRef { Property.Type: PropertyType.Date })
            return Literal.Date(infinity < 0 ? DateOnly.MinValue : DateOnly.MaxValue);
        return Literal.Timestamp(infinity < 0 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue);
    }

    private static CqlExpression All(params Term[] terms) =>
        Combine(terms, Literal.False, Literal.True, redundant: 1, operands => new And(operands));

    private static CqlExpression Any(params Term[] terms) =>
        Combine(terms, Literal.True, Literal.False, redundant: -1, operands => new Or(operands));

    private static CqlExpression Combine(Term[] terms, Literal dominant, Literal neutral, int redundant, Func<CqlExpression[], CqlExpression> join)
    {
        if (terms.Any(t => t.Expression.Equals(dominant)))
            return dominant;
        var kept = new List<CqlExpression>();
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            if (term.Expression.Equals(neutral))
                continue;
            // A redundant term is NULL when its subject is NULL and neutral otherwise; any other comparison of the
            // same subject is NULL when it is, so the term adds nothing.
            if (term.Trivial == redundant && terms.Where((other, j) =>
                    (other.Trivial != redundant || j < i) && j != i && Mentions(other.Expression, term.Subject!)).Any())
            {
                continue;
            }
            if (!kept.Contains(term.Expression))
                kept.Add(term.Expression);
        }
        return kept.Count switch { 0 => neutral, 1 => kept[0], _ => join(kept.ToArray()) };
    }

    private static bool Mentions(CqlExpression term, CqlExpression subject) =>
        term is Comparison c && (c.Left.Equals(subject) || c.Right.Equals(subject));
}
