using System.Text.Json;
using GeoServer.Core.Api;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Ogc.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GeoServer.Ogc.Common;

/// <summary>
/// The OpenAPI 3.0 definition of every path and parameter (/req/oas30), generated from the same limits and
/// layer list the handlers use, so it cannot drift from them. Operations other areas add to /ogc
/// (<see cref="IOgcApiExtension.Operations"/>) are listed after the API's own, their parameters shared as components
/// too.
/// </summary>
public static class OpenApiDocument
{
    // The parameter components written below; an extension's parameter with one of these keys refers to it.
    private static readonly HashSet<string> OwnParameters =
    [
        "collectionId", "featureId", "f", "limit", "offset", "cursor", "bbox", "bbox-crs", "crs", "datetime", "filter",
        "filter-lang", "filter-crs", "sortby", "properties", "download-f",
    ];

    public static async Task Write(HttpContext http, ServerOptions server, LayerRegistry layers, CrsRegistry crs,
        [FromServices] IEnumerable<IOgcApiExtension> extensions)
    {
        var operations = extensions.SelectMany(e => e.Operations).ToList();
        var paths = new OgcPaths(http.Request);
        if (OutputFormats.Negotiate(http.Request) == OutputFormat.Html && http.Request.Query.ContainsKey("f"))
        {
            await CommonEndpoints.WriteHtml(http, HtmlPage.Render("OpenAPI", paths.Api, [(paths.Landing + "?f=html", "GeoSDI")],
                $"<p>The OpenAPI 3.0 definition of this API is at <a href=\"{HtmlPage.E(paths.Api)}\">{HtmlPage.E(paths.Api)}</a>; " +
                "open it in any OpenAPI viewer.</p>"));
            return;
        }
        var ids = layers.Visible(http.User).Select(l => l.Info.Id).ToList();
        await JsonResponse.WriteAsync(http.Response, MediaTypes.OpenApiJson, json =>
        {
            json.WriteStartObject();
            json.WriteString("openapi", "3.0.3");
            json.WriteStartObject("info");
            json.WriteString("title", server.Title);
            json.WriteString("description", server.Description);
            json.WriteString("version", "1.0.0");
            json.WriteEndObject();
            json.WriteStartArray("servers");
            json.WriteStartObject(); json.WriteString("url", paths.Base); json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("paths");
            Path(json, "/", "getLandingPage", "Landing page", ["f"], "application/json");
            Path(json, "/conformance", "getConformance", "Conformance classes", ["f"], "application/json");
            Path(json, "/api", "getApi", "This API definition", [], MediaTypes.OpenApiJson);
            Path(json, "/collections", "getCollections", "Feature collections", ["f"], "application/json");
            Path(json, "/collections/{collectionId}", "describeCollection", "A feature collection", ["collectionId", "f"], "application/json");
            Path(json, "/collections/{collectionId}/queryables", "getQueryables", "Queryable properties", ["collectionId", "f"], MediaTypes.SchemaJson);
            Path(json, "/collections/{collectionId}/items", "getFeatures", "Features of a collection",
                ["collectionId", "f", "limit", "offset", "cursor", "bbox", "bbox-crs", "crs", "datetime",
                 "filter", "filter-lang", "filter-crs", "sortby", "properties"], [MediaTypes.GeoJson],
                json => Edit(json, "post", "createFeature", "Add a Feature, or a FeatureCollection all or nothing (editors)", [MediaTypes.GeoJson], "201"));
            Path(json, "/collections/{collectionId}/items/{featureId}", "getFeature", "One feature",
                ["collectionId", "featureId", "f", "crs"], [MediaTypes.GeoJson], json =>
                {
                    Edit(json, "put", "replaceFeature", "Replace the feature (editors; If-Match for optimistic locking)", [MediaTypes.GeoJson], "204");
                    Edit(json, "patch", "updateFeature", "Change what a JSON merge patch names (editors; If-Match)", [MediaTypes.MergePatch, MediaTypes.GeoJson], "204");
                    Edit(json, "delete", "deleteFeature", "Delete the feature (editors; If-Match)", [], "204");
                });
            Path(json, "/collections/{collectionId}/download", "getDownload",
                "The collection as a zip package: its data file(s) and a README (source, licence, access level, date, CRS, " +
                "feature count, query). Features take the items' query but no paging (every match, up to the server's " +
                "limits); a raster takes the coverage's bbox, bbox-crs, crs, width, height and resampling.",
                ["collectionId", "download-f", "bbox", "bbox-crs", "crs", "datetime", "filter", "filter-lang", "filter-crs",
                 "sortby", "properties"], [DownloadFormat.ZipMediaType]);
            foreach (var operation in operations)
                Path(json, operation.Path, operation.OperationId, operation.Summary,
                    operation.Parameters.Select(p => p.ComponentKey).ToArray(), operation.MediaTypes);
            json.WriteEndObject();

            json.WriteStartObject("components");
            json.WriteStartObject("parameters");
            Parameter(json, "collectionId", "path", "Collection id (workspace:name).", "string", enumValues: ids);
            Parameter(json, "featureId", "path", "Feature id.", "string");
            Parameter(json, "f", "query", "Output format.", "string", enumValues: ["json", "html"]);
            Parameter(json, "limit", "query", $"Page size; values above {server.MaxLimit} are clamped.", "integer",
                minimum: 1, maximum: server.MaxLimit, defaultValue: server.DefaultLimit);
            Parameter(json, "offset", "query", "Number of matching features to skip.", "integer", minimum: 0);
            Parameter(json, "cursor", "query", "Opaque position issued in 'next' links.", "string");
            Parameter(json, "bbox", "query", "minx,miny,maxx,maxy in bbox-crs (CRS84 by default).", "array");
            Parameter(json, "bbox-crs", "query", "CRS of bbox.", "string", enumValues: crs.All.Select(c => c.Uri).ToList());
            Parameter(json, "crs", "query", "CRS of the returned geometries.", "string", enumValues: crs.All.Select(c => c.Uri).ToList());
            Parameter(json, "datetime", "query", "RFC 3339 instant or interval (start/end, '..' for open).", "string");
            Parameter(json, "filter", "query", "CQL2 filter on the queryables.", "string");
            Parameter(json, "filter-lang", "query", "Encoding of filter.", "string", enumValues: ["cql2-text", "cql2-json"]);
            Parameter(json, "filter-crs", "query", "CRS of geometry literals in filter (CRS84 by default).", "string",
                enumValues: crs.All.Select(c => c.Uri).ToList());
            Parameter(json, "sortby", "query", "Comma-separated properties, '-' prefix for descending.", "string");
            Parameter(json, "properties", "query", "Comma-separated properties to return.", "string");
            Parameter(json, "download-f", "query",
                "Format of the package's data: " + string.Join(", ", DownloadFormats.Vector.Concat(DownloadFormats.Raster).Select(f => $"{f.Key} ({f.Name})")) +
                $"; the first of a collection's formats ({DownloadFormats.Vector[0].Key} for features, {DownloadFormats.Raster[0].Key} for a raster) by default.",
                "string", enumValues: DownloadFormats.Vector.Concat(DownloadFormats.Raster).Select(f => f.Key).ToList(), name: "f");
            var written = new HashSet<string>(OwnParameters);
            foreach (var p in operations.SelectMany(o => o.Parameters).Where(p => written.Add(p.ComponentKey)))
                Parameter(json, p.ComponentKey, p.In, p.Description, p.Type, p.Enum, name: p.Name);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void Path(Utf8JsonWriter json, string path, string operationId, string summary, string[] parameters, string mediaType) =>
        Path(json, path, operationId, summary, parameters, [mediaType]);

    private static void Path(Utf8JsonWriter json, string path, string operationId, string summary, string[] parameters,
        IReadOnlyList<string> mediaTypes, Action<Utf8JsonWriter>? moreOperations = null)
    {
        json.WriteStartObject(path);
        json.WriteStartObject("get");
        json.WriteString("operationId", operationId);
        json.WriteString("summary", summary);
        json.WriteStartArray("parameters");
        foreach (var p in parameters)
        {
            json.WriteStartObject();
            json.WriteString("$ref", "#/components/parameters/" + p);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", summary);
        json.WriteStartObject("content");
        foreach (var mediaType in mediaTypes) { json.WriteStartObject(mediaType); json.WriteEndObject(); }
        if (parameters.Contains("f") && !mediaTypes.Contains(MediaTypes.Html)) { json.WriteStartObject(MediaTypes.Html); json.WriteEndObject(); }
        json.WriteEndObject();
        json.WriteEndObject();
        foreach (var (code, text) in new[] { ("400", "Invalid parameter (problem details)"), ("404", "Not found"), ("500", "Server error") })
        {
            if (code == "404" && !path.Contains('{')) continue;
            json.WriteStartObject(code);
            json.WriteString("description", text);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        moreOperations?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>
    /// An OGC API – Features Part 4 operation on the path being written: the path's parameters apply; Content-Crs
    /// and If-Match as headers; 401/403 for callers who may not edit, 412 for a stale tag.
    /// </summary>
    private static void Edit(Utf8JsonWriter json, string method, string operationId, string summary, string[] bodyMediaTypes, string success)
    {
        json.WriteStartObject(method);
        json.WriteString("operationId", operationId);
        json.WriteString("summary", summary);
        json.WriteStartArray("parameters");
        foreach (var header in method == "delete" ? ["If-Match"] : method == "post" ? ["Content-Crs"] : new[] { "If-Match", "Content-Crs" })
        {
            json.WriteStartObject();
            json.WriteString("name", header);
            json.WriteString("in", "header");
            json.WriteStartObject("schema"); json.WriteString("type", "string"); json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (bodyMediaTypes.Length > 0)
        {
            json.WriteStartObject("requestBody");
            json.WriteBoolean("required", true);
            json.WriteStartObject("content");
            foreach (var mediaType in bodyMediaTypes) { json.WriteStartObject(mediaType); json.WriteEndObject(); }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteStartObject("responses");
        foreach (var (code, text) in new[] { (success, summary), ("400", "Invalid body (problem details)"), ("401", "Credentials needed"),
                     ("403", "The caller may not edit this collection"), ("404", "Not found"), ("412", "The feature changed since it was read") })
        {
            if (code == "412" && method == "post") continue;
            json.WriteStartObject(code);
            json.WriteString("description", text);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Parameter(Utf8JsonWriter json, string key, string @in, string description, string type,
        IReadOnlyList<string>? enumValues = null, int? minimum = null, int? maximum = null, int? defaultValue = null, string? name = null)
    {
        json.WriteStartObject(key);
        json.WriteString("name", name ?? key);
        json.WriteString("in", @in);
        json.WriteBoolean("required", @in == "path");
        json.WriteString("description", description);
        if (type == "array") { json.WriteString("style", "form"); json.WriteBoolean("explode", false); }
        json.WriteStartObject("schema");
        json.WriteString("type", type);
        if (type == "array")
        {
            json.WriteNumber("minItems", 4);
            json.WriteNumber("maxItems", 6);
            json.WriteStartObject("items"); json.WriteString("type", "number"); json.WriteEndObject();
        }
        if (minimum is not null) json.WriteNumber("minimum", minimum.Value);
        if (maximum is not null) json.WriteNumber("maximum", maximum.Value);
        if (defaultValue is not null) json.WriteNumber("default", defaultValue.Value);
        if (enumValues is not null)
        {
            json.WriteStartArray("enum");
            foreach (var v in enumValues) json.WriteStringValue(v);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
