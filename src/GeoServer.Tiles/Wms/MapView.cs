using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Wms;

/// <summary>The parts GetMap and GetFeatureInfo share: which layers, drawn how, where, on what image.</summary>
public sealed record MapView(
    IReadOnlyList<StyledLayer> Layers,
    MapFrame Frame,
    ImageFormat Format,
    string MediaType,
    bool Transparent,
    Rgba Background);
