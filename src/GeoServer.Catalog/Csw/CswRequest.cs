using System.Xml.Linq;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Registration;
using GeoServer.Catalog.Search;
using GeoServer.Core.Crs;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// One CSW request: its KVP parameters (names case-insensitive) or its XML body, the workspace endpoint it came
/// through (null for /csw), and the catalog it reads, as the caller may see it.
/// </summary>
public sealed class CswRequest(HttpContext http, string? workspace, RecordCatalog catalog, CrsRegistry crs,
    IReadOnlyDictionary<string, string> parameters, XElement? body)
{
    public HttpContext Http { get; } = http;
    public string? Workspace { get; } = workspace;
    public RecordCatalog Catalog { get; } = catalog;
    public CrsRegistry Crs { get; } = crs;

    /// <summary>The root element of an XML POST request; null for KVP.</summary>
    public XElement? Body { get; } = body;

    /// <summary>The KVP parameter's value, or null when absent or empty.</summary>
    public string? Get(string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Require(string name) => Get(name) ?? throw CswException.Missing(name);

    /// <summary>scheme://host/base of the request, without a trailing slash: what server paths in records are resolved against.</summary>
    public string ServerRoot => $"{Http.Request.Scheme}://{Http.Request.Host}{Http.Request.PathBase}";

    /// <summary>The URL of this endpoint.</summary>
    public string ServiceUrl => ServerRoot + (Workspace is null ? CatalogPaths.Csw : CatalogPaths.WorkspaceCsw(Workspace));

    /// <summary>Searches the records the caller may see through this endpoint.</summary>
    public SearchResult Search(SearchQuery query) => Catalog.Search(Http.User, query with { Workspace = Workspace });

    /// <summary>The record if the caller may see it through this endpoint; otherwise null.</summary>
    public MetadataRecord? Find(string id) =>
        Catalog.Find(Http.User, id) is { } record && (Workspace is null || record.Workspace == Workspace) ? record : null;
}
