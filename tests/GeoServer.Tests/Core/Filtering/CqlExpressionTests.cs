using GeoServer.Core.Filtering;
using NetTopologySuite.Geometries;
using static GeoServer.Tests.Core.Filtering.CqlTestSchemas;

namespace GeoServer.Tests.Core.Filtering;

public sealed class CqlExpressionTests
{
    [Theory]
    [InlineData("it's \"quoted\"")]
    [InlineData(@"C:\temp\new")]
    [InlineData("tab\tline\nbell\a")]
    [InlineData(@"50\% off")]
    [InlineData("")]
    [InlineData("Hà Nội")]
    public void Any_string_survives_writing_and_reading_CQL2_Text(string value)
    {
        var tree = new Comparison(ComparisonOperator.Equal, Parcels.Ref("name"), Literal.Text(value));

        Assert.Equal(tree, CqlTextParser.Parse(tree.ToString(), Parcels));
    }

    [Fact]
    public void Property_names_are_written_quoted_so_keywords_read_back()
    {
        var tree = new Comparison(ComparisonOperator.Equal, Parcels.Ref("and"), Literal.Text("x"));

        Assert.Equal("\"and\" = 'x'", tree.ToString());
        Assert.Equal(tree, CqlTextParser.Parse(tree.ToString(), Parcels));
    }

    [Theory]
    [InlineData(5.0, "5.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-1e-5, "-1E-05")]
    [InlineData(1e20, "1E+20")]
    public void A_double_is_written_so_that_it_reads_back_as_a_double(double value, string written)
    {
        var tree = new Comparison(ComparisonOperator.Equal, Parcels.Ref("area"), Literal.Number(value));

        Assert.Equal($"\"area\" = {written}", tree.ToString());
        Assert.Equal(tree, CqlTextParser.Parse(tree.ToString(), Parcels));
    }

    [Theory]
    [InlineData("NOT (name = 'a' OR floors = 1) AND open = TRUE")]
    [InlineData("(name = 'a' AND floors = 1) AND open = TRUE")]
    [InlineData("(name = 'a' OR floors = 1) OR open = TRUE")]
    [InlineData("NOT NOT name IS NULL")]
    [InlineData("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT Z(1 2 3), POLYGON((0 0, 1 0, 1 1, 0 0))))")]
    [InlineData("S_INTERSECTS(geometry, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.7, 5.2 5.1))))")]
    [InlineData("T_INTERSECTS(INTERVAL(starts, '..'), INTERVAL('2024-01-01', TIMESTAMP('2024-06-01T12:30:00.25Z')))")]
    [InlineData("CASEI(ACCENTI(\"tên\")) LIKE CASEI('%ha noi%')")]
    public void A_tree_reads_back_equal_from_its_own_text(string filter)
    {
        var tree = CqlTextParser.Parse(filter, Parcels);

        Assert.Equal(tree, CqlTextParser.Parse(tree.ToString(), Parcels));
    }

    [Fact]
    public void Rewrite_replaces_geometry_literals_and_keeps_everything_else()
    {
        var tree = CqlTextParser.Parse("floors > 1 AND S_INTERSECTS(geometry, POINT(21.02 105.85))", Parcels);

        var swapped = tree.Rewrite(e => e is GeometryLiteral g
            ? new GeometryLiteral(new Point(g.Geometry.Coordinate.Y, g.Geometry.Coordinate.X))
            : e);

        Assert.Equal(CqlTextParser.Parse("floors > 1 AND S_INTERSECTS(geometry, POINT(105.85 21.02))", Parcels), swapped);
        Assert.Equal(tree, tree.Rewrite(e => e));
    }

    [Fact]
    public void Children_lists_the_direct_operands_in_order()
    {
        var tree = CqlTextParser.Parse("floors IN (1, 2) AND T_AFTER(updated, INTERVAL('..', ends))", Parcels);

        var and = (And)tree;
        Assert.Equal(and.Operands, tree.Children);
        Assert.Equal([Parcels.Ref("floors"), Literal.Integer(1), Literal.Integer(2)], and.Operands[0].Children);
        Assert.Equal([Parcels.Ref("ends")], ((TemporalPredicate)and.Operands[1]).Right.Children);
    }

    [Fact]
    public void Trees_with_equal_lists_are_equal_and_hash_alike()
    {
        var a = CqlTextParser.Parse("floors IN (1, 2) OR name = 'x' OR open = TRUE", Parcels);
        var b = CqlTextParser.Parse("floors IN (1,2) or name='x' or open=true", Parcels);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, CqlTextParser.Parse("floors IN (2, 1) OR name = 'x' OR open = TRUE", Parcels));
    }

    [Fact]
    public void Geometry_literals_compare_coordinates_exactly_not_topologically()
    {
        var square = CqlTextParser.Parse("S_EQUALS(geometry, POLYGON((0 0, 1 0, 1 1, 0 1, 0 0)))", Parcels);
        var sameSquareOtherStart = CqlTextParser.Parse("S_EQUALS(geometry, POLYGON((1 0, 1 1, 0 1, 0 0, 1 0)))", Parcels);
        var selfIntersecting = CqlTextParser.Parse("S_EQUALS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))", Parcels);

        Assert.NotEqual(square, sameSquareOtherStart);
        Assert.Equal(selfIntersecting, CqlTextParser.Parse(selfIntersecting.ToString(), Parcels));
    }

    [Fact]
    public void A_literal_refuses_a_value_of_the_wrong_type()
    {
        Assert.Throws<ArgumentException>(() => new Literal(5, LiteralType.Integer));
        Assert.Throws<ArgumentException>(() => new Literal(double.NaN, LiteralType.Number));
        Assert.Throws<ArgumentException>(() => new Literal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)), LiteralType.Timestamp));
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)Literal.Timestamp(new DateTimeOffset(2024, 1, 1, 7, 0, 0, TimeSpan.FromHours(7))).Value).Offset);
    }

    [Fact]
    public void AND_OR_and_IN_refuse_too_few_operands()
    {
        Assert.Throws<ArgumentException>(() => new And([Literal.True]));
        Assert.Throws<ArgumentException>(() => new Or([]));
        Assert.Throws<ArgumentException>(() => new In(Parcels.Ref("floors"), []));
    }
}
