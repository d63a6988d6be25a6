using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Wms;

/// <summary>What every WMS operation reads: layers as the caller sees them, styles, CRSs and limits.</summary>
public sealed record WmsServices(LayerRegistry Layers, StyleCatalog Styles, CrsRegistry Crs, ServerOptions Server, WmsOptions Options,
    RenderSlots Slots);
