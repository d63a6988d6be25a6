using GeoServer.Core.Crs;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Features;

/// <summary>A validated items request: the store query, the output CRS and where this page starts.</summary>
public sealed record ItemsRequest(FeatureQuery Query, CrsDefinition OutputCrs, long Position);
