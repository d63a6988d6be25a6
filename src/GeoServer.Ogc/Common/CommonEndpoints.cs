using System.Reflection;
using GeoServer.Core.Api;
using GeoServer.Core.Configuration;
using GeoServer.Ogc.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GeoServer.Ogc.Common;

/// <summary>OGC API Common resources: landing page, conformance, and the static files of the HTML pages.</summary>
public static class CommonEndpoints
{
    public static async Task Landing(HttpContext http, ServerOptions server, [FromServices] IEnumerable<IOgcApiExtension> extensions)
    {
        var paths = new OgcPaths(http.Request);
        var contributed = extensions.SelectMany(e => e.LandingLinks(paths.Base)).Select(Link.From).ToList();
        if (OutputFormats.Negotiate(http.Request) == OutputFormat.Html)
        {
            await WriteHtml(http, FeaturePages.Landing(paths, server.Title, server.Description, server.Attribution, contributed));
            return;
        }
        await JsonResponse.WriteAsync(http.Response, MediaTypes.Json, json =>
        {
            json.WriteStartObject();
            json.WriteString("title", server.Title);
            json.WriteString("description", server.Description);
            if (server.Attribution is not null) json.WriteString("attribution", server.Attribution);
            JsonResponse.WriteLinks(json,
            [
                new(paths.Landing + "?f=json", "self", MediaTypes.Json, "This document"),
                new(paths.Landing + "?f=html", "alternate", MediaTypes.Html, "This document as HTML"),
                new(paths.Api, "service-desc", MediaTypes.OpenApiJson, "The API definition"),
                new(paths.Api + "?f=html", "service-doc", MediaTypes.Html, "The API documentation"),
                new(paths.Conformance, "conformance", MediaTypes.Json, "Conformance classes"),
                new(paths.Conformance, "http://www.opengis.net/def/rel/ogc/1.0/conformance", MediaTypes.Json, "Conformance classes"),
                new(paths.Collections, "data", MediaTypes.Json, "Collections"),
                new(paths.Collections, "http://www.opengis.net/def/rel/ogc/1.0/data", MediaTypes.Json, "Collections"),
                .. contributed,
            ]);
            json.WriteEndObject();
        });
    }

    public static async Task ConformanceDeclaration(HttpContext http, [FromServices] IEnumerable<IOgcApiExtension> extensions)
    {
        var classes = Conformance.Classes.Concat(extensions.SelectMany(e => e.ConformanceClasses)).Distinct(StringComparer.Ordinal).ToList();
        if (OutputFormats.Negotiate(http.Request) == OutputFormat.Html)
        {
            await WriteHtml(http, FeaturePages.Conformance(new OgcPaths(http.Request), classes));
            return;
        }
        await JsonResponse.WriteAsync(http.Response, MediaTypes.Json, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("conformsTo");
            foreach (var c in classes) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Leaflet and the map preview script, embedded in this assembly so the server is one folder.</summary>
    public static async Task StaticFile(string path, HttpContext http)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("static/" + path)
                     ?? throw OgcException.NotFound($"No static file '{path}'.");
        http.Response.ContentType = Path.GetExtension(path) switch
        {
            ".js" => "text/javascript",
            ".css" => "text/css",
            ".png" => "image/png",
            _ => "application/octet-stream",
        };
        http.Response.Headers.CacheControl = "public, max-age=86400";
        await using (stream) await stream.CopyToAsync(http.Response.Body);
    }

    public static Task WriteHtml(HttpContext http, string html)
    {
        http.Response.ContentType = MediaTypes.Html + "; charset=utf-8";
        return http.Response.WriteAsync(html);
    }
}
