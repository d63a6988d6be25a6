using NetTopologySuite.Geometries;

namespace GeoServer.Core.Editing;

/// <summary>
/// A feature as a client sent it, already checked against the layer's schema: its geometry in the layer's storage
/// CRS (null = none), and values by property name (long, double, bool, string; dates as ISO 8601 text). A property
/// left out keeps its value in a patch and becomes NULL in an insert or a replace.
/// </summary>
public sealed record FeatureDraft(Geometry? Geometry, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Whether the draft sets the geometry; a patch without "geometry" leaves it as it is.</summary>
    public bool SetsGeometry { get; init; } = true;
}
