using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Common;

/// <summary>Every OGC API URL, built from the request's own scheme, host and base path (proxies via X-Forwarded-*).</summary>
public sealed class OgcPaths(HttpRequest request)
{
    public const string Root = "/ogc";

    public string Base { get; } = $"{request.Scheme}://{request.Host}{request.PathBase}{Root}";

    public string Landing => Base;
    public string Conformance => Base + "/conformance";
    public string Api => Base + "/api";
    public string Collections => Base + "/collections";
    public string Static(string file) => Base + "/static/" + file;
    public string Collection(string id) => Collections + "/" + Uri.EscapeDataString(id);
    public string Items(string id) => Collection(id) + "/items";
    public string Item(string id, long featureId) => Items(id) + "/" + featureId;
    public string Queryables(string id) => Collection(id) + "/queryables";
    public string Schema(string id) => Collection(id) + "/schema";
    public string Download(string id, string format) => Collection(id) + "/download?f=" + format;

    /// <summary>The same resource with "f" set, keeping every other query parameter.</summary>
    public static string WithFormat(HttpRequest request, string format)
    {
        var query = request.Query.Where(q => !q.Key.Equals("f", StringComparison.OrdinalIgnoreCase))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append("f=" + format);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}
