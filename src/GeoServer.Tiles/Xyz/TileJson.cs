using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Tilesets;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Xyz;

/// <summary>
/// TileJSON 3.0.0 for a tileset's raster or vector tiles: what MapLibre, Leaflet plugins and QGIS read to add it; for
/// vector tiles it lists each tile layer and its fields (vector_layers).
/// </summary>
public static class TileJson
{
    /// <summary>Vietnamese stays readable in the JSON (the default encoder escapes every accented letter).</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Write(HttpContext http, Tileset tileset, TileServices services, bool vector)
    {
        string root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/tiles/{Uri.EscapeDataString(tileset.Id)}";
        var box = tileset.WgsExtent;
        var json = new JsonObject
        {
            ["tilejson"] = "3.0.0",
            ["name"] = tileset.Title,
            ["scheme"] = "xyz",
            ["tiles"] = new JsonArray(root + (vector ? "/{z}/{x}/{y}.mvt" : "/{z}/{x}/{y}.png")),
            ["minzoom"] = 0,
            ["maxzoom"] = services.Grids.Find(XyzEndpoints.GridId)!.TileMatrices.Count - 1,
            ["attribution"] = tileset.Attribution,
        };
        if (vector) json["vector_layers"] = VectorLayers(tileset);
        if (box is { } b)
        {
            json["bounds"] = new JsonArray(b.MinX, Math.Max(b.MinY, -85.0511), b.MaxX, Math.Min(b.MaxY, 85.0511));
            json["center"] = new JsonArray((b.MinX + b.MaxX) / 2, (b.MinY + b.MaxY) / 2, 5);
        }
        return Results.Text(json.ToJsonString(Options), "application/json");
    }

    private static JsonArray VectorLayers(Tileset tileset)
    {
        var layers = new JsonArray();
        foreach (var layer in tileset.Layers)
        {
            var fields = new JsonObject();
            foreach (var property in layer.Info.Schema.Properties.Where(p => p.Type != PropertyType.Binary))
                fields[property.Name] = property.Type is PropertyType.Integer or PropertyType.Number ? "Number"
                    : property.Type == PropertyType.Boolean ? "Boolean" : "String";
            layers.Add(new JsonObject { ["id"] = layer.Info.Name, ["description"] = layer.Info.Title, ["fields"] = fields });
        }
        return layers;
    }
}
