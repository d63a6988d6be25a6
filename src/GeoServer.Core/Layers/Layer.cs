using GeoServer.Core.Sources;

namespace GeoServer.Core.Layers;

/// <summary>
/// A published layer: its description and the source that serves its features. A raster layer also has its
/// <see cref="Raster"/>; its features are then the raster's footprint.
/// </summary>
public sealed record Layer(LayerInfo Info, IFeatureSource Features)
{
    /// <summary>The pixels of a raster layer; null for a layer of features.</summary>
    public IRasterSource? Raster { get; init; }
}
