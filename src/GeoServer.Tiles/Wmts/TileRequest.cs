using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;

namespace GeoServer.Tiles.Wmts;

/// <summary>One validated tile: which tileset in which style, on which grid cell, encoded how.</summary>
public sealed record TileRequest(Tileset Tileset, IReadOnlyList<StyledLayer> Layers, TileMatrixSet Set, TileMatrix Matrix,
    long Row, long Col, ImageFormat Format, string MediaType);
