namespace GeoServer.Core.Filtering;

/// <summary>
/// The spatial comparison functions S_INTERSECTS … S_CONTAINS, with the meaning of Simple Features Part 1 clause
/// 6.1.15 (ST_Intersects … ST_Contains in PostGIS, Left first).
/// </summary>
public enum SpatialOperator
{
    Intersects,
    Equals,
    Disjoint,
    Touches,
    Within,
    Overlaps,
    Crosses,
    Contains,
}
