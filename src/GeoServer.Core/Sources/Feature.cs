using NetTopologySuite.Geometries;

namespace GeoServer.Core.Sources;

/// <summary>
/// One feature as read from a source: its key, its geometry in the source's storage CRS (null when absent),
/// and its attribute values in the order of <see cref="FeatureSchema.Properties"/> (a value may be null).
/// Values are long, double, bool, string or byte[]; dates stay as the store's ISO 8601 text.
/// </summary>
public sealed record Feature(long Id, Geometry? Geometry, object?[] Values);
