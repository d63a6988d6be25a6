using System.Diagnostics;
using System.Text;
using GeoServer.Core.Filtering;
using static GeoServer.Tests.Core.Filtering.CqlTestSchemas;

namespace GeoServer.Tests.Core.Filtering;

public sealed class CqlLimitTests
{
    [Fact]
    public void Sixty_four_nested_parentheses_are_accepted()
    {
        var text = new string('(', 64) + "floors = 1" + new string(')', 64);

        Assert.IsType<Comparison>(CqlTextParser.Parse(text, Parcels));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void Deeper_parentheses_are_rejected_at_the_first_one_too_deep_without_exhausting_the_stack(int depth)
    {
        var text = new string('(', depth) + "floors = 1" + new string(')', depth);

        var error = Assert.Throws<CqlException>(() => CqlTextParser.Parse(text, Parcels));

        Assert.Equal("the filter nests deeper than 64 levels", error.Reason);
        Assert.Equal(64, error.Position);
    }

    [Fact]
    public void A_long_chain_of_NOT_is_limited_like_parentheses()
    {
        var text = string.Concat(Enumerable.Repeat("NOT ", 10_000)) + "open = TRUE";

        var error = Assert.Throws<CqlException>(() => CqlTextParser.Parse(text, Parcels));

        Assert.Contains("nests deeper than 64 levels", error.Reason);
        Assert.Equal(64 * 4, error.Position);
    }

    [Fact]
    public void Nested_CASEI_calls_are_limited_like_parentheses()
    {
        var text = string.Concat(Enumerable.Repeat("CASEI(", 10_000)) + "name" + new string(')', 10_000) + " = 'a'";

        var error = Assert.Throws<CqlException>(() => CqlTextParser.Parse(text, Parcels));

        Assert.Contains("nests deeper than 64 levels", error.Reason);
    }

    [Fact]
    public void JSON_nested_deeper_than_the_limit_is_rejected_with_its_path()
    {
        var json = Nots(65, """{"op":"=","args":[{"property":"floors"},1]}""");

        var error = Assert.Throws<CqlException>(() => CqlJsonParser.Parse(json, Parcels));

        Assert.Equal("the filter nests deeper than 64 levels", error.Reason);
        Assert.Equal("$" + string.Concat(Enumerable.Repeat(".args[0]", 65)), error.JsonPath);
    }

    [Fact]
    public void JSON_nested_far_deeper_is_stopped_by_the_JSON_reader()
    {
        var json = Nots(10_000, "true");

        var error = Assert.Throws<CqlException>(() => CqlJsonParser.Parse(json, Parcels));

        Assert.Contains("depth", error.Reason);
    }

    [Fact]
    public void A_filter_longer_than_the_limit_is_rejected_before_it_is_read()
    {
        var options = new CqlParserOptions { MaxLength = 100 };
        var text = "name = '" + new string('x', 100) + "'";

        var textError = Assert.Throws<CqlException>(() => CqlTextParser.Parse(text, Parcels, options));
        var jsonError = Assert.Throws<CqlException>(() => CqlJsonParser.Parse(new string(' ', 101), Parcels, options));

        Assert.Equal($"the filter is {text.Length} characters long; the limit is 100", textError.Reason);
        Assert.Equal("the filter is 101 characters long; the limit is 100", jsonError.Reason);
    }

    [Fact]
    public void An_IN_list_with_more_terms_than_the_limit_is_rejected()
    {
        var values = Enumerable.Range(0, 20_000).ToArray();

        var textError = Assert.Throws<CqlException>(() =>
            CqlTextParser.Parse($"floors IN ({string.Join(", ", values)})", Parcels));
        var jsonError = Assert.Throws<CqlException>(() =>
            CqlJsonParser.Parse($$"""{"op":"in","args":[{"property":"floors"},[{{string.Join(",", values)}}]]}""", Parcels));

        Assert.Equal("the filter has more than 10000 terms", textError.Reason);
        Assert.Equal("the filter has more than 10000 terms", jsonError.Reason);
    }

    [Fact]
    public void A_long_OR_chain_counts_every_term()
    {
        var text = string.Join(" OR ", Enumerable.Repeat("floors = 1", 4_000));

        var error = Assert.Throws<CqlException>(() => CqlTextParser.Parse(text, Parcels));

        Assert.Equal("the filter has more than 10000 terms", error.Reason);
    }

    [Fact]
    public void Geometry_literals_with_more_positions_than_the_limit_are_rejected()
    {
        var options = new CqlParserOptions { MaxCoordinates = 100 };

        var accepted = CqlTextParser.Parse($"S_CROSSES(geometry, {Line(100)})", Parcels, options);
        var textError = Assert.Throws<CqlException>(() => CqlTextParser.Parse($"S_CROSSES(geometry, {Line(101)})", Parcels, options));
        var jsonError = Assert.Throws<CqlException>(() => CqlJsonParser.Parse(
            $$"""{"op":"s_crosses","args":[{"property":"geometry"},{"type":"LineString","coordinates":[{{string.Join(",", Enumerable.Range(0, 101).Select(i => $"[{i},0]"))}}]}]}""",
            Parcels, options));

        Assert.IsType<SpatialPredicate>(accepted);
        Assert.Equal("the filter's geometries have more than 100 positions", textError.Reason);
        Assert.Equal("the filter's geometries have more than 100 positions", jsonError.Reason);
        Assert.Equal("$.args[1].coordinates[100]", jsonError.JsonPath);
    }

    [Fact]
    public void A_polygon_of_thirty_thousand_positions_parses_in_well_under_a_second()
    {
        var ring = string.Join(", ", Enumerable.Range(0, 30_000)
            .Select(i => 2 * Math.PI * i / 30_000)
            .Select(a => FormattableString.Invariant($"{105 + Math.Cos(a):F6} {21 + Math.Sin(a):F6}")));
        var text = $"S_INTERSECTS(geometry, POLYGON(({ring}, 106.000000 21.000000)))";
        CqlTextParser.Parse("S_INTERSECTS(geometry, POINT(1 2))", Parcels);

        var clock = Stopwatch.StartNew();
        var tree = CqlTextParser.Parse(text, Parcels);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(30_001, ((GeometryLiteral)((SpatialPredicate)tree).Right).Geometry.NumPoints);
    }

    private static string Line(int positions) =>
        "LINESTRING(" + string.Join(", ", Enumerable.Range(0, positions).Select(i => $"{i} 0")) + ")";

    private static string Nots(int count, string inner)
    {
        var json = new StringBuilder();
        for (var i = 0; i < count; i++)
            json.Append("""{"op":"not","args":[""");
        json.Append(inner);
        for (var i = 0; i < count; i++)
            json.Append("]}");
        return json.ToString();
    }
}
