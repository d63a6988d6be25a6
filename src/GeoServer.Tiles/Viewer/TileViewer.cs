using System.Net;
using System.Text;
using System.Text.Json;
using GeoServer.Tiles.Tilesets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Tiles.Viewer;

/// <summary>
/// /tiles: a page listing every tileset the caller may see, with an OpenLayers map of the chosen one (?tileset=id,
/// or * for all layers) as XYZ or WMTS tiles with OpenLayers (?mode=xyz|wmts), or as vector tiles drawn by MapLibre
/// GL with the generated style (?mode=vector). The libraries and the page's scripts are served with the other HTML
/// assets under /ogc/static.
/// </summary>
public static class TileViewer
{
    public static IEndpointRouteBuilder MapTileViewer(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/tiles", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, TileServices services) =>
        {
            var all = TilesetResolver.All(services.Layers, http.User).ToList();
            string chosen = http.Request.Query["tileset"].ToString() is { Length: > 0 } t ? t : all.FirstOrDefault()?.Id ?? "";
            string mode = http.Request.Query["mode"].ToString() switch { "wmts" => "wmts", "vector" => "vector", _ => "xyz" };
            var ids = chosen == "*"
                ? all.Where(s => s.Layers.Count == 1).Select(s => s.Id).ToList()
                : all.Where(s => s.Id == chosen).Select(s => s.Id).ToList();
            return Results.Content(Page(http, all, ids, chosen, mode), "text/html; charset=utf-8");
        });
        return app;
    }

    private static string Page(HttpContext http, IReadOnlyList<Tileset> all, IReadOnlyList<string> ids, string chosen, string mode)
    {
        string root = $"{http.Request.PathBase}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>GeoSDI — tiles</title>")
            .Append($"<link rel=\"stylesheet\" href=\"{root}/ogc/static/ol/ol.css\">")
            .Append("<style>body{font-family:sans-serif;margin:0;display:flex;height:100vh}nav{width:22em;overflow:auto;padding:.5em}")
            .Append("#map{flex:1}a.on{font-weight:bold}</style></head><body><nav><h1>Tiles</h1><p>")
            .Append(Link(root, chosen, "xyz", "XYZ", mode)).Append(" · ").Append(Link(root, chosen, "wmts", "WMTS", mode))
            .Append(" · ").Append(Link(root, chosen, "vector", "vector (MapLibre)", mode))
            .Append(" · ").Append(Link(root, "*", mode, "all layers", chosen == "*" ? mode : "")).Append("</p><ul>");
        foreach (var tileset in all)
            html.Append("<li>").Append(Link(root, tileset.Id, mode, tileset.Title, tileset.Id == chosen ? mode : ""))
                .Append(" <code>").Append(WebUtility.HtmlEncode(tileset.Id)).Append("</code></li>");
        html.Append("</ul></nav>")
            .Append("<div id=\"map\" data-mode=\"").Append(mode).Append("\" data-tilesets=\"")
            .Append(WebUtility.HtmlEncode(JsonSerializer.Serialize(ids))).Append("\" data-tiles=\"").Append(root).Append("/tiles/\"")
            .Append(" data-capabilities=\"").Append(root).Append("/wmts?service=WMTS&amp;request=GetCapabilities\"")
            .Append(" data-style=\"").Append(root).Append("/tiles/").Append(Uri.EscapeDataString(chosen)).Append("/style.json\"></div>")
            .Append(mode == "vector"
                ? $"<link rel=\"stylesheet\" href=\"{root}/ogc/static/maplibre/maplibre-gl.css\"><script src=\"{root}/ogc/static/maplibre/maplibre-gl.js\"></script><script src=\"{root}/ogc/static/vector-viewer.js\"></script>"
                : $"<script src=\"{root}/ogc/static/ol/ol.js\"></script><script src=\"{root}/ogc/static/tile-viewer.js\"></script>")
            .Append("</body></html>");
        return html.ToString();
    }

    private static string Link(string root, string tileset, string mode, string text, string current) =>
        $"<a class=\"{(mode == current ? "on" : "")}\" href=\"{root}/tiles?tileset={Uri.EscapeDataString(tileset)}&amp;mode={mode}\">{WebUtility.HtmlEncode(text)}</a>";
}
