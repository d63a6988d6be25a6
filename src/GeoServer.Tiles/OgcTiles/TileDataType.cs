namespace GeoServer.Tiles.OgcTiles;

/// <summary>The two kinds of tilesets served under /ogc: vector tiles (MVT) of the features, and map tiles (PNG, JPEG) drawn in the default styles.</summary>
public enum TileDataType
{
    /// <summary>Mapbox Vector Tiles, under …/tiles.</summary>
    Vector,

    /// <summary>Rendered images, under …/map/tiles.</summary>
    Map,
}
