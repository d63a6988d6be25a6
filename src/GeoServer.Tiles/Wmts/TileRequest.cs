using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;

namespace GeoServer.Tiles.Wmts;

/// <summary>One validated tile: which tileset in which style ("default" when none was named), on which grid cell, encoded how.</summary>
public sealed record TileRequest(Tileset Tileset, string Style, IReadOnlyList<StyledLayer> Layers, TileMatrixSet Set, TileMatrix Matrix,
    long Row, long Col, ImageFormat Format, string MediaType)
{
    /// <summary>Where the tile is kept in the cache.</summary>
    public TileKey CacheKey => new(Tileset.CacheId, Style, Set.Id, Matrix.Id, Row, Col, MapTiles.Extension(Format));
}
