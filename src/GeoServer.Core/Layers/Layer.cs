using GeoServer.Core.Sources;

namespace GeoServer.Core.Layers;

/// <summary>A published layer: its description and the source that serves its features.</summary>
public sealed record Layer(LayerInfo Info, IFeatureSource Features);
