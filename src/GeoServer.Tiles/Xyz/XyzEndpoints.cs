using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Wmts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Tiles.Xyz;

/// <summary>
/// The "slippy map" shortcuts web maps use: /tiles/{tileset}/{z}/{x}/{y}.png|jpg on WebMercatorQuad (y from the
/// top, as OpenStreetMap, Leaflet and OpenLayers count), and TileJSON 3.0 at /tiles/{tileset}.json. A tileset is a
/// layer id or a workspace. Errors are problem+json; an unknown or hidden tileset is 404.
/// </summary>
public static class XyzEndpoints
{
    public const string GridId = "WebMercatorQuad";

    public static IEndpointRouteBuilder MapXyzTiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/tiles/{tileset}/{z}/{x}/{y}.{extension}", [HttpMethods.Get, HttpMethods.Head],
            async (string tileset, string z, string x, string y, string extension, HttpContext http, TileServices services,
                TileImageRenderer renderer, CancellationToken ct) =>
            {
                if (!TileRequestParser.Extensions.TryGetValue(extension, out var mediaType))
                    return Results.Problem(statusCode: 404, title: "Not Found", detail: $"'.{extension}' is not offered; use .png or .jpg.");
                TileRequest tile;
                try
                {
                    tile = TileRequestParser.Parse(services, http.User, tileset, null, mediaType, GridId, z, y, x, notFoundStatus: 404);
                }
                catch (WmtsException e)
                {
                    return Results.Problem(statusCode: e.Code == "TileOutOfRange" ? 404 : e.Status, title: e.Code, detail: e.Message);
                }
                await GetTile.WriteAsync(http, tile, renderer, ct);
                return Results.Empty;
            });
        app.MapMethods("/tiles/{tileset}.json", [HttpMethods.Get, HttpMethods.Head],
            (string tileset, HttpContext http, TileServices services) =>
                TilesetResolver.Find(services.Layers, http.User, tileset) is { } found
                    ? TileJson.Write(http, found, services)
                    : Results.Problem(statusCode: 404, title: "Not Found", detail: $"No tileset '{tileset}'."));
        return app;
    }
}
