using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Tilesets;

/// <summary>What every tile endpoint (WMTS, XYZ) reads: layers as the caller sees them, styles, CRSs, grids and limits.</summary>
public sealed record TileServices(LayerRegistry Layers, StyleCatalog Styles, CrsRegistry Crs, TileMatrixSetRegistry Grids,
    ServerOptions Server, WmsOptions Limits);
