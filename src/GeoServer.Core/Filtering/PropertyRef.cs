using GeoServer.Core.Sources;

namespace GeoServer.Core.Filtering;

/// <summary>
/// A queryable named in the filter, resolved against the layer's <see cref="FeatureSchema"/>. A null
/// <see cref="Property"/> means the layer's geometry, which a filter names "geometry" or "geom"
/// (<see cref="CqlParserOptions.GeometryNames"/>); stores substitute their geometry column.
/// </summary>
/// <param name="Name">The name as the schema spells it (as the filter spelled it for the geometry).</param>
/// <param name="Property">The attribute column; null for the layer's geometry.</param>
public sealed record PropertyRef(string Name, PropertyInfo? Property) : CqlExpression
{
    /// <summary>True when this names the layer's geometry rather than an attribute.</summary>
    public bool IsGeometry => Property is null;

    public override IEnumerable<CqlExpression> Children => [];
}
