using GeoServer.Core.Api;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Xyz;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>
/// What OGC API – Tiles adds to the OGC API's own documents: its conformance classes, the landing page's links to the
/// tile matrix sets and the dataset's tilesets (/req/dataset-tilesets/landingpage), each collection's links to its
/// tilesets (/req/geodata-tilesets/desc-links; only layers with geometry have tiles), and its operations for the
/// OpenAPI document.
/// </summary>
public sealed class OgcTilesExtension(TileMatrixSetRegistry grids) : IOgcApiExtension
{
    /// <inheritdoc />
    public IEnumerable<string> ConformanceClasses => OgcTilesConformance.Classes;

    /// <inheritdoc />
    public IEnumerable<ApiLink> LandingLinks(string ogcRoot) =>
    [
        new(OgcTilesPaths.TileMatrixSets(ogcRoot), OgcTileRelations.TilingSchemes, "application/json", "Tile matrix sets"),
        new(OgcTilesPaths.Tilesets(ogcRoot, TileDataType.Vector), OgcTileRelations.TilesetsVector, "application/json", "Vector tiles of every layer"),
        new(OgcTilesPaths.Tilesets(ogcRoot, TileDataType.Map), OgcTileRelations.TilesetsMap, "application/json", "Map tiles of every layer"),
    ];

    /// <inheritdoc />
    public IEnumerable<ApiLink> CollectionLinks(string ogcRoot, LayerInfo layer)
    {
        if (!layer.Schema.HasGeometry) return [];
        string collection = OgcTilesPaths.Collection(ogcRoot, layer.Id);
        return
        [
            new(OgcTilesPaths.Tilesets(collection, TileDataType.Vector), OgcTileRelations.TilesetsVector, "application/json", "Vector tiles"),
            new(OgcTilesPaths.Tilesets(collection, TileDataType.Map), OgcTileRelations.TilesetsMap, "application/json", "Map tiles"),
        ];
    }

    /// <inheritdoc />
    public IEnumerable<ApiOperation> Operations
    {
        get
        {
            var setId = new ApiParameter("tileMatrixSetId", "path", "Tile matrix set identifier.", "string",
                grids.All.Select(s => s.Id).ToList());
            var collectionId = new ApiParameter("collectionId", "path", "Collection id (workspace:name).");
            ApiParameter[] tile =
            [
                new("tileMatrix", "path", "Tile matrix identifier (the zoom level in the quad-tree sets)."),
                new("tileRow", "path", "Row index of the tile, from the top for the sets here.", "integer"),
                new("tileCol", "path", "Column index of the tile, from the left.", "integer"),
            ];
            var mapFormat = new ApiParameter("f", "query", "Map tile encoding; by default the Accept header, then PNG.", "string",
                ["png", "jpeg"], Key: "f-map-tile");
            string[] image = ["image/png", "image/jpeg"];

            yield return new("/tileMatrixSets", "getTileMatrixSetsList", "The tile matrix sets offered", [], ["application/json"]);
            yield return new("/tileMatrixSets/{tileMatrixSetId}", "getTileMatrixSet", "One tile matrix set (TMS 2.0 JSON)", [setId],
                ["application/json"]);
            foreach (var (prefix, scope, first) in new[] { ("", "dataset", Array.Empty<ApiParameter>()), ("/collections/{collectionId}", "collection", new[] { collectionId }) })
            {
                yield return new($"{prefix}/tiles", $"get{Pascal(scope)}VectorTilesetsList", $"Vector tilesets of the {scope}", first, ["application/json"]);
                yield return new($"{prefix}/tiles/{{tileMatrixSetId}}", $"get{Pascal(scope)}VectorTileset", $"A vector tileset of the {scope}",
                    [.. first, setId], ["application/json"]);
                yield return new($"{prefix}/tiles/{{tileMatrixSetId}}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}", $"get{Pascal(scope)}VectorTile",
                    $"A vector tile of the {scope}", [.. first, setId, .. tile], [VectorTiles.MediaType]);
                yield return new($"{prefix}/map/tiles", $"get{Pascal(scope)}MapTilesetsList", $"Map tilesets of the {scope}", first, ["application/json"]);
                yield return new($"{prefix}/map/tiles/{{tileMatrixSetId}}", $"get{Pascal(scope)}MapTileset", $"A map tileset of the {scope}",
                    [.. first, setId], ["application/json"]);
                yield return new($"{prefix}/map/tiles/{{tileMatrixSetId}}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}", $"get{Pascal(scope)}MapTile",
                    $"A map tile of the {scope}", [.. first, setId, .. tile, mapFormat], image);
            }
        }
    }

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
