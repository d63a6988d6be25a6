using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Spatial;

/// <summary>
/// Reads a GeoJSON geometry object (RFC 7946 3.1) into a NetTopologySuite geometry, keeping x and y in the order
/// written (a third ordinate is dropped: layers are two-dimensional). Anything malformed is a
/// <see cref="FormatException"/> whose message names the problem; collections nest at most a few levels.
/// </summary>
public static class GeoJsonGeometryReader
{
    private const int MaxDepth = 4;
    private static readonly GeometryFactory Factory = new();

    public static Geometry Read(JsonElement geometry) => Read(geometry, 0);

    private static Geometry Read(JsonElement g, int depth)
    {
        if (g.ValueKind != JsonValueKind.Object) throw new FormatException("A geometry must be a JSON object.");
        if (!g.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new FormatException("A geometry needs a \"type\".");
        string type = typeElement.GetString()!;
        if (type == "GeometryCollection")
        {
            if (depth >= MaxDepth) throw new FormatException("GeometryCollections nest too deep.");
            if (!g.TryGetProperty("geometries", out var members) || members.ValueKind != JsonValueKind.Array)
                throw new FormatException("A GeometryCollection needs a \"geometries\" array.");
            return Factory.CreateGeometryCollection(members.EnumerateArray().Select(m => Read(m, depth + 1)).ToArray());
        }
        if (!g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array)
            throw new FormatException($"A {type} needs a \"coordinates\" array.");
        return type switch
        {
            "Point" => Factory.CreatePoint(Position(c)),
            "MultiPoint" => Factory.CreateMultiPoint(Positions(c, 0)),
            "LineString" => Line(c),
            "MultiLineString" => Factory.CreateMultiLineString(Array(c).Select(Line).ToArray()),
            "Polygon" => Polygon(c),
            "MultiPolygon" => Factory.CreateMultiPolygon(Array(c).Select(Polygon).ToArray()),
            _ => throw new FormatException($"'{type}' is not a GeoJSON geometry type."),
        };
    }

    private static LineString Line(JsonElement c)
    {
        var points = Positions(c, 2);
        return Factory.CreateLineString(points.Select(p => p.Coordinate).ToArray());
    }

    private static Polygon Polygon(JsonElement c)
    {
        var rings = Array(c).Select(r =>
        {
            var coordinates = Positions(r, 4).Select(p => p.Coordinate).ToArray();
            if (!coordinates[0].Equals2D(coordinates[^1]))
                throw new FormatException("A polygon ring must end where it starts (RFC 7946 3.1.6).");
            return Factory.CreateLinearRing(coordinates);
        }).ToArray();
        if (rings.Length == 0) throw new FormatException("A Polygon needs at least one ring.");
        return Factory.CreatePolygon(rings[0], rings[1..]);
    }

    private static Point[] Positions(JsonElement c, int atLeast)
    {
        var points = Array(c).Select(p => Factory.CreatePoint(Position(p))).ToArray();
        if (points.Length < atLeast) throw new FormatException($"Expected at least {atLeast} positions, got {points.Length}.");
        return points;
    }

    private static IEnumerable<JsonElement> Array(JsonElement c) => c.ValueKind == JsonValueKind.Array
        ? c.EnumerateArray() : throw new FormatException("Coordinates must be nested arrays.");

    private static Coordinate Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() is < 2 or > 4)
            throw new FormatException("A position is an array of 2 or 3 numbers.");
        double x = Number(p[0]), y = Number(p[1]);
        return new Coordinate(x, y);
    }

    private static double Number(JsonElement n) =>
        n.ValueKind == JsonValueKind.Number && n.TryGetDouble(out var d) && double.IsFinite(d)
            ? d : throw new FormatException("A coordinate must be a finite number.");
}
