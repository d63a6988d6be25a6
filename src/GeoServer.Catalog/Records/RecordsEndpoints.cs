using System.Text.Json;
using GeoServer.Catalog.Registration;
using GeoServer.Core.Api;
using GeoServer.Core.Filtering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Catalog.Records;

/// <summary>
/// OGC API – Records Part 1 on the OGC API's route group: the record collection /collections/catalog, its items
/// (searched with q, bbox, datetime, type, ids/externalIds, CQL2 filter, sortby, limit/offset) and one record, in
/// GeoJSON or HTML. Errors are <see cref="ApiException"/>s, so the API's own filter writes them.
/// </summary>
public static class RecordsEndpoints
{
    private const string Collection = "/collections/" + CatalogPaths.RecordsCollectionId;

    public static RouteGroupBuilder MapOgcRecords(this RouteGroupBuilder ogc)
    {
        string[] get = [HttpMethods.Get, HttpMethods.Head];
        ogc.MapMethods(Collection, get, CollectionDocument);
        ogc.MapMethods(Collection + "/items", get, Items);
        ogc.MapMethods(Collection + "/items/{recordId}", get, Item);
        ogc.MapMethods(Collection + "/queryables", get, QueryablesDocument);
        return ogc;
    }

    public static async Task CollectionDocument(HttpContext http, RecordCatalog catalog)
    {
        var paths = new RecordsPaths(http.Request);
        if (RecordsFormat.IsHtml(http.Request))
        {
            http.Response.Redirect(paths.Items + "?f=html");
            return;
        }
        var collection = RecordsCollection.Describe(catalog, http.User, paths.OgcRoot);
        await using var json = RecordsJson.Start(http.Response, RecordsFormat.Json);
        json.WriteStartObject();
        json.WriteString("id", collection.Id);
        json.WriteString("type", "Collection");
        json.WriteString("itemType", collection.ItemType);
        json.WriteString("title", collection.Title);
        json.WriteString("description", collection.Description);
        if (collection.Extent is { } box)
        {
            json.WriteStartObject("extent");
            json.WriteStartObject("spatial");
            json.WriteStartArray("bbox");
            json.WriteStartArray();
            foreach (var v in new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }) json.WriteNumberValue(v);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        RecordsJson.WriteLinks(json, collection.Links);
        json.WriteEndObject();
        await json.FlushAsync();
    }

    public static async Task Items(HttpContext http, RecordCatalog catalog, CancellationToken ct)
    {
        var paths = new RecordsPaths(http.Request);
        bool html = RecordsFormat.IsHtml(http.Request);
        var query = RecordsRequest.Parse(http.Request.Query, catalog.Options);
        if (html) query = query with { Facets = true };
        Search.SearchResult result;
        try
        {
            result = catalog.Search(http.User, query);
        }
        catch (CqlException e)
        {
            throw ApiException.BadParameter("filter", e.Message);
        }
        int? nextOffset = result.Next(query.Offset);
        string f = html ? "html" : "json";
        string? next = nextOffset is { } n ? Relink(http.Request, paths.Items, n, f) : null;
        string? prev = query.Offset > 0 ? Relink(http.Request, paths.Items, Math.Max(0, query.Offset - query.Limit), f) : null;
        if (html)
        {
            http.Response.ContentType = RecordsFormat.Html + "; charset=utf-8";
            await http.Response.WriteAsync(RecordsHtml.List(paths, query.Text, result, query.Offset, next, prev), ct);
            return;
        }
        await using var json = RecordsJson.Start(http.Response, RecordsFormat.GeoJson);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteNumber("numberMatched", result.Matched);
        json.WriteNumber("numberReturned", result.Records.Count);
        json.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        json.WriteStartArray("features");
        foreach (var record in result.Records)
        {
            RecordGeoJson.Write(json, record, paths.ServerRoot, paths.Collection);
            await RecordsJson.FlushIfFullAsync(json, http.Response, ct);
        }
        json.WriteEndArray();
        if (result.Facets is { } facets) WriteFacets(json, facets);
        var links = new List<ApiLink>
        {
            new(Relink(http.Request, paths.Items, query.Offset, "json"), "self", RecordsFormat.GeoJson, "This page"),
            new(Relink(http.Request, paths.Items, query.Offset, "html"), "alternate", RecordsFormat.Html, "This page as HTML"),
            new(paths.Collection, "collection", RecordsFormat.Json, "The catalog"),
        };
        if (next is not null) links.Add(new(next, "next", RecordsFormat.GeoJson, "Next page"));
        if (prev is not null) links.Add(new(prev, "prev", RecordsFormat.GeoJson, "Previous page"));
        RecordsJson.WriteLinks(json, links);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    public static async Task Item(string recordId, HttpContext http, RecordCatalog catalog, CancellationToken ct)
    {
        var paths = new RecordsPaths(http.Request);
        var record = catalog.Find(http.User, recordId) ?? throw ApiException.NotFound($"No record '{recordId}' in the catalog.", "recordId");
        if (RecordsFormat.IsHtml(http.Request))
        {
            http.Response.ContentType = RecordsFormat.Html + "; charset=utf-8";
            await http.Response.WriteAsync(RecordsHtml.Record(paths, record), ct);
            return;
        }
        await using var json = RecordsJson.Start(http.Response, RecordsFormat.GeoJson);
        RecordGeoJson.Write(json, record, paths.ServerRoot, paths.Collection);
        await json.FlushAsync(ct);
    }

    public static async Task QueryablesDocument(HttpContext http)
    {
        var paths = new RecordsPaths(http.Request);
        await using var json = RecordsJson.Start(http.Response, RecordsFormat.SchemaJson);
        json.WriteStartObject();
        json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.WriteString("$id", paths.Queryables);
        json.WriteString("type", "object");
        json.WriteString("title", RecordsCollection.Title);
        json.WriteStartObject("properties");
        foreach (var (name, type, format) in RecordsCollection.QueryableTypes())
        {
            json.WriteStartObject(name);
            if (type == "object") json.WriteString("format", format);
            else
            {
                json.WriteString("type", type);
                if (format is not null) json.WriteString("format", format);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void WriteFacets(Utf8JsonWriter json, IReadOnlyDictionary<Search.Facet, IReadOnlyList<Search.FacetValue>> facets)
    {
        json.WriteStartObject("facets");
        foreach (var (facet, values) in facets)
        {
            json.WriteStartArray(Metadata.MetadataCodes.Code(facet));
            foreach (var v in values)
            {
                json.WriteStartObject();
                json.WriteString("value", v.Value);
                json.WriteNumber("count", v.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>The request's own query with another offset and format.</summary>
    private static string Relink(HttpRequest request, string items, int offset, string f)
    {
        var query = new QueryBuilder(request.Query.Where(p => p.Key is not ("offset" or "f")).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))));
        query.Add("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add("f", f);
        return items + query.ToQueryString();
    }
}
