using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Tilesets;

/// <summary>
/// What every tile endpoint (WMTS, XYZ, OGC API Tiles) reads: layers as the caller sees them, styles, CRSs, grids,
/// limits and the tile cache (null when disabled).
/// </summary>
public sealed record TileServices(LayerRegistry Layers, StyleCatalog Styles, CrsRegistry Crs, TileMatrixSetRegistry Grids,
    ServerOptions Server, WmsOptions Limits, TileCache? Cache = null);
