using GeoServer.Core.Filtering;
using static GeoServer.Tests.Core.Filtering.CqlTestSchemas;

namespace GeoServer.Tests.Core.Filtering;

public sealed class TemporalExpansionTests
{
    [Theory]
    [InlineData("T_BEFORE(built, DATE('2015-01-01'))", "\"built\" < DATE('2015-01-01')")]
    [InlineData("T_AFTER(updated, TIMESTAMP('2024-01-01T00:00:00Z'))", "\"updated\" > TIMESTAMP('2024-01-01T00:00:00Z')")]
    [InlineData("T_EQUALS(built, DATE('2020-01-01'))", "\"built\" = DATE('2020-01-01')")]
    [InlineData("T_DISJOINT(updated, INTERVAL('2024-01-01', '2024-12-31'))", "\"updated\" < DATE('2024-01-01') OR \"updated\" > DATE('2024-12-31')")]
    [InlineData("T_INTERSECTS(updated, INTERVAL('2024-01-01', '2024-12-31'))", "\"updated\" <= DATE('2024-12-31') AND \"updated\" >= DATE('2024-01-01')")]
    [InlineData("T_INTERSECTS(updated, INTERVAL(starts, ends))", "\"updated\" <= \"ends\" AND \"updated\" >= \"starts\"")]
    [InlineData("T_DURING(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" > DATE('2024-01-01') AND \"ends\" < DATE('2024-12-31')")]
    [InlineData("T_CONTAINS(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" < DATE('2024-01-01') AND \"ends\" > DATE('2024-12-31')")]
    [InlineData("T_MEETS(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"ends\" = DATE('2024-01-01')")]
    [InlineData("T_METBY(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" = DATE('2024-12-31')")]
    [InlineData("T_OVERLAPS(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" < DATE('2024-01-01') AND \"ends\" > DATE('2024-01-01') AND \"ends\" < DATE('2024-12-31')")]
    [InlineData("T_OVERLAPPEDBY(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "DATE('2024-01-01') < \"starts\" AND DATE('2024-12-31') > \"starts\" AND DATE('2024-12-31') < \"ends\"")]
    [InlineData("T_STARTS(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" = DATE('2024-01-01') AND \"ends\" < DATE('2024-12-31')")]
    [InlineData("T_STARTEDBY(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" = DATE('2024-01-01') AND \"ends\" > DATE('2024-12-31')")]
    [InlineData("T_FINISHES(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" > DATE('2024-01-01') AND \"ends\" = DATE('2024-12-31')")]
    [InlineData("T_FINISHEDBY(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))", "\"starts\" < DATE('2024-01-01') AND \"ends\" = DATE('2024-12-31')")]
    public void A_temporal_function_expands_to_comparisons_of_its_ends(string filter, string expanded)
    {
        Assert.Equal(expanded, Expand(filter).ToString());
    }

    [Theory]
    [InlineData("T_INTERSECTS(updated, INTERVAL('2024-01-01', '..'))", "\"updated\" >= DATE('2024-01-01')")]
    [InlineData("T_INTERSECTS(updated, INTERVAL('..', '2024-01-01'))", "\"updated\" <= DATE('2024-01-01')")]
    [InlineData("T_DURING(INTERVAL(starts, ends), INTERVAL('2024-01-01', '..'))", "\"starts\" > DATE('2024-01-01') AND \"ends\" < TIMESTAMP('9999-12-31T23:59:59.9999999Z')")]
    [InlineData("T_INTERSECTS(built, INTERVAL('..', '..'))", "\"built\" <= DATE('9999-12-31')")]
    [InlineData("T_DISJOINT(INTERVAL('..', '..'), updated)", "TIMESTAMP('9999-12-31T23:59:59.9999999Z') < \"updated\"")]
    [InlineData("T_BEFORE(updated, INTERVAL('..', '2024-01-01'))", "\"updated\" < TIMESTAMP('0001-01-01T00:00:00Z')")]
    [InlineData("T_AFTER(INTERVAL('2024-01-01', '..'), updated)", "DATE('2024-01-01') > \"updated\"")]
    public void An_open_end_folds_away_or_becomes_the_earliest_or_latest_instant_of_the_other_side(string filter, string expanded)
    {
        Assert.Equal(expanded, Expand(filter).ToString());
    }

    [Theory]
    [InlineData("T_BEFORE(DATE('2000-01-01'), DATE('2001-01-01'))", true)]
    [InlineData("T_AFTER(DATE('2000-01-01'), TIMESTAMP('2000-01-01T00:00:00Z'))", false)]
    [InlineData("T_EQUALS(DATE('2000-01-01'), TIMESTAMP('2000-01-01T00:00:00Z'))", true)]
    [InlineData("T_INTERSECTS(TIMESTAMP('2000-01-01T12:00:00Z'), INTERVAL('..', '..'))", true)]
    public void Two_literals_fold_to_a_boolean(string filter, bool holds)
    {
        Assert.Equal(Literal.Boolean(holds), Expand(filter));
    }

    /// <summary>Allen's relations between intervals of days in January 2024, as the OWL-Time diagrams draw them.</summary>
    [Theory]
    [InlineData("1", "2", "3", "4", "T_BEFORE T_DISJOINT")]
    [InlineData("3", "4", "1", "2", "T_AFTER T_DISJOINT")]
    [InlineData("1", "3", "3", "4", "T_MEETS T_INTERSECTS")]
    [InlineData("3", "4", "1", "3", "T_METBY T_INTERSECTS")]
    [InlineData("1", "3", "2", "4", "T_OVERLAPS T_INTERSECTS")]
    [InlineData("2", "4", "1", "3", "T_OVERLAPPEDBY T_INTERSECTS")]
    [InlineData("1", "2", "1", "4", "T_STARTS T_INTERSECTS")]
    [InlineData("1", "4", "1", "2", "T_STARTEDBY T_INTERSECTS")]
    [InlineData("2", "3", "1", "4", "T_DURING T_INTERSECTS")]
    [InlineData("1", "4", "2", "3", "T_CONTAINS T_INTERSECTS")]
    [InlineData("3", "4", "1", "4", "T_FINISHES T_INTERSECTS")]
    [InlineData("1", "4", "3", "4", "T_FINISHEDBY T_INTERSECTS")]
    [InlineData("1", "4", "1", "4", "T_EQUALS T_INTERSECTS")]
    [InlineData("..", "2", "3", "..", "T_BEFORE T_DISJOINT")]
    [InlineData("..", "3", "3", "..", "T_MEETS T_INTERSECTS")]
    [InlineData("..", "..", "1", "2", "T_CONTAINS T_INTERSECTS")]
    [InlineData("1", "..", "1", "..", "T_EQUALS T_INTERSECTS")]
    [InlineData("..", "..", "..", "..", "T_EQUALS T_INTERSECTS")]
    public void Exactly_the_relations_that_hold_between_two_intervals_expand_to_TRUE(string aStart, string aEnd, string bStart, string bEnd, string holding)
    {
        var expected = holding.Split(' ').ToHashSet();
        var operators = new[]
        {
            "T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS", "T_FINISHEDBY", "T_FINISHES",
            "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY", "T_STARTS",
        };

        var holds = operators
            .Where(op => Expand($"{op}(INTERVAL({Day(aStart)}, {Day(aEnd)}), INTERVAL({Day(bStart)}, {Day(bEnd)}))").Equals(Literal.True))
            .ToHashSet();

        Assert.Equal(expected.Order(), holds.Order());
    }

    [Fact]
    public void An_open_end_against_a_date_property_uses_the_earliest_or_latest_date()
    {
        var expanded = Expand("T_INTERSECTS(INTERVAL(built, date), INTERVAL('..', '..'))");

        Assert.Equal("\"built\" <= DATE('9999-12-31') AND \"date\" >= DATE('0001-01-01')", expanded.ToString());
    }

    private static string Day(string day) => day == ".." ? "'..'" : $"'2024-01-0{day}'";

    private static CqlExpression Expand(string filter) =>
        ((TemporalPredicate)CqlTextParser.Parse(filter, Parcels)).Expand();
}
