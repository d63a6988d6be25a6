using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Records;

/// <summary>JSON or HTML, by <c>f</c> first and then by the Accept header (OGC API Common 7.8), JSON when neither says.</summary>
public static class RecordsFormat
{
    public const string GeoJson = "application/geo+json", Json = "application/json", Html = "text/html", SchemaJson = "application/schema+json";

    /// <summary>True when the client asked for HTML.</summary>
    public static bool IsHtml(HttpRequest request)
    {
        var f = request.Query["f"].ToString();
        if (f.Length > 0)
            return f.ToLowerInvariant() switch
            {
                "html" => true,
                "json" or "geojson" => false,
                _ => throw Core.Api.ApiException.BadParameter("f", $"'{f}' is not offered; use json or html."),
            };
        var accept = request.Headers.Accept.ToString();
        return accept.Contains(Html, StringComparison.OrdinalIgnoreCase) && !accept.Contains(Json, StringComparison.OrdinalIgnoreCase)
            && !accept.Contains(GeoJson, StringComparison.OrdinalIgnoreCase);
    }
}
