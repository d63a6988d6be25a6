using GeoServer.Core.Layers;
using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Rendering;

/// <summary>A feature found under the clicked pixel, with its layer and distance from the click in pixels.</summary>
public sealed record FeatureInfoHit(Layer Layer, Feature Feature, double DistancePixels);
