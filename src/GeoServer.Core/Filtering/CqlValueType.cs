namespace GeoServer.Core.Filtering;

/// <summary>The kinds of value the parsers type-check with: operands of one comparison share a kind.</summary>
internal enum CqlValueType
{
    String,
    Number,
    Boolean,
    Temporal,
    Geometry,
    Interval,
    Binary,
    Predicate,
}
