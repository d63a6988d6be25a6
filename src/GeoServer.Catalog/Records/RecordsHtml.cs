using System.Net;
using System.Text;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;

namespace GeoServer.Catalog.Records;

/// <summary>HTML of the record collection: a search form, facets and a page of records; one record in full. Every text from data is encoded.</summary>
public static class RecordsHtml
{
    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string List(RecordsPaths paths, string? q, SearchResult result, int offset, string? next, string? prev)
    {
        var body = new StringBuilder();
        body.Append($"<form method=\"get\" action=\"{E(paths.Items)}\"><input type=\"hidden\" name=\"f\" value=\"html\">")
            .Append($"<input name=\"q\" size=\"40\" value=\"{E(q)}\" placeholder=\"dat dai, Ha Noi, song…\"> <button>Tìm — Search</button></form>")
            .Append($"<p>{result.Matched} bản ghi — records; {offset + 1}–{offset + result.Records.Count}</p>");
        if (result.Facets is { } facets)
        {
            body.Append("<details><summary>Facets</summary><dl>");
            foreach (var (facet, values) in facets)
                body.Append($"<dt>{E(facet.ToString())}</dt><dd>")
                    .Append(string.Join(", ", values.Select(v => $"{E(v.Value)} ({v.Count})"))).Append("</dd>");
            body.Append("</dl></details>");
        }
        body.Append("<table><tr><th>Tên — Title</th><th>Type</th><th>Workspace</th><th>id</th></tr>");
        foreach (var r in result.Records)
            body.Append($"<tr><td><a href=\"{E(paths.Item(r.Id))}?f=html\">{E(r.Title.Text)}</a></td><td>{E(MetadataCodes.Code(r.Type))}</td>")
                .Append($"<td>{E(r.Workspace)}</td><td>{E(r.Id)}</td></tr>");
        body.Append("</table><p>");
        if (prev is not null) body.Append($"<a rel=\"prev\" href=\"{E(prev)}\">← Trước — Previous</a> ");
        if (next is not null) body.Append($"<a rel=\"next\" href=\"{E(next)}\">Sau — Next →</a>");
        body.Append("</p>");
        return Page(RecordsCollection.Title, paths.Items + "?f=json", body.ToString(), paths);
    }

    public static string Record(RecordsPaths paths, MetadataRecord r)
    {
        var body = new StringBuilder("<dl>");
        void Row(string name, string? value) { if (!string.IsNullOrEmpty(value)) body.Append($"<dt>{E(name)}</dt><dd>{E(value)}</dd>"); }
        Row("id", r.Id);
        Row("Type", MetadataCodes.Code(r.Type));
        foreach (var (code, title) in r.Title.Translations ?? new Dictionary<string, string>()) Row("Title (" + code + ")", title);
        Row("Tóm tắt — Abstract", r.Abstract?.Text);
        Row("Từ khoá — Keywords", string.Join(", ", r.AllKeywords.Select(k => k.Text)));
        Row("Topic categories", string.Join(", ", r.TopicCategories.Select(MetadataCodes.Code)));
        Row("Nguồn gốc — Lineage", r.Lineage?.Text);
        Row("Quality", r.QualityStatement?.Text);
        Row("Extent (CRS84)", r.Extent is { } b ? $"{b.MinX}, {b.MinY}, {b.MaxX}, {b.MaxY}" : null);
        Row("Time", r.Time is { } t ? $"{t.Begin ?? ".."} / {t.End ?? ".."}" : null);
        Row("CRS", r.ReferenceSystem);
        Row("Licence", r.Constraints.Licence);
        Row("Access", r.Constraints.Access.ToString());
        Row("Rights", r.Constraints.UseLimitation?.Text);
        Row("Update frequency", MetadataCodes.Code(r.UpdateFrequency));
        Row("Contacts", string.Join("; ", r.Contacts.Select(c => $"{c.Organisation.Text} ({MetadataCodes.Code(c.Role)})")));
        Row("Updated", r.Modified.ToString("u"));
        body.Append("</dl><h2>Links</h2><ul>");
        foreach (var link in r.Distribution.Links)
            body.Append($"<li><a href=\"{E(link.Resolve(paths.ServerRoot))}\">{E(link.Description ?? link.Url)}</a> <small>{E(link.Protocol)}</small></li>");
        body.Append("</ul>");
        return Page(r.Title.Text, paths.Item(r.Id) + "?f=json", body.ToString(), paths);
    }

    private static string Page(string title, string json, string body, RecordsPaths paths) =>
        $$"""
        <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} — GeoSDI</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:0 1.2em 2em;color:#1d2733}table{border-collapse:collapse;font-size:13px}
        td,th{border:1px solid #ccd;padding:2px 6px;text-align:left}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}</style>
        </head><body><nav><a href="{{E(paths.OgcRoot)}}?f=html">GeoSDI</a> / <a href="{{E(paths.Items)}}?f=html">{{E(RecordsCollection.Title)}}</a> · <a href="{{E(json)}}">JSON</a></nav>
        <h1>{{E(title)}}</h1>{{body}}</body></html>
        """;
}
