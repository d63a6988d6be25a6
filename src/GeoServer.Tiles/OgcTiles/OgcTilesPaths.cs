namespace GeoServer.Tiles.OgcTiles;

/// <summary>
/// The URLs of the OGC API – Tiles resources below an API root (e.g. http://host/ogc). A tileset's base is the API
/// root itself for the dataset's tilesets, or a collection's URL for that collection's.
/// </summary>
public static class OgcTilesPaths
{
    /// <summary>The list of tile matrix sets.</summary>
    public static string TileMatrixSets(string ogcRoot) => ogcRoot + "/tileMatrixSets";

    /// <summary>One tile matrix set's definition.</summary>
    public static string TileMatrixSet(string ogcRoot, string id) => TileMatrixSets(ogcRoot) + "/" + Uri.EscapeDataString(id);

    /// <summary>A collection's URL, the base of its tilesets.</summary>
    public static string Collection(string ogcRoot, string collectionId) => ogcRoot + "/collections/" + Uri.EscapeDataString(collectionId);

    /// <summary>The tilesets list of a dataset or collection (<paramref name="baseUrl"/>).</summary>
    public static string Tilesets(string baseUrl, TileDataType type) => baseUrl + (type == TileDataType.Vector ? "/tiles" : "/map/tiles");

    /// <summary>One tileset's metadata.</summary>
    public static string Tileset(string baseUrl, TileDataType type, string tileMatrixSetId) =>
        Tilesets(baseUrl, type) + "/" + Uri.EscapeDataString(tileMatrixSetId);

    /// <summary>The URL template of the tileset's tiles, with the standard's variable names.</summary>
    public static string TileTemplate(string baseUrl, TileDataType type, string tileMatrixSetId) =>
        Tileset(baseUrl, type, tileMatrixSetId) + "/{tileMatrix}/{tileRow}/{tileCol}";
}
