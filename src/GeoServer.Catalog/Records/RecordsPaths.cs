using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Records;

/// <summary>The absolute URLs of the record collection as the caller reached the server.</summary>
public sealed class RecordsPaths(HttpRequest request)
{
    public string ServerRoot { get; } = $"{request.Scheme}://{request.Host}{request.PathBase}";
    public string OgcRoot => ServerRoot + CatalogPaths.OgcApi;
    public string Collection => ServerRoot + CatalogPaths.RecordsCollection;
    public string Items => Collection + "/items";
    public string Queryables => Collection + "/queryables";
    public string Item(string id) => ServerRoot + CatalogPaths.RecordItem(id);
}
