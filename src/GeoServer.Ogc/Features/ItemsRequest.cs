using GeoServer.Core.Crs;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Features;

/// <summary>
/// A validated items request: the store query, the output CRS, where this page starts, and the positions in the
/// schema of the properties to return (null for all), and the number of matches when an earlier page already
/// counted them (carried in the cursor).
/// </summary>
public sealed record ItemsRequest(FeatureQuery Query, CrsDefinition OutputCrs, long Position, IReadOnlyList<int>? Properties = null,
    long? KnownMatched = null);
