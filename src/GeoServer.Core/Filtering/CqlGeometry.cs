using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>Builds geometry literals for both parsers, with the checks NTS would otherwise throw on.</summary>
internal static class CqlGeometry
{
    public static readonly GeometryFactory Factory = new();

    public static Coordinate Coordinate(double x, double y, double z) =>
        double.IsNaN(z) ? new Coordinate(x, y) : new CoordinateZ(x, y, z);

    /// <summary>Null when the positions make a linear ring, else why not.</summary>
    public static string? CheckRing(IReadOnlyList<Coordinate> ring)
    {
        if (ring.Count < 4)
            return $"a polygon ring needs at least 4 positions, not {ring.Count}";
        if (!ring[0].Equals2D(ring[^1]))
            return "a polygon ring must end at the position it starts from";
        return null;
    }

    /// <summary>Null when the bounds make a box, else why not.</summary>
    public static string? CheckBox(double west, double south, double east, double north) =>
        south > north ? $"the BBOX's south bound {south} is greater than its north bound {north}" : null;

    /// <summary>
    /// The box as a polygon, counter-clockwise from (west, south). West greater than east crosses the antimeridian,
    /// as in OGC API bbox parameters: the box is split at ±180 into a multipolygon.
    /// </summary>
    public static Geometry Box(double west, double south, double east, double north)
    {
        if (west <= east)
            return Rectangle(west, south, east, north);
        return Factory.CreateMultiPolygon([Rectangle(west, south, 180, north), Rectangle(-180, south, east, north)]);
    }

    private static Polygon Rectangle(double west, double south, double east, double north) =>
        Factory.CreatePolygon([
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
            new Coordinate(west, north), new Coordinate(west, south),
        ]);
}
