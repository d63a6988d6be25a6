using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>
/// The spatial relations of <see cref="SpatialPredicate"/> between two geometries through NetTopologySuite, the one
/// place where stores without PostGIS (the GeoPackage store's SQLite function) and in-memory evaluation
/// (<see cref="CqlEvaluator"/>) decide them, so that both answer alike.
/// </summary>
public static class CqlSpatialRelation
{
    /// <summary>
    /// Whether <paramref name="left"/> relates to <paramref name="right"/> by <paramref name="relation"/> (Simple
    /// Features Part 1 clause 6.1.15). Never throws on awkward shapes: NetTopologySuite 2.5 cannot relate mixed
    /// geometry collections or some invalid shapes, and only the relations it can still answer exactly are answered.
    /// </summary>
    public static bool Holds(SpatialOperator relation, Geometry left, Geometry right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.IsEmpty || right.IsEmpty) return relation == SpatialOperator.Disjoint;
        // Byte-identical shapes are equal even when invalid (a self-intersecting ring), as PostGIS treats them.
        if (relation == SpatialOperator.Equals && left.EqualsExact(right)) return true;
        try
        {
            return Evaluate(relation, Homogeneous(left), Homogeneous(right));
        }
        catch (Exception e) when (e is ArgumentException or TopologyException or InvalidOperationException)
        {
            return relation switch
            {
                SpatialOperator.Intersects => SafeIntersects(left, right),
                SpatialOperator.Disjoint => !SafeIntersects(left, right),
                SpatialOperator.Equals => SameUnion(left, right),
                _ => false,
            };
        }
    }

    // Two mixed collections are equal when their unions, normalised, have the same vertices.
    private static bool SameUnion(Geometry a, Geometry b)
    {
        try
        {
            var ua = a.Union();
            var ub = b.Union();
            ua.Normalize();
            ub.Normalize();
            return ua.EqualsExact(ub);
        }
        catch (Exception e) when (e is ArgumentException or TopologyException)
        {
            return false;
        }
    }

    private static bool Evaluate(SpatialOperator relation, Geometry a, Geometry b) => relation switch
    {
        SpatialOperator.Intersects => a.Intersects(b),
        SpatialOperator.Equals => a.EqualsTopologically(b),
        SpatialOperator.Disjoint => a.Disjoint(b),
        SpatialOperator.Touches => a.Touches(b),
        SpatialOperator.Within => a.Within(b),
        SpatialOperator.Overlaps => a.Overlaps(b),
        SpatialOperator.Crosses => a.Crosses(b),
        SpatialOperator.Contains => a.Contains(b),
        _ => false,
    };

    // A GEOMETRYCOLLECTION of one kind relates as its union (a multi-geometry), which NTS's relate accepts.
    private static Geometry Homogeneous(Geometry g) =>
        g.OgcGeometryType == OgcGeometryType.GeometryCollection ? g.Union() : g;

    private static bool SafeIntersects(Geometry a, Geometry b)
    {
        try { return a.Intersects(b); }
        catch (Exception e) when (e is ArgumentException or TopologyException) { return false; }
    }
}
