using System.Text.Json;
using GeoServer.Core.Filtering;
using NetTopologySuite.Geometries;
using static GeoServer.Tests.Core.Filtering.CqlTestSchemas;

namespace GeoServer.Tests.Core.Filtering;

public sealed class CqlJsonParserTests
{
    [Theory]
    [InlineData("""{"op":"=","args":[{"property":"floors"},5]}""", "floors = 5")]
    [InlineData("""{"op":"=","args":[{"property":"area"},5.0]}""", "area = 5.0")]
    [InlineData("""{"op":"=","args":[{"property":"area"},1e2]}""", "area = 1e2")]
    [InlineData("""{"op":"=","args":[{"property":"floors"},-5]}""", "floors = -5")]
    [InlineData("""{"op":"=","args":[{"property":"name"},"it's"]}""", "name = 'it''s'")]
    [InlineData("""{"op":"like","args":[{"property":"name"},"50\\%"]}""", @"name LIKE '50\%'")]
    [InlineData("""{"op":"=","args":[{"property":"open"},true]}""", "open = TRUE")]
    [InlineData("""{"op":"<>","args":[false,{"property":"open"}]}""", "FALSE <> open")]
    [InlineData("""{"op":">=","args":[{"property":"updated"},{"timestamp":"2024-01-31T08:00:00+07:00"}]}""", "updated >= TIMESTAMP('2024-01-31T01:00:00Z')")]
    [InlineData("""{"op":"in","args":[{"property":"floors"},[1,2.5,{"property":"area"}]]}""", "floors IN (1, 2.5, area)")]
    [InlineData("""{"op":"isNull","args":[{"property":"geom"}]}""", "geom IS NULL")]
    [InlineData("""{"op":"isnull","args":[{"property":"name"}]}""", "name IS NULL")]
    [InlineData("""{"op":"AND","args":[{"op":"=","args":[{"property":"floors"},1]},{"op":"not","args":[true]}]}""", "floors = 1 AND NOT TRUE")]
    [InlineData("""true""", "TRUE")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"MultiPoint","coordinates":[[0,0],[1,1]]}]}""", "S_INTERSECTS(geometry, MULTIPOINT(0 0, 1 1))")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]],"bbox":[0,0,4,4]}]}""", "S_INTERSECTS(geometry, POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[170,-10,-170,10]}]}""", "S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))")]
    [InlineData("""{"op":"t_intersects","args":[{"property":"updated"},{"interval":["..",{"property":"ends"}]}]}""", "T_INTERSECTS(updated, INTERVAL('..', ends))")]
    [InlineData("""{"op":"t_intersects","args":[{"property":"updated"},{"interval":[{"date":"2024-01-01"},".."]}]}""", "T_INTERSECTS(updated, INTERVAL('2024-01-01', '..'))")]
    [InlineData("""{"op":"like","args":[{"op":"casei","args":[{"property":"name"}]},{"op":"accenti","args":[{"op":"casei","args":["%ha noi%"]}]}]}""", "CASEI(name) LIKE ACCENTI(CASEI('%ha noi%'))")]
    public void A_JSON_filter_gives_the_same_tree_as_its_text_form(string json, string text)
    {
        Assert.Equal(CqlTextParser.Parse(text, Parcels), Parse(json));
    }

    [Fact]
    public void A_filter_already_read_as_a_JsonElement_can_be_parsed()
    {
        using var body = JsonDocument.Parse("""{"filter":{"op":"=","args":[{"property":"floors"},5]},"limit":10}""");

        var tree = CqlJsonParser.Parse(body.RootElement.GetProperty("filter"), Parcels);

        Assert.Equal(new Comparison(ComparisonOperator.Equal, Parcels.Ref("floors"), Literal.Integer(5)), tree);
    }

    [Fact]
    public void A_GeoJSON_geometry_collection_keeps_its_members_and_z_values()
    {
        var tree = Parse("""
            {"op":"s_intersects","args":[{"property":"geometry"},{"type":"GeometryCollection","geometries":[
              {"type":"Point","coordinates":[1,2,3]},
              {"type":"LineString","coordinates":[[0,0],[1,1]]},
              {"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]},
              {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}]}]}
            """);

        var collection = Assert.IsType<GeometryCollection>(((GeometryLiteral)((SpatialPredicate)tree).Right).Geometry);
        Assert.Equal(4, collection.NumGeometries);
        Assert.Equal(3, ((Point)collection.GetGeometryN(0)).Z);
    }

    [Theory]
    [InlineData("", "$", "invalid JSON at line 1, byte 1")]
    [InlineData("{", "$", "invalid JSON")]
    [InlineData("""{"op":"=","args":[1,1]} x""", "$", "invalid JSON")]
    [InlineData("[]", "$", "expected a predicate")]
    [InlineData("5", "$", "expected a predicate")]
    [InlineData("""{"property":"open"}""", "$", "expected a predicate")]
    [InlineData("""{"op":5,"args":[]}""", "$.op", "\"op\" must be an operator or function name")]
    [InlineData("""{"op":"="}""", "$", "\"args\" must be an array")]
    [InlineData("""{"op":"=","args":5}""", "$", "\"args\" must be an array")]
    [InlineData("""{"op":"=","args":[{"property":"colour"},1]}""", "$.args[0].property", "unknown property 'colour'; the queryables are fid, name,")]
    [InlineData("""{"op":"=","args":[{"property":5},1]}""", "$.args[0].property", "\"property\" must be a property name")]
    [InlineData("""{"op":"=","args":[{"property":"floors"},"five"]}""", "$.args[1]", "cannot compare integer property 'floors' with the string 'five'")]
    [InlineData("""{"op":"=","args":["five",{"property":"floors"}]}""", "$.args[0]", "cannot compare the string 'five' with integer property 'floors'")]
    [InlineData("""{"op":"=","args":[{"property":"floors"}]}""", "$.args", "'=' takes 2 arguments, not 1")]
    [InlineData("""{"op":"and","args":[{"op":"=","args":[{"property":"floors"},1]}]}""", "$.args", "'and' takes at least 2 arguments, not 1")]
    [InlineData("""{"op":"not","args":[]}""", "$.args", "'not' takes 1 argument, not 0")]
    [InlineData("""{"op":"not","args":[{"op":"not","args":[{"op":"not","args":[]}]}]}""", "$.args[0].args[0].args", "'not' takes 1 argument")]
    [InlineData("""{"op":"between","args":[{"property":"floors"},1]}""", "$.args", "'between' takes 3 arguments, not 2")]
    [InlineData("""{"op":"between","args":[{"property":"floors"},1,"z"]}""", "$.args[2]", "cannot compare integer property 'floors' with the string 'z'")]
    [InlineData("""{"op":"in","args":[{"property":"floors"},1]}""", "$.args[1]", "must be an array of values")]
    [InlineData("""{"op":"in","args":[{"property":"floors"},[]]}""", "$.args[1]", "the list of 'in' is empty")]
    [InlineData("""{"op":"in","args":[{"property":"floors"},[1,"two"]]}""", "$.args[1][1]", "cannot compare integer property 'floors' with the string 'two'")]
    [InlineData("""{"op":"like","args":[{"property":"floors"},"1%"]}""", "$.args[0]", "LIKE needs a string, not integer property 'floors'")]
    [InlineData("""{"op":"like","args":[{"property":"name"},5]}""", "$.args[1]", "a LIKE pattern must be a string")]
    [InlineData("""{"op":"like","args":[{"property":"name"},"abc\\"]}""", "$.args[1]", "the LIKE pattern ends with the escape character")]
    [InlineData("""{"op":"isNull","args":[{"interval":["..",".."]}]}""", "$.args[0]", "IS NULL needs a property or a value, not an INTERVAL")]
    [InlineData("""{"op":"=","args":[{"property":"name"},null]}""", "$.args[1]", "null is not a value; test for it with isNull")]
    [InlineData("""{"op":"=","args":[{"property":"name"},["a"]]}""", "$.args[1]", "an array is only allowed as the list of 'in'")]
    [InlineData("""{"op":"=","args":[{"property":"name"},{"colour":"red"}]}""", "$.args[1]", "expected a value")]
    [InlineData("""{"op":"=","args":[{"property":"built"},{"date":"2024-02-30"}]}""", "$.args[1].date", "\"2024-02-30\" is not a date")]
    [InlineData("""{"op":"=","args":[{"property":"built"},{"date":20240101}]}""", "$.args[1].date", "20240101 is not a date")]
    [InlineData("""{"op":"t_after","args":[{"property":"updated"},{"timestamp":"2024-01-01"}]}""", "$.args[1].timestamp", "is not an RFC 3339 timestamp")]
    [InlineData("""{"op":"t_intersects","args":[{"property":"updated"},{"interval":["2024-01-01"]}]}""", "$.args[1].interval", "\"interval\" must be an array of a start and an end")]
    [InlineData("""{"op":"t_intersects","args":[{"property":"updated"},{"interval":["soon",".."]}]}""", "$.args[1].interval[0]", "'soon' is not a date")]
    [InlineData("""{"op":"t_intersects","args":[{"property":"updated"},{"interval":[{"property":"name"},".."]}]}""", "$.args[1].interval[0]", "an INTERVAL end must be")]
    [InlineData("""{"op":"t_during","args":[{"property":"updated"},{"interval":["2024-01-01",".."]}]}""", "$.args[0]", "T_DURING compares two intervals")]
    [InlineData("""{"op":"t_before","args":[{"property":"floors"},{"date":"2024-01-01"}]}""", "$.args[0]", "T_BEFORE needs instants or intervals, not integer property 'floors'")]
    [InlineData("""{"op":"s_within","args":[{"property":"name"},{"bbox":[0,0,1,1]}]}""", "$.args[0]", "S_WITHIN needs geometries, not string property 'name'")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[0,1,2]}]}""", "$.args[1].bbox", "\"bbox\" must be an array of 4 numbers")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[0,3,2,"1"]}]}""", "$.args[1].bbox[3]", "expected a number, found \"1\"")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[0,3,2,1]}]}""", "$.args[1].bbox", "south bound 3 is greater than its north bound 1")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[1]}]}""", "$.args[1].coordinates", "a position is an array of 2 or 3 numbers")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point"}]}""", "$.args[1]", "needs a \"coordinates\" array")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"LineString","coordinates":[[0,0]]}]}""", "$.args[1].coordinates", "a LineString needs at least 2 positions")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0.5]]]}]}""", "$.args[1].coordinates[0]", "a polygon ring must end at the position it starts from")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[]}]}""", "$.args[1].coordinates", "a Polygon needs at least one ring")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[0,0]]]]}]}""", "$.args[1].coordinates[0][0]", "a polygon ring needs at least 4 positions, not 3")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Circle","coordinates":[1,2]}]}""", "$.args[1].type", "unknown GeoJSON geometry type Circle")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}]}""", "$.args[1].geometries[0].type", "cannot contain another")]
    [InlineData("""{"op":"=","args":[{"op":"casei","args":[{"property":"floors"}]},"a"]}""", "$.args[0].args[0]", "CASEI needs a string, not integer property 'floors'")]
    [InlineData("""{"op":"=","args":[{"op":"casei","args":["a","b"]},"a"]}""", "$.args[0].args", "'casei' takes 1 argument, not 2")]
    [InlineData("""{"op":"casei","args":["a"]}""", "$", "'casei' gives a string, not true or false")]
    [InlineData("""{"op":"=","args":[{"op":"=","args":[1,1]},true]}""", "$.args[0]", "'=' is a predicate and cannot be used as a value")]
    [InlineData("""{"op":"avg","args":[{"property":"area"}]}""", "$.op", "unknown function 'avg'")]
    [InlineData("""{"op":"=","args":[{"property":"floors"},{"op":"+","args":[1,2]}]}""", "$.args[1].op", "arithmetic expressions ('+') are not supported")]
    [InlineData("""{"op":"a_overlaps","args":[{"property":"name"},["a"]]}""", "$.op", "'a_overlaps' belongs to CQL2 Array Functions")]
    [InlineData("""{"op":"=","args":[{"property":"area"},1e999]}""", "$.args[1]", "the number 1e999 is out of range")]
    public void A_bad_JSON_filter_is_rejected_with_the_problem_and_its_path(string json, string path, string reason)
    {
        var error = Assert.Throws<CqlException>(() => Parse(json));

        Assert.Contains(reason, error.Reason);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(-1, error.Position);
        Assert.EndsWith($"(at {path})", error.Message);
    }

    private static CqlExpression Parse(string json) => CqlJsonParser.Parse(json, Parcels);
}
