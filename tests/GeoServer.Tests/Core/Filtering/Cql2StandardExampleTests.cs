using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using NetTopologySuite.Geometries;
using static GeoServer.Tests.Core.Filtering.CqlTestSchemas;

namespace GeoServer.Tests.Core.Filtering;

public sealed class Cql2StandardExampleTests
{
    /// <summary>Examples of classes this server does not implement (functions, arithmetic, arrays), with the reason given.</summary>
    private static readonly Dictionary<string, string> Unsupported = new()
    {
        ["clause6_01"] = "unknown function 'avg'",
        ["clause6_02b"] = "unknown function 'avg'",
        ["clause6_02c"] = "arithmetic",
        ["clause7_15"] = "Array Functions",
        ["clause7_18"] = "unknown function 'Buffer'",
        ["clause7_19"] = "arithmetic",
        ["example68"] = "unknown function 'Foo'",
        ["example69"] = "unknown function 'Bar'",
        ["example72"] = "arithmetic",
        ["example73"] = "arithmetic",
        ["example74"] = "arithmetic",
        ["example75"] = "arithmetic",
        ["example76"] = "arithmetic",
        ["example77"] = "arithmetic",
        ["example78"] = "arithmetic",
        ["example79"] = "Array Functions",
        ["example80"] = "Array Functions",
        ["example81"] = "Array Functions",
        ["example82"] = "Array Functions",
        ["example85"] = "arithmetic",
        ["example85-alt01"] = "arithmetic",
    };

    public static TheoryData<string> SupportedPairs() =>
        new(Cql2StandardExamples.Json.Keys.Where(n => Cql2StandardExamples.Text.ContainsKey(n) && !Unsupported.ContainsKey(n)).Order());

    public static TheoryData<string> SupportedTexts() =>
        new(Cql2StandardExamples.Text.Keys.Where(n => !Unsupported.ContainsKey(n)).Order());

    public static TheoryData<string> Alternatives() =>
        new(Cql2StandardExamples.Text.Keys.Where(n => n.EndsWith("-alt01", StringComparison.Ordinal) && !Unsupported.ContainsKey(n)).Order());

    public static TheoryData<string, string> UnsupportedTexts() => Pairs(Unsupported);

    public static TheoryData<string, string> UnsupportedJsons() =>
        Pairs(Unsupported.Where(u => Cql2StandardExamples.Json.ContainsKey(u.Key)));

    [Theory]
    [MemberData(nameof(SupportedPairs))]
    public void The_text_and_JSON_forms_of_a_standard_example_give_equal_trees(string example)
    {
        var fromText = ParseText(example, Cql2StandardExamples.Text[example]);
        var fromJson = ParseJson(example, Cql2StandardExamples.Json[example]);

        Assert.Equal(fromText, fromJson);
    }

    [Theory]
    [MemberData(nameof(Alternatives))]
    public void An_alternative_spelling_of_a_standard_example_gives_the_same_tree(string alternative)
    {
        var example = alternative[..^"-alt01".Length];

        Assert.Equal(ParseText(example, Cql2StandardExamples.Text[example]), ParseText(example, Cql2StandardExamples.Text[alternative]));
    }

    [Theory]
    [MemberData(nameof(SupportedTexts))]
    public void Every_supported_standard_example_reads_back_equal_after_writing_it_as_text(string example)
    {
        var tree = ParseText(example, Cql2StandardExamples.Text[example]);

        Assert.Equal(tree, ParseText(example, tree.ToString()));
    }

    [Theory]
    [MemberData(nameof(UnsupportedTexts))]
    public void A_text_example_of_an_unsupported_class_is_rejected_with_the_reason(string example, string reason)
    {
        var error = Assert.Throws<CqlException>(() => ParseText(example, Cql2StandardExamples.Text[example]));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [MemberData(nameof(UnsupportedJsons))]
    public void A_JSON_example_of_an_unsupported_class_is_rejected_with_the_reason(string example, string reason)
    {
        var error = Assert.Throws<CqlException>(() => ParseJson(example, Cql2StandardExamples.Json[example]));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Example_4_is_one_AND_of_three_comparisons_with_typed_literals()
    {
        var tree = ParseText("example04", Cql2StandardExamples.Text["example04"]);

        var expected = new And([
            new Comparison(ComparisonOperator.LessThan, Examples.Ref("eo:cloud_cover"), Literal.Number(0.1)),
            new Comparison(ComparisonOperator.Equal, Examples.Ref("landsat:wrs_row"), Literal.Integer(28)),
            new Comparison(ComparisonOperator.Equal, Examples.Ref("landsat:wrs_path"), Literal.Integer(203)),
        ]);
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Example_16_keeps_the_parenthesised_OR_inside_the_AND()
    {
        var tree = ParseText("example16", Cql2StandardExamples.Text["example16"]);

        var and = Assert.IsType<And>(tree);
        Assert.Equal(2, and.Operands.Count);
        Assert.Equal(3, Assert.IsType<Or>(and.Operands[1]).Operands.Count);
    }

    [Fact]
    public void Clause_7_example_13_compares_an_interval_of_two_properties_with_an_interval_of_timestamps()
    {
        var tree = ParseText("clause7_13", Cql2StandardExamples.Text["clause7_13"]);

        var expected = new TemporalPredicate(TemporalOperator.During,
            new IntervalLiteral(Examples.Ref("touchdown"), Examples.Ref("liftOff")),
            new IntervalLiteral(
                Literal.Timestamp(new DateTimeOffset(1969, 7, 16, 13, 32, 0, TimeSpan.Zero)),
                Literal.Timestamp(new DateTimeOffset(1969, 7, 24, 16, 50, 35, TimeSpan.Zero))));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Example_45_reads_a_bbox_with_elevations_as_a_flat_polygon()
    {
        var tree = ParseText("example45", Cql2StandardExamples.Text["example45"]);

        var spatial = Assert.IsType<SpatialPredicate>(tree);
        var box = Assert.IsType<GeometryLiteral>(spatial.Right).Geometry;
        Assert.IsType<Polygon>(box);
        Assert.Equal(new Envelope(-128.098193, 180.0, -1.1, 90.0), box.EnvelopeInternal);
    }

    [Fact]
    public void Example_49_keeps_the_z_coordinates_of_a_polygon()
    {
        var tree = ParseText("example49", Cql2StandardExamples.Text["example49"]);

        var polygon = (Polygon)((GeometryLiteral)((SpatialPredicate)tree).Left).Geometry;
        Assert.Equal(-75993.341684, polygon.ExteriorRing.GetCoordinateN(0).Z);
        Assert.Equal(1, polygon.NumInteriorRings);
    }

    [Fact]
    public void Example_56_reads_two_dots_as_an_open_start()
    {
        var tree = ParseText("example56", Cql2StandardExamples.Text["example56"]);

        var interval = Assert.IsType<IntervalLiteral>(((TemporalPredicate)tree).Left);
        Assert.Null(interval.Start);
        Assert.Equal(Literal.Timestamp(new DateTimeOffset(2005, 1, 10, 1, 1, 1, TimeSpan.Zero).AddTicks(3932160)), interval.End);
    }

    private static TheoryData<string, string> Pairs(IEnumerable<KeyValuePair<string, string>> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, value) in rows)
            data.Add(key, value);
        return data;
    }

    private static FeatureSchema SchemaOf(string example) =>
        example.StartsWith("example03", StringComparison.Ordinal) || example.StartsWith("example40", StringComparison.Ordinal)
            ? ExamplesWithStringCodes
            : Examples;

    private static CqlExpression ParseText(string example, string text) =>
        CqlTextParser.Parse(text, SchemaOf(example), ExampleOptions);

    private static CqlExpression ParseJson(string example, string json) =>
        CqlJsonParser.Parse(json, SchemaOf(example), ExampleOptions);
}
