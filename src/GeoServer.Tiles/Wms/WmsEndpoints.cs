using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// WMS 1.3.0 and 1.1.1 at /wms and per workspace at /ws/{workspace}/wms: one route, a switch on REQUEST, one
/// class per operation; every <see cref="WmsException"/> becomes the report the request's version prescribes.
/// </summary>
public static class WmsEndpoints
{
    public static IEndpointRouteBuilder MapWms(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/wms", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext http, WmsServices services, CancellationToken ct) => HandleAsync(new WmsRequest(http, null, services), ct));
        app.MapMethods("/ws/{workspace}/wms", [HttpMethods.Get, HttpMethods.Head],
            (string workspace, HttpContext http, WmsServices services, CancellationToken ct) =>
                services.Layers.Workspaces.Any(w => w.Id == workspace)
                    ? HandleAsync(new WmsRequest(http, workspace, services), ct)
                    : Task.FromResult(Results.NotFound()));
        return app;
    }

    private static async Task<IResult> HandleAsync(WmsRequest request, CancellationToken ct)
    {
        var operation = request.Get("request");
        try
        {
            var service = request.Get("service");
            if (service is not null && !service.Equals("WMS", StringComparison.OrdinalIgnoreCase))
                throw WmsException.Invalid("service", $"'{service}' is not served here; use SERVICE=WMS.");
            if (operation is null) throw WmsException.Missing("request");
            if (operation.Equals("GetCapabilities", StringComparison.OrdinalIgnoreCase) || operation.Equals("capabilities", StringComparison.OrdinalIgnoreCase))
            {
                request.Version = WmsVersion.Negotiate(request.Get("version") ?? request.Get("wmtver"));
                await GetCapabilities.WriteAsync(request, ct);
                return Results.Empty;
            }
            // GetLegendGraphic's VERSION is the SLD profile's (1.0.0/1.1.0), so it is negotiated, not checked.
            request.Version = operation.Equals("GetLegendGraphic", StringComparison.OrdinalIgnoreCase)
                ? WmsVersion.Negotiate(request.Get("version"))
                : WmsVersion.OfOperation(request.Get("version") ?? request.Get("wmtver"));
            switch (operation.ToUpperInvariant())
            {
                case "GETMAP" or "MAP":
                    await GetMap.HandleAsync(request, MapViewParser.Parse(request), ct);
                    break;
                case "GETFEATUREINFO":
                    await GetFeatureInfo.HandleAsync(request, ct);
                    break;
                case "GETLEGENDGRAPHIC":
                    await GetLegendGraphic.HandleAsync(request, ct);
                    break;
                default:
                    throw new WmsException("OperationNotSupported",
                        $"REQUEST={operation} is not offered; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic.", "request");
            }
            return Results.Empty;
        }
        catch (WmsException error) when (!request.Http.Response.HasStarted)
        {
            bool getMap = operation is not null && (operation.Equals("GetMap", StringComparison.OrdinalIgnoreCase) || operation.Equals("map", StringComparison.OrdinalIgnoreCase));
            await WmsExceptionReport.WriteAsync(request.Http.Response, error, request.Version, getMap ? ErrorImage.From(request) : null);
            return Results.Empty;
        }
    }
}
