using GeoServer.Catalog.Registration;
using GeoServer.Core.Crs;
using GeoServer.Core.Filtering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW 2.0.2 at /csw and per workspace at /ws/{workspace}/csw: one route for GET (KVP) and POST (XML, or KVP as a
/// form), a switch on the operation, one class per operation; every <see cref="CswException"/> becomes an
/// ows:ExceptionReport.
/// </summary>
public static class CswEndpoints
{
    public static IEndpointRouteBuilder MapCsw(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];
        app.MapMethods(CatalogPaths.Csw, methods, (HttpContext http, RecordCatalog catalog, CrsRegistry crs, CancellationToken ct) =>
            HandleAsync(http, null, catalog, crs, ct));
        app.MapMethods("/ws/{workspace}/csw", methods, (string workspace, HttpContext http, RecordCatalog catalog, CrsRegistry crs, CancellationToken ct) =>
            catalog.Layers.Workspaces.Any(w => w.Id == workspace)
                ? HandleAsync(http, workspace, catalog, crs, ct)
                : Task.FromResult(Results.NotFound()));
        return app;
    }

    /// <summary>Serves one CSW request on <paramref name="http"/>, through the workspace endpoint when <paramref name="workspace"/> is set.</summary>
    public static async Task<IResult> HandleAsync(HttpContext http, string? workspace, RecordCatalog catalog, CrsRegistry crs, CancellationToken ct)
    {
        try
        {
            var request = await ReadAsync(http, workspace, catalog, crs, ct);
            var operation = request.Body?.Name.LocalName ?? request.Require("request");
            var service = request.Body is { } body ? CswXml.Attribute(body, "service") : request.Get("service");
            if (service is not null && !service.Equals(CswNames.Service, StringComparison.OrdinalIgnoreCase))
                throw CswException.Invalid("service", $"'{service}' is not served here; use SERVICE=CSW.");
            var version = request.Body is { } root ? CswXml.Attribute(root, "version") : request.Get("version");
            if (version is not null && version != CswNames.Version && !operation.Equals(CswNames.GetCapabilities, StringComparison.OrdinalIgnoreCase))
                throw CswException.Invalid("version", $"'{version}' is not offered; use {CswNames.Version}.");
            switch (operation.ToUpperInvariant())
            {
                case "GETCAPABILITIES": await GetCapabilities.HandleAsync(request, ct); break;
                case "DESCRIBERECORD": await DescribeRecord.HandleAsync(request, ct); break;
                case "GETRECORDS": await GetRecords.HandleAsync(request, ct); break;
                case "GETRECORDBYID": await GetRecordById.HandleAsync(request, ct); break;
                case "GETDOMAIN": await GetDomain.HandleAsync(request, ct); break;
                case "TRANSACTION": await Transaction.HandleAsync(request, ct); break;
                case "HARVEST": await Harvest.HandleAsync(request, ct); break;
                default:
                    throw new CswException(CswNames.OperationNotSupported,
                        $"{operation} is not offered; use {string.Join(", ", CswNames.Operations)}.", "request");
            }
        }
        catch (CswException error) when (!http.Response.HasStarted)
        {
            await CswExceptionReport.WriteAsync(http.Response, error);
        }
        catch (CqlException error) when (!http.Response.HasStarted)
        {
            await CswExceptionReport.WriteAsync(http.Response, CswException.Invalid("Constraint", error.Message));
        }
        catch (HttpRequestException error) when (!http.Response.HasStarted)
        {
            // A harvested source that cannot be reached.
            await CswExceptionReport.WriteAsync(http.Response, new CswException(CswNames.NoApplicableCode, $"The source cannot be read: {error.Message}", "Source", StatusCodes.Status502BadGateway));
        }
        return Results.Empty;
    }

    private static async Task<CswRequest> ReadAsync(HttpContext http, string? workspace, RecordCatalog catalog, CrsRegistry crs, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in http.Request.Query) parameters[key] = value.ToString();
        if (!HttpMethods.IsPost(http.Request.Method))
            return new CswRequest(http, workspace, catalog, crs, parameters, null);
        long max = catalog.Options.MaxRequestBytes;
        if (http.Request.HasFormContentType)
        {
            if (http.Request.ContentLength is not { } length || length > max)
                throw new CswException(CswNames.NoApplicableCode, $"A form must give its length, at most {max} bytes.", "request", StatusCodes.Status413PayloadTooLarge);
            foreach (var (key, value) in await http.Request.ReadFormAsync(ct)) parameters[key] = value.ToString();
            return new CswRequest(http, workspace, catalog, crs, parameters, null);
        }
        var document = await SafeXml.ReadAsync(http.Request, max, ct);
        var root = document.Root ?? throw CswException.BadXml("the body is empty");
        if (root.Name.Namespace != CswXml.Csw)
            throw CswException.BadXml($"the root element {root.Name.LocalName} is not a CSW 2.0.2 request ({CswNamespaces.Csw}).");
        return new CswRequest(http, workspace, catalog, crs, parameters, root);
    }
}
