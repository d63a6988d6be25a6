using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using GeoServer.Tiles.Wmts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
        // A plain request delegate: the hit path binds nothing it does not read and allocates no handler state.
        app.MapMethods("/tiles/{tileset}/{z}/{x}/{y}.{extension}", [HttpMethods.Get, HttpMethods.Head], TileAsync);
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

    private static Task TileAsync(HttpContext http)
    {
        var route = http.Request.RouteValues;
        string id = (string)route["tileset"]!, z = (string)route["z"]!, x = (string)route["x"]!, y = (string)route["y"]!;
        string extension = (string)route["extension"]!;
        var services = http.RequestServices.GetRequiredService<TileServices>();
        // The access check comes first, on every request: the cache below it never decides who sees a tile.
        var tileset = TilesetResolver.Find(services.Layers, http.User, id);
        if (tileset is null) return NotFound(id).ExecuteAsync(http);
        if (extension is "mvt" or "pbf") return VectorAsync(http, services, tileset, z, x, y);
        if (!TileRequestParser.Extensions.TryGetValue(extension, out var mediaType))
            return Results.Problem(statusCode: 404, title: "Not Found", detail: $"'.{extension}' is not offered; use .png, .jpg or .mvt.").ExecuteAsync(http);
        var format = TileRequestParser.Formats[mediaType];
        if (MapTiles.TryGetHot(services, tileset, TileStyles.Default, GridId, z, y, x, format) is { } hot)
            return TileResponse.WriteAsync(http, hot, mediaType, null, http.RequestAborted);
        return MapTileAsync(http, services, id, z, x, y, mediaType);
    }

    private static async Task MapTileAsync(HttpContext http, TileServices services, string id, string z, string x, string y, string mediaType)
    {
        var renderer = http.RequestServices.GetRequiredService<TileImageRenderer>();
        try
        {
            var tile = TileRequestParser.Parse(services, http.User, id, null, mediaType, GridId, z, y, x, notFoundStatus: 404);
            await GetTile.WriteAsync(http, tile, renderer, services, http.RequestAborted);
        }
        catch (WmtsException e) when (!http.Response.HasStarted)
        {
            await Problem(e).ExecuteAsync(http);
        }
    }

    private static async Task VectorAsync(HttpContext http, TileServices services, Tileset tileset, string z, string x, string y)
    {
        var set = services.Grids.Find(GridId)!;
        TileMatrix matrix;
        long row, col;
        try
        {
            (matrix, row, col) = TileRequestParser.ParseCell(set, z, y, x, notFoundStatus: 404);
        }
        catch (WmtsException e)
        {
            await Problem(e).ExecuteAsync(http);
            return;
        }
        var vectors = http.RequestServices.GetRequiredService<VectorTilesetEncoder>();
        await VectorTiles.WriteAsync(http, tileset, set, matrix, row, col, vectors, services.Cache, http.RequestAborted);
    }

    private static IResult Problem(WmtsException e) =>
        Results.Problem(statusCode: e.Code == "TileOutOfRange" ? 404 : e.Status, title: e.Code, detail: e.Message);

    private static IResult NotFound(string tileset) =>
        Results.Problem(statusCode: 404, title: "Not Found", detail: $"No tileset '{tileset}'.");
}
