using GeoServer.Core.Spatial;

namespace GeoServer.Core.Layers;

/// <summary>
/// Features of a layer changed inside these envelopes (the layer's storage CRS); <see cref="Areas"/> null means
/// anywhere (a TRUNCATE, or changes that may have been missed).
/// </summary>
public sealed record LayerDataChange(LayerInfo Layer, IReadOnlyList<BBox>? Areas);
