using System.Text;
using GeoServer.Core.Api;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using static GeoServer.Ogc.Html.HtmlPage;

namespace GeoServer.Ogc.Html;

/// <summary>HTML views of the Features resources: landing page, collections, one collection, items, one item.</summary>
public static class FeaturePages
{
    /// <param name="contributed">Links other areas add (tiles, …), listed after the API's own.</param>
    public static string Landing(OgcPaths paths, string title, string description, string? attribution, IEnumerable<Link> contributed) => Render(title,
        paths.Landing + "?f=json", [], $"""
        <p>{E(description)}</p>
        <ul>
          <li><a href="{E(paths.Collections)}?f=html">Bộ dữ liệu — Collections</a></li>
          <li><a href="{E(paths.Conformance)}?f=html">Conformance</a></li>
          <li><a href="{E(paths.Api)}">OpenAPI 3.0</a></li>
          {LinkItems(contributed)}
        </ul>
        {(attribution is null ? "" : $"<p><small>{E(attribution)}</small></p>")}
        """);

    public static string Conformance(OgcPaths paths, IEnumerable<string> classes) => Render("Conformance",
        paths.Conformance + "?f=json", [(paths.Landing + "?f=html", "GeoSDI")],
        "<ul>" + string.Concat(classes.Select(c => $"<li>{E(c)}</li>")) + "</ul>");

    /// <param name="contributed">Collections other areas add (the catalog's records), listed after the layers.</param>
    public static string Collections(OgcPaths paths, IEnumerable<LayerInfo> layers, IEnumerable<ApiCollection> contributed)
    {
        var rows = new StringBuilder();
        foreach (var l in layers)
            rows.Append($"<tr><td><a href=\"{E(paths.Collection(l.Id))}?f=html\">{E(l.Id)}</a></td><td>{E(l.Title)}</td>")
                .Append($"<td>{E(l.Workspace.Title)}</td><td>{E(l.Schema.GeometryType ?? "—")}</td></tr>");
        foreach (var c in contributed)
            rows.Append($"<tr><td><a href=\"{E(paths.Collection(c.Id))}?f=html\">{E(c.Id)}</a></td><td>{E(c.Title)}</td>")
                .Append($"<td></td><td>{E(c.ItemType)}</td></tr>");
        return Render("Bộ dữ liệu — Collections", paths.Collections + "?f=json", [(paths.Landing + "?f=html", "GeoSDI")],
            $"<table><tr><th>id</th><th>Tên — Title</th><th>Workspace</th><th>Geometry</th></tr>{rows}</table>");
    }

    /// <param name="contributed">Links other areas add for this collection (its tilesets, …).</param>
    public static string Collection(OgcPaths paths, LayerInfo l, IEnumerable<Link> contributed)
    {
        string more = LinkItems(contributed) is { Length: > 0 } items ? $"<ul>{items}</ul>" : "";
        var props = string.Concat(l.Schema.Properties.Select(p => $"<tr><td>{E(p.Name)}</td><td>{p.Type}</td></tr>"));
        string extent = l.WgsExtent is { } b ? $"{b.MinX:0.####}, {b.MinY:0.####}, {b.MaxX:0.####}, {b.MaxY:0.####}" : "—";
        return Render(l.Title, paths.Collection(l.Id) + "?f=json", Crumbs(paths), $"""
            <p>{E(l.Abstract)}</p>
            <dl><dt>id</dt><dd>{E(l.Id)}</dd><dt>Workspace</dt><dd>{E(l.Workspace.Title)}</dd>
            <dt>Geometry</dt><dd>{E(l.Schema.GeometryType ?? "—")}</dd><dt>Extent (CRS84)</dt><dd>{extent}</dd>
            <dt>Storage CRS</dt><dd>{E(l.StorageCrs?.Uri ?? "—")}</dd>
            <dt>Attribution</dt><dd>{E(l.Attribution ?? "—")}</dd></dl>
            <p><a href="{E(paths.Items(l.Id))}?f=html">Đối tượng — Items</a> ·
               <a href="{E(paths.Queryables(l.Id))}?f=html">Queryables</a></p>
            <p>Tải về — Download: {string.Join(" · ", DownloadFormats.For(l).Select(f => $"<a href=\"{E(paths.Download(l.Id, f.Key))}\">{E(f.Name)}</a>"))}</p>
            {more}
            <table><tr><th>Property</th><th>Type</th></tr>{props}</table>
            """);
    }

    /// <summary>A table of the page's features and a map that draws the same page fetched as GeoJSON.</summary>
    public static string Items(OgcPaths paths, LayerInfo l, IReadOnlyList<Feature> features, string jsonHref,
        long position, long matched, string? nextHref, string? prevHref)
    {
        var rows = new StringBuilder();
        rows.Append("<tr><th>id</th>");
        foreach (var p in l.Schema.Properties) rows.Append("<th>").Append(E(p.Name)).Append("</th>");
        rows.Append("</tr>");
        foreach (var f in features)
        {
            rows.Append($"<tr><td><a href=\"{E(paths.Item(l.Id, f.Id))}?f=html\">{f.Id}</a></td>");
            foreach (var v in f.Values) rows.Append("<td>").Append(E(v?.ToString())).Append("</td>");
            rows.Append("</tr>");
        }
        string pager = (prevHref is null ? "" : $"<a href=\"{E(prevHref)}\">← trước / previous</a> ") +
                       (nextHref is null ? "" : $"<a href=\"{E(nextHref)}\">sau / next →</a>");
        string map = l.Schema.HasGeometry ? MapDiv(paths, jsonHref, l.Attribution) : "";
        return Render(l.Title, jsonHref, Crumbs(paths).Append((paths.Collection(l.Id) + "?f=html", l.Id)),
            $"<p>{position + 1}–{position + features.Count} / {matched}</p>{map}<p>{pager}</p><table>{rows}</table>",
            MapHead(paths, l.Schema.HasGeometry));
    }

    public static string Item(OgcPaths paths, LayerInfo l, Feature f, string jsonHref)
    {
        var rows = string.Concat(l.Schema.Properties.Select((p, i) => $"<dt>{E(p.Name)}</dt><dd>{E(f.Values[i]?.ToString())}</dd>"));
        string map = f.Geometry is null ? "" : MapDiv(paths, jsonHref, l.Attribution);
        return Render($"{l.Title} — {f.Id}", jsonHref,
            Crumbs(paths).Append((paths.Collection(l.Id) + "?f=html", l.Id)).Append((paths.Items(l.Id) + "?f=html", "items")),
            $"{map}<dl>{rows}</dl>", MapHead(paths, f.Geometry is not null));
    }

    private static string LinkItems(IEnumerable<Link> links) =>
        string.Concat(links.Select(k => $"<li><a href=\"{E(k.Href)}\" type=\"{E(k.Type)}\">{E(k.Title ?? k.Rel)}</a></li>"));

    private static IEnumerable<(string, string)> Crumbs(OgcPaths paths) =>
        [(paths.Landing + "?f=html", "GeoSDI"), (paths.Collections + "?f=html", "Collections")];

    private static string MapHead(OgcPaths paths, bool withMap) => !withMap ? "" :
        $"<link rel=\"stylesheet\" href=\"{E(paths.Static("leaflet/leaflet.css"))}\">" +
        $"<script src=\"{E(paths.Static("leaflet/leaflet.js"))}\"></script>";

    // The map draws the GeoJSON of this very page (CRS84), so the HTML and JSON views cannot disagree.
    private static string MapDiv(OgcPaths paths, string jsonHref, string? attribution) => $$"""
        <div id="map" data-geojson="{{E(jsonHref)}}"></div>
        <script src="{{E(paths.Static("map-preview.js"))}}" data-attribution="{{E(attribution)}}"></script>
        """;
}
