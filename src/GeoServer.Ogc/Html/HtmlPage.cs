using System.Net;
using System.Text;

namespace GeoServer.Ogc.Html;

/// <summary>
/// The frame of every HTML page: a title, a breadcrumb, a link to the JSON of the same resource and the body.
/// Server-rendered, no framework; every text from data goes through <see cref="E"/>.
/// </summary>
public static class HtmlPage
{
    /// <summary>HTML-encodes text from data or requests.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Render(string title, string jsonHref, IEnumerable<(string Href, string Text)> crumbs, string body,
        string? head = null)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" — GeoSDI</title>")
            .Append("<style>").Append(Css).Append("</style>").Append(head).Append("</head><body><header><nav>");
        foreach (var (href, text) in crumbs) html.Append("<a href=\"").Append(E(href)).Append("\">").Append(E(text)).Append("</a> / ");
        html.Append("<span>").Append(E(title)).Append("</span></nav>")
            .Append("<a class=\"json\" href=\"").Append(E(jsonHref)).Append("\">JSON</a></header><main>")
            .Append("<h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    public static string Error(int status, string title, string detail) =>
        Render($"{status} {title}", "?f=json", [], $"<p class=\"error\">{E(detail)}</p>");

    private const string Css =
        "body{font:15px/1.5 system-ui,'DejaVu Sans',sans-serif;margin:0;color:#1d2733}" +
        "header{display:flex;justify-content:space-between;padding:.6em 1.2em;background:#0b5d7a;color:#fff}" +
        "header a{color:#fff}main{padding:0 1.2em 2em}table{border-collapse:collapse;font-size:13px}" +
        "td,th{border:1px solid #ccd;padding:2px 6px;text-align:left;vertical-align:top}th{background:#eef2f5}" +
        "#map{height:420px;border:1px solid #99a;margin:1em 0}.error{color:#a01818;font-weight:600}" +
        "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}";
}
