using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Tilesets;

/// <summary>
/// What every tile endpoint (WMTS, XYZ, OGC API Tiles) reads: layers as the caller sees them, styles, CRSs, grids,
/// limits, the tile cache (null when disabled) and how many tiles a side a map tile's meta-tile has (1: no meta-tiles).
/// </summary>
public sealed record TileServices(LayerRegistry Layers, StyleCatalog Styles, CrsRegistry Crs, TileMatrixSetRegistry Grids,
    ServerOptions Server, WmsOptions Limits, TileCache? Cache = null, int MetaTileSize = MetaTile.DefaultSize);
