using System.Security.Claims;
using GeoServer.Catalog.Registration;
using GeoServer.Core.Api;
using GeoServer.Core.Layers;

namespace GeoServer.Catalog.Records;

/// <summary>
/// What OGC API – Records adds to the OGC API's own documents: its conformance classes, a landing-page link to the
/// catalog, the record collection in /collections, each layer's link to its record (rel describedby), and its
/// operations for the OpenAPI document.
/// </summary>
public sealed class RecordsExtension(RecordCatalog catalog) : IOgcApiExtension
{
    /// <inheritdoc />
    public IEnumerable<string> ConformanceClasses => RecordsConformance.Classes;

    /// <inheritdoc />
    public IEnumerable<ApiLink> LandingLinks(string ogcRoot) =>
        [new(ogcRoot + "/collections/" + CatalogPaths.RecordsCollectionId, "related", RecordsFormat.Json, RecordsCollection.Title)];

    /// <inheritdoc />
    public IEnumerable<ApiLink> CollectionLinks(string ogcRoot, LayerInfo layer) =>
        [new($"{ogcRoot}/collections/{CatalogPaths.RecordsCollectionId}/items/{Uri.EscapeDataString(layer.Id)}", "describedby",
            RecordsFormat.GeoJson, "Metadata record")];

    /// <inheritdoc />
    public IEnumerable<ApiCollection> Collections(string ogcRoot, ClaimsPrincipal caller) =>
        [RecordsCollection.Describe(catalog, caller, ogcRoot)];

    /// <inheritdoc />
    public IEnumerable<ApiOperation> Operations
    {
        get
        {
            string collection = "/collections/" + CatalogPaths.RecordsCollectionId;
            var f = new ApiParameter("f", "query", "Output format.", "string", ["json", "html"]);
            ApiParameter[] search =
            [
                f,
                new("q", "query", "Search terms: a record matches a comma-separated term when it holds every word of it, ignoring case and diacritics.", Key: "records-q"),
                new("bbox", "query", "minx,miny,maxx,maxy in CRS84."),
                new("datetime", "query", "An instant or an interval (start/end, '..' open)."),
                new("type", "query", "Record types, comma-separated: dataset, nonGeographicDataset, series, service.", Key: "records-type"),
                new("externalIds", "query", "Record ids, comma-separated.", Key: "records-externalIds"),
                new("filter", "query", "CQL2 filter over the queryables."),
                new("filter-lang", "query", "cql2-text or cql2-json."),
                new("sortby", "query", "title, updated, id, type or workspace; '-' before a name for descending.", Key: "records-sortby"),
                new("limit", "query", "Page size.", "integer"),
                new("offset", "query", "Records to skip.", "integer"),
                new("facets", "query", "true to count workspaces, keywords, topic categories and types over every match.", "boolean", Key: "records-facets"),
            ];
            yield return new(collection, "describeRecordCollection", "The record collection", [f], [RecordsFormat.Json]);
            yield return new(collection + "/items", "getRecords", "Search the catalog's records", search, [RecordsFormat.GeoJson, RecordsFormat.Html]);
            yield return new(collection + "/items/{recordId}", "getRecord", "One record",
                [new("recordId", "path", "Record id (a layer id, or service:wms…)."), f], [RecordsFormat.GeoJson, RecordsFormat.Html]);
            yield return new(collection + "/queryables", "getRecordQueryables", "Queryables of the records", [], [RecordsFormat.SchemaJson]);
        }
    }
}
