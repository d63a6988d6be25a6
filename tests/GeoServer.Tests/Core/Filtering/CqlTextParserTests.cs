using GeoServer.Core.Filtering;
using NetTopologySuite.Geometries;
using static GeoServer.Tests.Core.Filtering.CqlTestSchemas;

namespace GeoServer.Tests.Core.Filtering;

public sealed class CqlTextParserTests
{
    private static readonly CqlExpression A = Eq("name", Literal.Text("a"));
    private static readonly CqlExpression B = Eq("floors", Literal.Integer(2));
    private static readonly CqlExpression C = Eq("open", Literal.True);

    [Theory]
    [InlineData("name = 'a' AND floors = 2 OR open = TRUE", "Or(And(A,B),C)")]
    [InlineData("name = 'a' OR floors = 2 AND open = TRUE", "Or(A,And(B,C))")]
    [InlineData("NOT name = 'a' AND floors = 2", "And(Not(A),B)")]
    [InlineData("NOT name = 'a' OR floors = 2", "Or(Not(A),B)")]
    [InlineData("NOT (name = 'a' OR floors = 2)", "Not(Or(A,B))")]
    [InlineData("name = 'a' AND (floors = 2 OR open = TRUE)", "And(A,Or(B,C))")]
    [InlineData("(name = 'a' AND floors = 2) AND open = TRUE", "And(And(A,B),C)")]
    [InlineData("name = 'a' AND floors = 2 AND open = TRUE", "And(A,B,C)")]
    [InlineData("name = 'a' OR floors = 2 OR open = TRUE", "Or(A,B,C)")]
    [InlineData("((name = 'a'))", "A")]
    [InlineData("NOT NOT name = 'a'", "Not(Not(A))")]
    [InlineData("name = 'a' and not floors = 2 or open = true", "Or(And(A,Not(B)),C)")]
    public void NOT_binds_tighter_than_AND_which_binds_tighter_than_OR(string text, string shape)
    {
        Assert.Equal(shape, Shape(Parse(text)));
    }

    [Theory]
    [InlineData("floors = 5", ComparisonOperator.Equal)]
    [InlineData("floors <> 5", ComparisonOperator.NotEqual)]
    [InlineData("floors < 5", ComparisonOperator.LessThan)]
    [InlineData("floors <= 5", ComparisonOperator.LessThanOrEqual)]
    [InlineData("floors > 5", ComparisonOperator.GreaterThan)]
    [InlineData("floors >= 5", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("floors>=5", ComparisonOperator.GreaterThanOrEqual)]
    public void Each_comparison_operator_is_read(string text, ComparisonOperator op)
    {
        Assert.Equal(new Comparison(op, Parcels.Ref("floors"), Literal.Integer(5)), Parse(text));
    }

    [Theory]
    [InlineData("floors = 5", 5L)]
    [InlineData("floors = -5", -5L)]
    [InlineData("floors = +5", 5L)]
    [InlineData("floors = - 5", -5L)]
    [InlineData("floors = -9223372036854775808", long.MinValue)]
    public void A_number_without_point_or_exponent_is_an_integer(string text, long value)
    {
        Assert.Equal(Literal.Integer(value), ((Comparison)Parse(text)).Right);
    }

    [Theory]
    [InlineData("area = 5.0", 5.0)]
    [InlineData("area = 5.", 5.0)]
    [InlineData("area = .5", 0.5)]
    [InlineData("area = -1.5e3", -1500.0)]
    [InlineData("area = 2E-2", 0.02)]
    [InlineData("area = 1e+2", 100.0)]
    [InlineData("area = 99999999999999999999", 1e20)]
    public void A_number_with_point_or_exponent_or_beyond_long_is_a_double(string text, double value)
    {
        Assert.Equal(Literal.Number(value), ((Comparison)Parse(text)).Right);
    }

    [Theory]
    [InlineData("name = 'Via dell''Avvento'", "Via dell'Avvento")]
    [InlineData(@"name = 'O\'Brien'", "O'Brien")]
    [InlineData("name = ''", "")]
    [InlineData("name = ''''", "'")]
    [InlineData(@"name = 'tab\there'", "tab\there")]
    [InlineData(@"name = '\a\b\t\n\v\f\r'", "\a\b\t\n\v\f\r")]
    [InlineData(@"name = 'C:\\temp'", @"C:\temp")]
    [InlineData(@"name = 'C:\dir'", @"C:\dir")]
    [InlineData("name = 'Hà Nội'", "Hà Nội")]
    [InlineData("name = 'a \"quoted\" word'", "a \"quoted\" word")]
    public void String_literals_decode_doubled_quotes_and_backslash_escapes(string text, string value)
    {
        Assert.Equal(Literal.Text(value), ((Comparison)Parse(text)).Right);
    }

    [Theory]
    [InlineData(@"name LIKE '50\%'", @"50\%")]
    [InlineData(@"name LIKE 'a\_b%'", @"a\_b%")]
    [InlineData(@"name LIKE 'back\\\\slash'", @"back\\slash")]
    public void A_LIKE_pattern_keeps_its_escapes_for_the_store(string text, string pattern)
    {
        Assert.Equal(Literal.Text(pattern), ((Like)Parse(text)).Pattern);
    }

    [Theory]
    [InlineData("\"and\" = 'x'", "and")]
    [InlineData("\"tên\" = 'x'", "tên")]
    [InlineData("tên = 'x'", "tên")]
    [InlineData("\"name\" = 'x'", "name")]
    public void Quoted_identifiers_name_properties_even_when_they_are_keywords(string text, string property)
    {
        Assert.Equal(Parcels.Ref(property), ((Comparison)Parse(text)).Left);
    }

    [Fact]
    public void An_identifier_typed_with_combining_accents_is_one_name()
    {
        var decomposed = "te\u0302n";
        var error = Assert.Throws<CqlException>(() => Parse(decomposed + " = 'x'"));

        Assert.StartsWith($"unknown property '{decomposed}'", error.Reason);
    }

    [Theory]
    [InlineData("date = DATE('2024-01-31')")]
    [InlineData("\"date\" = DATE('2024-01-31')")]
    [InlineData("date = date('2024-01-31')")]
    public void A_function_keyword_not_followed_by_a_parenthesis_is_read_as_a_property_name(string text)
    {
        Assert.Equal(new Comparison(ComparisonOperator.Equal, Parcels.Ref("date"), Literal.Date(new DateOnly(2024, 1, 31))), Parse(text));
    }

    [Theory]
    [InlineData("floors > 5 and name like 'x%'")]
    [InlineData("floors > 5 AND name LIKE 'x%'")]
    [InlineData("floors > 5 AnD name LiKe 'x%'")]
    public void Keywords_are_case_insensitive_and_property_names_are_not(string text)
    {
        Assert.Equal(Parse("floors > 5 AND name LIKE 'x%'"), Parse(text));
        Assert.Throws<CqlException>(() => Parse(text.Replace("name", "NAME", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("name NOT LIKE 'x%'", "NOT name LIKE 'x%'")]
    [InlineData("floors NOT BETWEEN 1 AND 3", "NOT floors BETWEEN 1 AND 3")]
    [InlineData("floors NOT IN (1, 2)", "NOT floors IN (1, 2)")]
    [InlineData("name IS NOT NULL", "NOT name IS NULL")]
    public void Negated_operators_parse_to_NOT_around_the_positive_predicate(string negated, string wrapped)
    {
        Assert.IsType<Not>(Parse(negated));
        Assert.Equal(Parse(wrapped), Parse(negated));
    }

    [Fact]
    public void BETWEEN_consumes_its_own_AND_and_leaves_the_next_one_to_the_conjunction()
    {
        var tree = Parse("floors BETWEEN 1 AND 3 AND name = 'a'");

        var and = Assert.IsType<And>(tree);
        Assert.Equal(new Between(Parcels.Ref("floors"), Literal.Integer(1), Literal.Integer(3)), and.Operands[0]);
        Assert.Equal(A, and.Operands[1]);
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("true")]
    [InlineData("(TRUE)")]
    public void A_boolean_literal_alone_is_a_filter(string text)
    {
        Assert.Equal(Literal.True, Parse(text));
    }

    [Fact]
    public void A_boolean_literal_may_be_the_left_operand_of_a_comparison()
    {
        Assert.Equal(new Comparison(ComparisonOperator.NotEqual, Literal.False, Parcels.Ref("open")), Parse("FALSE <> open"));
    }

    [Fact]
    public void Two_properties_of_one_kind_may_be_compared()
    {
        Assert.Equal(new Comparison(ComparisonOperator.GreaterThan, Parcels.Ref("floors"), Parcels.Ref("area")), Parse("floors > area"));
    }

    [Fact]
    public void A_date_may_be_compared_with_a_datetime()
    {
        var tree = Parse("updated >= DATE('2024-01-01')");

        Assert.Equal(Literal.Date(new DateOnly(2024, 1, 1)), ((Comparison)tree).Right);
    }

    [Theory]
    [InlineData("TIMESTAMP('2024-01-31T08:00:00Z')", "2024-01-31T08:00:00+00:00")]
    [InlineData("TIMESTAMP('2024-01-31t08:00:00z')", "2024-01-31T08:00:00+00:00")]
    [InlineData("TIMESTAMP('2024-01-31T08:00:00.123456789Z')", "2024-01-31T08:00:00.1234567+00:00")]
    [InlineData("TIMESTAMP('2024-01-31T08:00:00+07:00')", "2024-01-31T01:00:00+00:00")]
    [InlineData("TIMESTAMP('2024-01-01T01:00:00-02:30')", "2024-01-01T03:30:00+00:00")]
    public void A_timestamp_is_read_to_UTC(string literal, string utc)
    {
        var value = (DateTimeOffset)((Literal)((Comparison)Parse("updated = " + literal)).Right).Value;

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void CASEI_and_ACCENTI_wrap_their_operands_and_nest()
    {
        var tree = Parse("CASEI(ACCENTI(name)) = CASEI(ACCENTI('Hà Nội'))");

        var expected = new Comparison(ComparisonOperator.Equal,
            new CaseInsensitive(new AccentInsensitive(Parcels.Ref("name"))),
            new CaseInsensitive(new AccentInsensitive(Literal.Text("Hà Nội"))));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void A_LIKE_pattern_may_sit_inside_CASEI()
    {
        var tree = Parse("CASEI(name) LIKE casei('%HÀ%')");

        Assert.Equal(new Like(new CaseInsensitive(Parcels.Ref("name")), new CaseInsensitive(Literal.Text("%HÀ%"))), tree);
    }

    [Fact]
    public void IN_lists_may_mix_literals_and_properties_of_one_kind()
    {
        var tree = Parse("floors IN (1, 2.5, area)");

        Assert.Equal(new In(Parcels.Ref("floors"), [Literal.Integer(1), Literal.Number(2.5), Parcels.Ref("area")]), tree);
    }

    [Theory]
    [InlineData("geometry")]
    [InlineData("geom")]
    [InlineData("\"geometry\"")]
    public void The_layer_geometry_is_named_geometry_or_geom_and_has_no_property(string name)
    {
        var tree = Parse($"S_INTERSECTS({name}, POINT(105.85 21.02))");

        var spatial = Assert.IsType<SpatialPredicate>(tree);
        var geometry = Assert.IsType<PropertyRef>(spatial.Left);
        Assert.True(geometry.IsGeometry);
        Assert.Null(geometry.Property);
    }

    [Fact]
    public void The_store_geometry_column_can_be_added_as_a_name()
    {
        var options = new CqlParserOptions { GeometryNames = ["geometry", "shape"] };

        var tree = CqlTextParser.Parse("S_INTERSECTS(shape, POINT(1 2))", Parcels, options);

        Assert.Equal(Geometry("shape"), ((SpatialPredicate)tree).Left);
    }

    [Fact]
    public void A_table_without_geometry_has_no_geometry_queryable()
    {
        var error = Assert.Throws<CqlException>(() => CqlTextParser.Parse("geometry IS NULL", Register));

        Assert.StartsWith("unknown property 'geometry'", error.Reason);
    }

    [Fact]
    public void The_key_is_an_integer_queryable()
    {
        var tree = Parse("fid IN (1, 2)");

        var key = Assert.IsType<PropertyRef>(((In)tree).Value);
        Assert.Equal("fid", key.Name);
        Assert.Equal(GeoServer.Core.Sources.PropertyType.Integer, key.Property!.Type);
    }

    [Fact]
    public void A_point_keeps_longitude_first_as_written()
    {
        var point = (Point)SecondGeometry(Parse("S_INTERSECTS(geometry, POINT(105.85 21.02))"));

        Assert.Equal(105.85, point.X);
        Assert.Equal(21.02, point.Y);
        Assert.Equal(0, point.SRID);
    }

    [Theory]
    [InlineData("POINT Z(1 2 3)", "Point", 1)]
    [InlineData("POINT(1 2 3)", "Point", 1)]
    [InlineData("LINESTRING(0 0, 1 1, 2 0)", "LineString", 3)]
    [InlineData("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))", "Polygon", 9)]
    [InlineData("MULTIPOINT((0 0), (1 1))", "MultiPoint", 2)]
    [InlineData("MULTIPOINT(0 0, 1 1)", "MultiPoint", 2)]
    [InlineData("MULTILINESTRING((0 0, 1 1), (2 2, 3 3))", "MultiLineString", 4)]
    [InlineData("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", "MultiPolygon", 8)]
    [InlineData("GEOMETRYCOLLECTION(POINT(0 0), LINESTRING(0 0, 1 1))", "GeometryCollection", 3)]
    [InlineData("point(1 2)", "Point", 1)]
    public void Every_WKT_geometry_type_is_read(string wkt, string type, int positions)
    {
        var geometry = SecondGeometry(Parse($"S_INTERSECTS(geometry, {wkt})"));

        Assert.Equal(type, geometry.GeometryType);
        Assert.Equal(positions, geometry.NumPoints);
    }

    [Fact]
    public void A_BBOX_becomes_a_counter_clockwise_rectangle()
    {
        var box = SecondGeometry(Parse("S_INTERSECTS(geometry, BBOX(102.1, 8.5, 109.5, 23.4))"));

        var expected = Wkt("POLYGON((102.1 8.5, 109.5 8.5, 109.5 23.4, 102.1 23.4, 102.1 8.5))");
        Assert.True(expected.EqualsExact(box));
    }

    [Fact]
    public void A_BBOX_whose_west_is_east_of_its_east_is_split_at_the_antimeridian()
    {
        var box = SecondGeometry(Parse("S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))"));

        var parts = Assert.IsType<MultiPolygon>(box);
        Assert.Equal(new Envelope(170, 180, -10, 10), parts.GetGeometryN(0).EnvelopeInternal);
        Assert.Equal(new Envelope(-180, -170, -10, 10), parts.GetGeometryN(1).EnvelopeInternal);
    }

    [Theory]
    [InlineData("INTERVAL('2024-01-01', '2024-12-31')")]
    [InlineData("INTERVAL('..', '2024-12-31')")]
    [InlineData("INTERVAL('2024-01-01T00:00:00Z', '..')")]
    [InlineData("INTERVAL('..', '..')")]
    [InlineData("INTERVAL(starts, ends)")]
    [InlineData("INTERVAL(starts, '..')")]
    [InlineData("INTERVAL(DATE('2024-01-01'), TIMESTAMP('2024-12-31T00:00:00Z'))")]
    public void Interval_ends_may_be_dates_timestamps_properties_or_open(string interval)
    {
        var tree = Parse($"T_INTERSECTS(updated, {interval})");

        Assert.IsType<IntervalLiteral>(((TemporalPredicate)tree).Right);
    }

    [Fact]
    public void Open_interval_ends_are_null()
    {
        var tree = Parse("T_AFTER(updated, INTERVAL('..', '2024-12-31'))");

        Assert.Equal(new IntervalLiteral(null, Literal.Date(new DateOnly(2024, 12, 31))), ((TemporalPredicate)tree).Right);
    }

    [Theory]
    [InlineData("T_AFTER", TemporalOperator.After)]
    [InlineData("T_BEFORE", TemporalOperator.Before)]
    [InlineData("T_CONTAINS", TemporalOperator.Contains)]
    [InlineData("T_DISJOINT", TemporalOperator.Disjoint)]
    [InlineData("T_DURING", TemporalOperator.During)]
    [InlineData("T_EQUALS", TemporalOperator.Equals)]
    [InlineData("T_FINISHEDBY", TemporalOperator.FinishedBy)]
    [InlineData("T_FINISHES", TemporalOperator.Finishes)]
    [InlineData("T_INTERSECTS", TemporalOperator.Intersects)]
    [InlineData("T_MEETS", TemporalOperator.Meets)]
    [InlineData("T_METBY", TemporalOperator.MetBy)]
    [InlineData("T_OVERLAPPEDBY", TemporalOperator.OverlappedBy)]
    [InlineData("T_OVERLAPS", TemporalOperator.Overlaps)]
    [InlineData("T_STARTEDBY", TemporalOperator.StartedBy)]
    [InlineData("t_starts", TemporalOperator.Starts)]
    public void Every_temporal_function_is_read(string function, TemporalOperator op)
    {
        var tree = Parse($"{function}(INTERVAL(starts, ends), INTERVAL('2024-01-01', '2024-12-31'))");

        Assert.Equal(op, ((TemporalPredicate)tree).Operator);
    }

    [Theory]
    [InlineData("S_INTERSECTS", SpatialOperator.Intersects)]
    [InlineData("S_EQUALS", SpatialOperator.Equals)]
    [InlineData("S_DISJOINT", SpatialOperator.Disjoint)]
    [InlineData("S_TOUCHES", SpatialOperator.Touches)]
    [InlineData("S_WITHIN", SpatialOperator.Within)]
    [InlineData("S_OVERLAPS", SpatialOperator.Overlaps)]
    [InlineData("S_CROSSES", SpatialOperator.Crosses)]
    [InlineData("s_contains", SpatialOperator.Contains)]
    public void Every_spatial_function_is_read(string function, SpatialOperator op)
    {
        var tree = Parse($"{function}(geometry, POINT(1 2))");

        Assert.Equal(op, ((SpatialPredicate)tree).Operator);
    }

    [Theory]
    [InlineData("", 0, "the filter is empty")]
    [InlineData("   ", 0, "the filter is empty")]
    [InlineData("name = 'abc", 7, "unterminated string")]
    [InlineData("name = 'abc\\'", 7, "unterminated string")]
    [InlineData("\"name = 'x'", 0, "unterminated property name")]
    [InlineData("\"\" = 'x'", 0, "empty property name")]
    [InlineData("colour = 'red'", 0, "unknown property 'colour'; the queryables are fid, name, floors,")]
    [InlineData("owner = 'x'", 0, "names are case-sensitive: did you mean 'Owner'?")]
    [InlineData("floors = 'five'", 9, "cannot compare integer property 'floors' with the string 'five'")]
    [InlineData("'five' = floors", 0, "cannot compare the string 'five' with integer property 'floors'")]
    [InlineData("built > '2024-01-01'", 8, "write a date as DATE('yyyy-mm-dd')")]
    [InlineData("name = 5", 7, "cannot compare string property 'name' with the integer 5")]
    [InlineData("open = 1", 7, "cannot compare boolean property 'open' with the integer 1")]
    [InlineData("open < TRUE", 0, "boolean property 'open' can only be compared with = or <>")]
    [InlineData("photo = 'x'", 0, "binary property 'photo' cannot be compared")]
    [InlineData("geometry = POINT(1 2)", 0, "cannot be compared with =; use S_EQUALS")]
    [InlineData("floors = INTERVAL('..', '..')", 9, "an INTERVAL can only be compared by a temporal function")]
    [InlineData("floors LIKE '5%'", 0, "LIKE needs a string, not integer property 'floors'")]
    [InlineData("name LIKE name", 10, "expected a LIKE pattern in quotes")]
    [InlineData("name LIKE 'abc\\\\'", 10, "the LIKE pattern ends with the escape character")]
    [InlineData("name BETWEEN 'a' AND 5", 21, "cannot compare string property 'name' with the integer 5")]
    [InlineData("open BETWEEN FALSE AND TRUE", 0, "BETWEEN needs numbers, strings or instants")]
    [InlineData("floors IN (1, 'two')", 14, "cannot compare integer property 'floors' with the string 'two'")]
    [InlineData("floors IN ()", 11, "expected a property, a literal or a function, found ')'")]
    [InlineData("floors IN 1, 2", 10, "expected '(' to open the IN list")]
    [InlineData("floors IN (1, 2", 15, "expected ')' to close the IN list")]
    [InlineData("CASEI(floors) = 'a'", 6, "CASEI needs a string, not integer property 'floors'")]
    [InlineData("CASEI(name, 'x') = 'a'", 10, "CASEI takes one argument")]
    [InlineData("S_INTERSECTS(name, POINT(1 2))", 13, "S_INTERSECTS needs geometries, not string property 'name'")]
    [InlineData("S_INTERSECTS(geometry)", 21, "S_INTERSECTS takes two arguments, not one")]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2), POINT(3 4))", 33, "S_INTERSECTS takes two arguments, not more")]
    [InlineData("S_INTERSECTS(geometry POINT(1 2))", 22, "expected ',' between the arguments of S_INTERSECTS")]
    [InlineData("T_BEFORE(name, DATE('2024-01-01'))", 9, "T_BEFORE needs instants or intervals, not string property 'name'")]
    [InlineData("T_DURING(built, INTERVAL('2024-01-01', '2024-12-31'))", 9, "T_DURING compares two intervals and date property 'built' is an instant")]
    [InlineData("T_MEETS(INTERVAL(starts, ends), updated)", 32, "T_MEETS compares two intervals")]
    [InlineData("built = DATE('2024-13-01')", 13, "'2024-13-01' is not a date")]
    [InlineData("built = DATE(2024)", 13, "expected a quoted date")]
    [InlineData("updated = TIMESTAMP('2024-01-01')", 20, "is not an RFC 3339 timestamp")]
    [InlineData("updated = TIMESTAMP('2024-01-01T24:00:00Z')", 20, "is not an RFC 3339 timestamp")]
    [InlineData("T_INTERSECTS(updated, INTERVAL('2024-01-01'))", 43, "INTERVAL takes two arguments")]
    [InlineData("T_INTERSECTS(updated, INTERVAL('..', '..', '..'))", 41, "INTERVAL takes two arguments")]
    [InlineData("T_INTERSECTS(updated, INTERVAL('yesterday', '..'))", 31, "'yesterday' is not a date")]
    [InlineData("T_INTERSECTS(updated, INTERVAL(name, '..'))", 31, "an INTERVAL end must be a date, a timestamp, '..'")]
    [InlineData("name = NULL", 7, "NULL is not a value")]
    [InlineData("name IS 5", 8, "expected NULL, found the number 5")]
    [InlineData("floors NOT = 5", 11, "expected LIKE, BETWEEN or IN after NOT")]
    [InlineData("floors BETWEEN 1 OR 5", 17, "expected AND between the bounds of BETWEEN")]
    [InlineData("(floors = 1", 11, "expected ')' to close the parenthesis")]
    [InlineData("floors = 1)", 10, "expected AND, OR or the end of the filter, found ')'")]
    [InlineData("floors = 1 name = 'x'", 11, "expected AND, OR or the end of the filter, found 'name'")]
    [InlineData("floors >", 8, "expected a property, a literal or a function, found the end of the filter")]
    [InlineData("name = 'a' AND", 14, "found the end of the filter")]
    [InlineData("name = 'a' AND OR", 15, "expected a property, a literal or a function, found 'OR'")]
    [InlineData("name", 4, "expected a comparison operator, LIKE, BETWEEN, IN or IS NULL after string property 'name'")]
    [InlineData("floors != 3", 7, "'!=' is not CQL2; write <>")]
    [InlineData("floors = 3 # x", 11, "unexpected character '#'")]
    [InlineData("floors = 5e", 9, "malformed number")]
    [InlineData("area = 1e999", 7, "the number 1e999 is out of range")]
    [InlineData("avg(floors) > 1", 0, "unknown function 'avg'")]
    [InlineData("floors + 1 > 2", 7, "arithmetic expressions are not supported")]
    [InlineData("floors > (area)", 9, "arithmetic expression or an array")]
    [InlineData("floors > -area", 9, "arithmetic expressions are not supported")]
    [InlineData("A_CONTAINS(name, ('a'))", 0, "A_CONTAINS belongs to CQL2 Array Functions")]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2)) = TRUE", 35, "expected AND, OR or the end of the filter")]
    [InlineData("floors = S_INTERSECTS(geometry, POINT(1 2))", 9, "S_INTERSECTS is a predicate and cannot be used as a value")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1, 0 0.5)))", 31, "a polygon ring must end at the position it starts from")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 0 0)))", 31, "a polygon ring needs at least 4 positions")]
    [InlineData("S_INTERSECTS(geometry, LINESTRING(0 0))", 33, "a LINESTRING needs at least 2 positions")]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2 3 4))", 35, "a position has 2 or 3 coordinates")]
    [InlineData("S_INTERSECTS(geometry, POINT(1))", 30, "expected a number, found ')'")]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2)", 33, "expected ')' to close S_INTERSECTS")]
    [InlineData("S_INTERSECTS(geometry, POINT EMPTY)", 29, "empty geometries are not supported")]
    [InlineData("S_INTERSECTS(geometry, POINT M(1 2 3))", 29, "measured (M) coordinates are not supported")]
    [InlineData("S_INTERSECTS(geometry, BBOX(0, 1, 2))", 23, "BBOX takes 4 numbers")]
    [InlineData("S_INTERSECTS(geometry, BBOX(0, 1, 2, 3, 4, 5, 6))", 23, "BBOX takes 4 numbers")]
    [InlineData("S_INTERSECTS(geometry, BBOX(0, 3, 2, 1))", 23, "the BBOX's south bound 3 is greater than its north bound 1")]
    [InlineData("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(1 2))))", 42, "a GEOMETRYCOLLECTION cannot contain another")]
    [InlineData("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(BBOX(0, 0, 1, 1)))", 42, "expected a geometry such as POINT")]
    public void A_bad_filter_is_rejected_with_the_problem_and_its_position(string text, int position, string reason)
    {
        var error = Assert.Throws<CqlException>(() => Parse(text));

        Assert.Contains(reason, error.Reason);
        Assert.Equal(position, error.Position);
        Assert.Null(error.JsonPath);
        Assert.EndsWith($"(at position {position})", error.Message);
    }

    [Fact]
    public void The_unknown_property_message_lists_the_queryables_including_the_geometry()
    {
        var error = Assert.Throws<CqlException>(() => Parse("colour = 'red'"));

        Assert.Contains("fid, name, floors, area, open, built, updated, starts, ends, photo, date, and, tên, Owner, geometry", error.Reason);
    }

    private static CqlExpression Parse(string text) => CqlTextParser.Parse(text, Parcels);

    private static Geometry SecondGeometry(CqlExpression spatial) =>
        ((GeometryLiteral)((SpatialPredicate)spatial).Right).Geometry;

    private static Geometry Wkt(string wkt) => new NetTopologySuite.IO.WKTReader().Read(wkt);

    private static Comparison Eq(string property, CqlExpression value) =>
        new(ComparisonOperator.Equal, Parcels.Ref(property), value);

    /// <summary>The tree's boolean structure over the leaves A, B and C, e.g. "Or(And(A,B),C)".</summary>
    private static string Shape(CqlExpression e) => e switch
    {
        And and => $"And({string.Join(",", and.Operands.Select(Shape))})",
        Or or => $"Or({string.Join(",", or.Operands.Select(Shape))})",
        Not not => $"Not({Shape(not.Operand)})",
        _ when e.Equals(A) => "A",
        _ when e.Equals(B) => "B",
        _ when e.Equals(C) => "C",
        _ => e.ToString(),
    };
}
