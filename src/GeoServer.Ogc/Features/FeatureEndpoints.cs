using System.Globalization;
using GeoServer.Core.Api;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GeoServer.Ogc.Features;

/// <summary>OGC API Features resources: collections, one collection, items, one item, queryables.</summary>
public static class FeatureEndpoints
{
    public static async Task Collections(HttpContext http, LayerRegistry layers, CrsRegistry crs,
        [FromServices] IEnumerable<IOgcApiExtension> extensions)
    {
        var paths = new OgcPaths(http.Request);
        var visible = layers.Visible(http.User).Select(l => l.Info).ToList();
        var added = extensions.SelectMany(e => e.Collections(paths.Base, http.User)).ToList();
        if (OutputFormats.Negotiate(http.Request) == OutputFormat.Html)
        {
            await CommonEndpoints.WriteHtml(http, FeaturePages.Collections(paths, visible, added));
            return;
        }
        await JsonResponse.WriteAsync(http.Response, MediaTypes.Json, json =>
        {
            json.WriteStartObject();
            JsonResponse.WriteLinks(json,
            [
                new(paths.Collections + "?f=json", "self", MediaTypes.Json, "This document"),
                new(paths.Collections + "?f=html", "alternate", MediaTypes.Html, "This document as HTML"),
            ]);
            json.WriteStartArray("collections");
            foreach (var layer in visible) CollectionJson.Write(json, layer, paths, crs, CollectionJson.Contributed(extensions, paths, layer));
            foreach (var collection in added) CollectionJson.Write(json, collection, crs.Crs84.Uri);
            json.WriteEndArray();
            json.WriteStartArray("crs");
            foreach (var c in crs.All) json.WriteStringValue(c.Uri);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static async Task Collection(string collectionId, HttpContext http, LayerRegistry layers, CrsRegistry crs,
        [FromServices] IEnumerable<IOgcApiExtension> extensions)
    {
        var layer = Find(layers, http, collectionId);
        var paths = new OgcPaths(http.Request);
        var contributed = CollectionJson.Contributed(extensions, paths, layer.Info);
        if (OutputFormats.Negotiate(http.Request) == OutputFormat.Html)
        {
            await CommonEndpoints.WriteHtml(http, FeaturePages.Collection(paths, layer.Info, contributed));
            return;
        }
        await JsonResponse.WriteAsync(http.Response, MediaTypes.Json, json => CollectionJson.Write(json, layer.Info, paths, crs, contributed));
    }

    public static async Task Items(string collectionId, HttpContext http, LayerRegistry layers, ServerOptions server,
        CrsRegistry crs, CancellationToken ct)
    {
        var layer = Find(layers, http, collectionId);
        var format = OutputFormats.Negotiate(http.Request);
        var request = ItemsQueryParser.Parse(http.Request.Query, layer.Info, server, crs);
        if (format == OutputFormat.Json)
        {
            await FeatureCollectionResponse.WriteAsync(http, layer, request, server, crs, ct);
            return;
        }
        var features = await layer.Features.QueryAsync(request.Query, ct).ToListAsync(ct);
        long matched = await layer.Features.CountAsync(request.Query.WithoutPaging(), ct);
        var paths = new OgcPaths(http.Request);
        string? next = null, prev = null;
        if (features.Count == request.Query.Limit && request.Position + features.Count < matched)
            next = Relink(http.Request, request.Query.SortBy.Count == 0
                ? $"{PageCursor.Name}={new PageCursor(features[^1].Id, request.Position + features.Count).Encode()}"
                : $"offset={request.Position + features.Count}", "html");
        if (request.Position > 0)
            prev = Relink(http.Request, $"offset={Math.Max(0, request.Position - request.Query.Limit)}", "html");
        await CommonEndpoints.WriteHtml(http, FeaturePages.Items(paths, layer.Info, features,
            OgcPaths.WithFormat(http.Request, "json"), request.Position, matched, next, prev));
    }

    public static async Task Item(string collectionId, string featureId, HttpContext http, LayerRegistry layers,
        CrsRegistry crs, CancellationToken ct)
    {
        var layer = Find(layers, http, collectionId);
        var format = OutputFormats.Negotiate(http.Request);
        foreach (var (name, _) in http.Request.Query)
            if (name is not ("f" or "crs"))
                throw new OgcException(400, "Bad Request", $"Unknown query parameter '{name}'.", name);
        var outputCrs = ItemsQueryParser.ParseCrs(http.Request.Query, "crs", layer.Info, crs) ?? ItemsQueryParser.DefaultCrs(layer.Info, crs);
        var feature = (long.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                          ? await layer.Features.GetAsync(id, ct) : null)
                      ?? throw OgcException.NotFound($"Collection '{collectionId}' has no feature '{featureId}'.");
        http.Response.Headers.ETag = Core.Editing.FeatureTag.Of(feature);
        var paths = new OgcPaths(http.Request);
        if (format == OutputFormat.Html)
        {
            await CommonEndpoints.WriteHtml(http, FeaturePages.Item(paths, layer.Info, feature, OgcPaths.WithFormat(http.Request, "json")));
            return;
        }
        var transform = layer.Info.StorageCrs is null ? null : crs.GetTransform(layer.Info.StorageCrs, outputCrs);
        if (transform is not null) http.Response.Headers["Content-Crs"] = "<" + outputCrs.Uri + ">";
        await JsonResponse.WriteAsync(http.Response, MediaTypes.GeoJson, json =>
            new GeoJsonFeatureWriter(layer.Info.Schema, transform, outputCrs.NorthingFirst)
                .Write(json, feature, paths.Item(layer.Info.Id, feature.Id)));
    }

    public static async Task QueryablesOf(string collectionId, HttpContext http, LayerRegistry layers)
    {
        var layer = Find(layers, http, collectionId).Info;
        var paths = new OgcPaths(http.Request);
        if (OutputFormats.Negotiate(http.Request) == OutputFormat.Html)
        {
            var rows = string.Concat(Queryables.Of(layer).Select(p => $"<tr><td>{HtmlPage.E(p.Name)}</td><td>{Queryables.JsonType(p.Type).Type}</td></tr>"));
            await CommonEndpoints.WriteHtml(http, HtmlPage.Render("Queryables — " + layer.Title, paths.Queryables(layer.Id) + "?f=json",
                [(paths.Collection(layer.Id) + "?f=html", layer.Id)], $"<table><tr><th>Property</th><th>Type</th></tr>{rows}</table>"));
            return;
        }
        await JsonResponse.WriteAsync(http.Response, MediaTypes.SchemaJson, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("$id", paths.Queryables(layer.Id));
            json.WriteString("type", "object");
            json.WriteString("title", layer.Title);
            json.WriteStartObject("properties");
            if (layer.Schema.GeometryType is { } geometryType)
            {
                json.WriteStartObject("geometry");
                json.WriteString("title", "Geometry");
                json.WriteString("format", "geometry-" + geometryType.ToLowerInvariant());
                json.WriteString("x-ogc-role", "primary-geometry");
                json.WriteEndObject();
            }
            foreach (var p in Queryables.Of(layer))
            {
                var (type, format) = Queryables.JsonType(p.Type);
                json.WriteStartObject(p.Name);
                json.WriteString("type", type);
                if (format is not null) json.WriteString("format", format);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        });
    }

    private static Layer Find(LayerRegistry layers, HttpContext http, string collectionId) =>
        layers.Find(http.User, collectionId) ?? throw OgcException.NotFound($"No collection '{collectionId}'.");

    private static string Relink(HttpRequest request, string paging, string format)
    {
        var kept = request.Query.Where(q => q.Key is not ("f" or "offset" or PageCursor.Name))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return $"{request.PathBase}{request.Path}?{string.Join("", kept.Select(k => k + "&"))}{paging}&f={format}";
    }
}
