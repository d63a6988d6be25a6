using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using GeoServer.Tiles.Wmts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Tiles.Xyz;

/// <summary>
/// The "slippy map" shortcuts web maps use: /tiles/{tileset}/{z}/{x}/{y}.png|jpg|mvt on WebMercatorQuad (y from the
/// top, as OpenStreetMap, Leaflet, OpenLayers and MapLibre count), and TileJSON 3.0 at /tiles/{tileset}.json (raster;
/// ?format=mvt for the vector tiles), and a MapLibre style generated from the layers' styles at
/// /tiles/{tileset}/style.json. A tileset is a layer id or a workspace. Errors are problem+json; an unknown or
/// hidden tileset is 404.
/// </summary>
public static class XyzEndpoints
{
    public const string GridId = "WebMercatorQuad";

    public static IEndpointRouteBuilder MapXyzTiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/tiles/{tileset}/{z}/{x}/{y}.{extension}", [HttpMethods.Get, HttpMethods.Head],
            async (string tileset, string z, string x, string y, string extension, HttpContext http, TileServices services,
                TileImageRenderer renderer, VectorTilesetEncoder vectors, CancellationToken ct) =>
            {
                if (extension is "mvt" or "pbf") return await VectorAsync(http, services, vectors, tileset, z, x, y, ct);
                if (!TileRequestParser.Extensions.TryGetValue(extension, out var mediaType))
                    return Results.Problem(statusCode: 404, title: "Not Found", detail: $"'.{extension}' is not offered; use .png, .jpg or .mvt.");
                TileRequest tile;
                try
                {
                    tile = TileRequestParser.Parse(services, http.User, tileset, null, mediaType, GridId, z, y, x, notFoundStatus: 404);
                }
                catch (WmtsException e)
                {
                    return Problem(e);
                }
                try
                {
                    await GetTile.WriteAsync(http, tile, renderer, services, ct);
                }
                catch (WmtsException e) when (!http.Response.HasStarted)
                {
                    return Problem(e);
                }
                return Results.Empty;
            });
        app.MapMethods("/tiles/{tileset}/style.json", [HttpMethods.Get, HttpMethods.Head],
            (string tileset, HttpContext http, TileServices services) =>
                TilesetResolver.Find(services.Layers, http.User, tileset) is { } found
                    ? Results.Text(MapLibreStyle.Build(found, services,
                        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/tiles/{Uri.EscapeDataString(found.Id)}.json?format=mvt").ToJsonString(TileJson.Options),
                        "application/json")
                    : NotFound(tileset));
        app.MapMethods("/tiles/{tileset}.json", [HttpMethods.Get, HttpMethods.Head],
            (string tileset, HttpContext http, TileServices services) =>
                TilesetResolver.Find(services.Layers, http.User, tileset) is { } found
                    ? TileJson.Write(http, found, services, vector: http.Request.Query["format"] == "mvt")
                    : NotFound(tileset));
        return app;
    }

    private static async Task<IResult> VectorAsync(HttpContext http, TileServices services, VectorTilesetEncoder vectors,
        string id, string z, string x, string y, CancellationToken ct)
    {
        var tileset = TilesetResolver.Find(services.Layers, http.User, id);
        var set = services.Grids.Find(GridId)!;
        var matrix = set.Find(z);
        if (tileset is null) return NotFound(id);
        if (matrix is null || !long.TryParse(x, out var col) || !long.TryParse(y, out var row) || !matrix.Contains(row, col))
            return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No tile {z}/{x}/{y} in {GridId}.");
        await VectorTiles.WriteAsync(http, tileset, set, matrix, row, col, vectors, services.Cache, ct);
        return Results.Empty;
    }

    private static IResult Problem(WmtsException e) =>
        Results.Problem(statusCode: e.Code == "TileOutOfRange" ? 404 : e.Status, title: e.Code, detail: e.Message);

    private static IResult NotFound(string tileset) =>
        Results.Problem(statusCode: 404, title: "Not Found", detail: $"No tileset '{tileset}'.");
}
