namespace GeoServer.Tiles.OgcTiles;

/// <summary>The link relations OGC API – Tiles 1.0 and TMS 2.0 use, each spelled once.</summary>
public static class OgcTileRelations
{
    /// <summary>From a collection or the landing page to its vector tilesets list.</summary>
    public const string TilesetsVector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    /// <summary>From a collection or the landing page to its map tilesets list.</summary>
    public const string TilesetsMap = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";

    /// <summary>To a tile matrix set definition (from a tileset) or to the list of them (from the landing page).</summary>
    public const string TilingScheme = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

    /// <summary>The landing page's link to the list of tile matrix sets, as OGC API – Tiles 1.0 §7.2 names it.</summary>
    public const string TilingSchemes = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";

    /// <summary>From a tileset back to the data it tiles.</summary>
    public const string Geodata = "http://www.opengis.net/def/rel/ogc/1.0/geodata";
}
