using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Tiles.Wmts;

/// <summary>
/// WMTS 1.0.0 at /wmts: KVP (a switch on REQUEST) and the RESTful encoding the capabilities' ResourceURL templates
/// give (/wmts/1.0.0/{layer}/{style}/{set}/{matrix}/{row}/{col}.png, …/{j}/{i}.json for feature info). Every
/// <see cref="WmtsException"/> becomes an OWS ExceptionReport.
/// </summary>
public static class WmtsEndpoints
{
    private const string Rest = "/wmts/1.0.0/{layer}/{style}/{set}/{matrix}/{row}/{col}";

    public static IEndpointRouteBuilder MapWmts(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/wmts", [HttpMethods.Get, HttpMethods.Head], Kvp);
        app.MapMethods("/wmts/1.0.0/WMTSCapabilities.xml", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext http, TileServices services, CancellationToken ct) => Guard(http, () => WmtsCapabilities.WriteAsync(http, services, ct)));
        app.MapMethods(Rest + ".{extension}", [HttpMethods.Get, HttpMethods.Head],
            (string layer, string style, string set, string matrix, string row, string col, string extension, HttpContext http,
                TileServices services, TileImageRenderer renderer, CancellationToken ct) => Guard(http, () =>
            {
                var mediaType = TileRequestParser.Extensions.GetValueOrDefault(extension)
                                ?? throw WmtsException.Invalid("format", $"'.{extension}' is not offered; use .png or .jpg.", 404);
                // The hit path: past the access check, a tile held in memory is sent before anything else is resolved.
                if (TilesetResolver.Find(services.Layers, http.User, layer) is { } tileset
                    && MapTiles.TryGetHot(services, tileset, string.IsNullOrEmpty(style) ? TileStyles.Default : style, set, matrix, row, col,
                        TileRequestParser.Formats[mediaType]) is { } hot)
                    return TileResponse.WriteAsync(http, hot, mediaType, null, ct);
                var tile = TileRequestParser.Parse(services, http.User, layer, style, mediaType, set, matrix, row, col, notFoundStatus: 404);
                return GetTile.WriteAsync(http, tile, renderer, services, ct);
            }));
        app.MapMethods(Rest + "/{j}/{i}.{extension}", [HttpMethods.Get, HttpMethods.Head],
            (string layer, string style, string set, string matrix, string row, string col, string j, string i, string extension,
                HttpContext http, TileServices services, CancellationToken ct) => Guard(http, () =>
            {
                var format = extension switch { "json" => "application/json", "html" => "text/html", "xml" => "text/xml", "txt" => "text/plain", _ => extension };
                var tile = TileRequestParser.Parse(services, http.User, layer, style, "image/png", set, matrix, row, col, notFoundStatus: 404);
                return WmtsFeatureInfo.WriteAsync(http, services, tile, i, j, format, ct);
            }));
        return app;
    }

    private static Task Kvp(HttpContext http, TileServices services, TileImageRenderer renderer, CancellationToken ct) => Guard(http, () =>
    {
        string? Get(string name) => http.Request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        var service = Get("service");
        if (service is not null && !service.Equals("WMTS", StringComparison.OrdinalIgnoreCase))
            throw WmtsException.Invalid("service", $"'{service}' is not served here; use SERVICE=WMTS.");
        var operation = Get("request") ?? throw WmtsException.Missing("request");
        if (operation.Equals("GetCapabilities", StringComparison.OrdinalIgnoreCase))
            return WmtsCapabilities.WriteAsync(http, services, ct);
        if (Get("version") is { } version && version != "1.0.0")
            throw WmtsException.Invalid("version", $"'{version}' is not served; use 1.0.0.");
        TileRequest Tile(string? format) => TileRequestParser.Parse(services, http.User, Get("layer"), Get("style"), format,
            Get("tilematrixset"), Get("tilematrix"), Get("tilerow"), Get("tilecol"));
        return operation.ToUpperInvariant() switch
        {
            "GETTILE" => GetTile.WriteAsync(http, Tile(Get("format")), renderer, services, ct),
            "GETFEATUREINFO" => WmtsFeatureInfo.WriteAsync(http, services, Tile(Get("format") ?? "image/png"), Get("i"), Get("j"), Get("infoformat"), ct),
            _ => throw new WmtsException("OperationNotSupported",
                $"REQUEST={operation} is not offered; use GetCapabilities, GetTile or GetFeatureInfo.", "request"),
        };
    });

    /// <summary>Runs a handler, answering a <see cref="WmtsException"/> with its report.</summary>
    private static async Task Guard(HttpContext http, Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (WmtsException error) when (!http.Response.HasStarted)
        {
            await WmtsExceptionReport.WriteAsync(http.Response, error);
        }
    }
}
