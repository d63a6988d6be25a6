using System.Security.Claims;
using GeoServer.Catalog.Registration;
using GeoServer.Catalog.Search;
using GeoServer.Core.Api;
using GeoServer.Core.Spatial;

namespace GeoServer.Catalog.Records;

/// <summary>The record collection as /collections lists it and /collections/catalog describes it.</summary>
public static class RecordsCollection
{
    public const string Title = "Danh mục siêu dữ liệu — Metadata catalog";
    public const string Description = "Records of every published dataset and service (ISO 19115 core), searchable with q, bbox, datetime, type and CQL2.";

    /// <summary>The queryables relation (OGC API – Features Part 3).</summary>
    public const string QueryablesRelation = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    public static ApiCollection Describe(RecordCatalog catalog, ClaimsPrincipal caller, string ogcRoot)
    {
        string collection = ogcRoot + "/collections/" + CatalogPaths.RecordsCollectionId;
        // The extent of what the caller may see, so it reveals nothing of hidden layers.
        var visible = catalog.VisibleTo(caller);
        BBox? extent = catalog.Index.All.Where(visible).Select(r => r.Extent).OfType<BBox>()
            .Aggregate((BBox?)null, (all, box) => all?.Union(box) ?? box);
        return new ApiCollection(CatalogPaths.RecordsCollectionId, Title, Description, "record",
        [
            new(collection + "?f=json", "self", RecordsFormat.Json, "This collection"),
            new(collection + "?f=html", "alternate", RecordsFormat.Html, "This collection as HTML"),
            new(collection + "/items?f=json", "items", RecordsFormat.GeoJson, "Records"),
            new(collection + "/items?f=html", "items", RecordsFormat.Html, "Records as HTML"),
            new(collection + "/queryables", QueryablesRelation, RecordsFormat.SchemaJson, "Queryables"),
        ], extent);
    }

    /// <summary>The queryables as JSON Schema property types.</summary>
    public static IEnumerable<(string Name, string Type, string? Format)> QueryableTypes() =>
        Queryables.All.Select(n => n is Queryables.Modified or Queryables.Updated ? (n, "string", (string?)"date-time") : (n, "string", null))
            .Append((Queryables.Geometry, "object", "geometry-polygon"));
}
