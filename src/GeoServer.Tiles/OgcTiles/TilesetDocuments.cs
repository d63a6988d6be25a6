using System.Text.Json;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Xyz;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>
/// The JSON documents of OGC API – Tiles: the tilesets list (/req/tilesets-list) and a tileset's metadata in the
/// TMS 2.0 tileset metadata encoding (/req/tileset), with the links GDAL's OGCAPI driver and MapLibre plugins follow.
/// </summary>
public static class TilesetDocuments
{
    /// <summary>The media types of map tiles, PNG (the default) first.</summary>
    public static readonly IReadOnlyList<string> MapMediaTypes = ["image/png", "image/jpeg"];

    /// <summary>The list of a source's tilesets of one data type: one per tile matrix set.</summary>
    public static void WriteList(Utf8JsonWriter json, string ogcRoot, TilesSource source, TileDataType type, IEnumerable<TileMatrixSet> sets)
    {
        json.WriteStartObject();
        json.WriteStartArray("links");
        OgcTilesJson.WriteLink(json, OgcTilesPaths.Tilesets(source.BaseUrl, type), "self", "application/json", "This tilesets list");
        if (source.CollectionId is not null)
            OgcTilesJson.WriteLink(json, source.BaseUrl, OgcTileRelations.Geodata, "application/json", "The collection");
        json.WriteEndArray();
        json.WriteStartArray("tilesets");
        foreach (var set in sets)
        {
            json.WriteStartObject();
            json.WriteString("title", $"{source.Tileset.Title} — {set.Title}");
            json.WriteString("dataType", DataType(type));
            json.WriteString("crs", set.Crs.Uri);
            if (set.Uri is not null) json.WriteString("tileMatrixSetURI", set.Uri);
            json.WriteStartArray("links");
            OgcTilesJson.WriteLink(json, OgcTilesPaths.Tileset(source.BaseUrl, type, set.Id), "self", "application/json", $"The tileset on {set.Id}");
            OgcTilesJson.WriteLink(json, OgcTilesPaths.TileMatrixSet(ogcRoot, set.Id), OgcTileRelations.TilingScheme, "application/json",
                $"The {set.Id} tile matrix set");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One tileset's metadata: what it shows, on which tile matrix set, and the templated links to its tiles.</summary>
    public static void WriteTileset(Utf8JsonWriter json, string ogcRoot, TilesSource source, TileDataType type, TileMatrixSet set, string crs84Uri)
    {
        var tileset = source.Tileset;
        json.WriteStartObject();
        json.WriteString("title", $"{tileset.Title} — {set.Title}");
        if (source.Description is not null) json.WriteString("description", source.Description);
        if (tileset.Attribution is not null) json.WriteString("attribution", tileset.Attribution);
        json.WriteString("dataType", DataType(type));
        json.WriteString("crs", set.Crs.Uri);
        if (set.Uri is not null) json.WriteString("tileMatrixSetURI", set.Uri);
        if (tileset.WgsExtent is { } box)
        {
            json.WriteStartObject("boundingBox");
            json.WriteStartArray("lowerLeft"); json.WriteNumberValue(box.MinX); json.WriteNumberValue(box.MinY); json.WriteEndArray();
            json.WriteStartArray("upperRight"); json.WriteNumberValue(box.MaxX); json.WriteNumberValue(box.MaxY); json.WriteEndArray();
            json.WriteString("crs", crs84Uri);
            json.WriteEndObject();
        }

        json.WriteStartArray("links");
        OgcTilesJson.WriteLink(json, OgcTilesPaths.Tileset(source.BaseUrl, type, set.Id), "self", "application/json", "This tileset");
        OgcTilesJson.WriteLink(json, OgcTilesPaths.TileMatrixSet(ogcRoot, set.Id), OgcTileRelations.TilingScheme, "application/json",
            $"The {set.Id} tile matrix set");
        if (source.CollectionId is not null)
            OgcTilesJson.WriteLink(json, source.BaseUrl, OgcTileRelations.Geodata, "application/json", "The collection");
        string template = OgcTilesPaths.TileTemplate(source.BaseUrl, type, set.Id);
        if (type == TileDataType.Vector)
            OgcTilesJson.WriteLink(json, template, "item", VectorTiles.MediaType, "Vector tiles (Mapbox Vector Tile)", templated: true);
        else
        {
            OgcTilesJson.WriteLink(json, template, "item", "image/png", "Map tiles as PNG", templated: true);
            OgcTilesJson.WriteLink(json, template + "?f=jpeg", "item", "image/jpeg", "Map tiles as JPEG", templated: true);
        }
        json.WriteEndArray();

        if (type == TileDataType.Vector) WriteLayers(json, source);
        json.WriteEndObject();
    }

    private static string DataType(TileDataType type) => type == TileDataType.Vector ? "vector" : "map";

    // What each tile layer holds, so a client can style and query it without fetching a tile first.
    private static void WriteLayers(Utf8JsonWriter json, TilesSource source)
    {
        json.WriteStartArray("layers");
        foreach (var layer in OgcVectorLayers.Of(source.Tileset))
        {
            var info = layer.Layer.Info;
            json.WriteStartObject();
            json.WriteString("id", layer.Name);
            json.WriteString("title", info.Title);
            if (info.Abstract is not null) json.WriteString("description", info.Abstract);
            json.WriteString("dataType", "vector");
            if (OgcVectorLayers.GeometryDimension(info.Schema.GeometryType) is { } dimension) json.WriteNumber("geometryDimension", dimension);
            json.WriteStartObject("propertiesSchema");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            foreach (var property in info.Schema.Properties.Where(p => p.Type != PropertyType.Binary))
            {
                json.WriteStartObject(property.Name);
                json.WriteString("type", property.Type switch
                {
                    PropertyType.Integer => "integer",
                    PropertyType.Number => "number",
                    PropertyType.Boolean => "boolean",
                    _ => "string",
                });
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
