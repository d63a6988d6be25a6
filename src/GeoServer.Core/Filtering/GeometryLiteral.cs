using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>
/// A WKT or GeoJSON geometry, or a BBOX turned into a polygon. Coordinates are as the filter gave them, in the
/// filter CRS (CRS84 unless the request says otherwise), x then y as written: CQL2 writes longitude before latitude.
/// SRID is 0: the caller knows the filter CRS. Z values are kept when given.
/// </summary>
public sealed record GeometryLiteral(Geometry Geometry) : CqlExpression
{
    public override IEnumerable<CqlExpression> Children => [];

    // NTS's Equals(Geometry) is topological and throws on invalid input; trees compare coordinates exactly.
    public bool Equals(GeometryLiteral? other) =>
        other is not null && Geometry.GetType() == other.Geometry.GetType() && Geometry.EqualsExact(other.Geometry);

    public override int GetHashCode() => Geometry.EnvelopeInternal.GetHashCode();
}
