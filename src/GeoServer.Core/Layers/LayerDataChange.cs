using GeoServer.Core.Spatial;

namespace GeoServer.Core.Layers;

/// <summary>Features of a layer changed inside these envelopes (the layer's storage CRS).</summary>
public sealed record LayerDataChange(LayerInfo Layer, IReadOnlyList<BBox> Areas);
