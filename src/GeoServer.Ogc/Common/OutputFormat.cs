using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Common;

/// <summary>The two encodings every resource has: JSON (GeoJSON for features) and HTML.</summary>
public enum OutputFormat { Json, Html }

/// <summary>Content negotiation: the "f" parameter wins; otherwise the Accept header (browsers ask for HTML first).</summary>
public static class OutputFormats
{
    public static OutputFormat Negotiate(HttpRequest request)
    {
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f))
            return f.ToLowerInvariant() switch
            {
                "json" or "geojson" or "application/json" or "application/geo+json" => OutputFormat.Json,
                "html" or "text/html" => OutputFormat.Html,
                _ => throw OgcException.BadParameter("f", $"'{f}' is not a supported format; use 'json' or 'html'."),
            };
        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var type = accept.MediaType.Value ?? "";
            if (type.Contains("json", StringComparison.OrdinalIgnoreCase)) return OutputFormat.Json;
            if (type.Equals(MediaTypes.Html, StringComparison.OrdinalIgnoreCase)) return OutputFormat.Html;
        }
        return OutputFormat.Json;
    }
}
