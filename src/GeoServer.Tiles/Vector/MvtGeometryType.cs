namespace GeoServer.Tiles.Vector;

/// <summary>The geometry types of a Mapbox Vector Tile feature (spec 4.3.4, the <c>GeomType</c> enum).</summary>
public enum MvtGeometryType
{
    /// <summary>No geometry, or one with nothing left after clipping.</summary>
    Unknown = 0,

    /// <summary>One or more points (a multi-point is one MoveTo with several pairs).</summary>
    Point = 1,

    /// <summary>One or more line strings.</summary>
    LineString = 2,

    /// <summary>One or more polygons, each an exterior ring followed by its interior rings.</summary>
    Polygon = 3,
}
