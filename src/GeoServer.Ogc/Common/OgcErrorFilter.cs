using System.Net;
using System.Text.Json;
using GeoServer.Core.Api;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Common;

/// <summary>
/// Maps <see cref="ApiException"/> (thrown by this area as <see cref="OgcException"/>, and by areas that add routes
/// to /ogc) to problem details JSON (RFC 9457), or to an HTML page when the client asked
/// for HTML, so handlers can simply throw.
/// </summary>
public sealed class OgcErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiException e) when (!context.HttpContext.Response.HasStarted)
        {
            await WriteAsync(context.HttpContext, e);
            return Results.Empty;
        }
    }

    public static async Task WriteAsync(HttpContext http, ApiException e)
    {
        var response = http.Response;
        response.StatusCode = e.Status;
        if (WantsHtml(http.Request))
        {
            response.ContentType = MediaTypes.Html + "; charset=utf-8";
            await response.WriteAsync(Html.HtmlPage.Error(e.Status, e.Title, e.Message));
            return;
        }
        response.ContentType = MediaTypes.ProblemJson;
        using var json = new Utf8JsonWriter(response.BodyWriter, JsonResponse.Options);
        json.WriteStartObject();
        json.WriteString("type", $"https://httpstatuses.io/{e.Status}");
        json.WriteString("title", e.Title);
        json.WriteNumber("status", e.Status);
        json.WriteString("detail", e.Message);
        if (e.Parameter is not null) json.WriteString("parameter", e.Parameter);
        json.WriteString("instance", http.Request.Path + http.Request.QueryString);
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static bool WantsHtml(HttpRequest request)
    {
        // A bad "f" must not be re-read here, so look at it loosely.
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f)) return f.Equals("html", StringComparison.OrdinalIgnoreCase);
        var accept = request.Headers.Accept.ToString();
        return accept.StartsWith(MediaTypes.Html, StringComparison.OrdinalIgnoreCase);
    }
}
