using GeoServer.Core.Layers;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Rendering;

/// <summary>A layer to draw and the style to draw it with, compiled against the layer's schema.</summary>
public sealed record StyledLayer(Layer Layer, CompiledStyle Style);
