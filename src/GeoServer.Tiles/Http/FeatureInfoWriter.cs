using GeoServer.Tiles.Http;
using System.Globalization;
using System.Text.Unicode;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;
using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Http;

/// <summary>
/// Writes GetFeatureInfo results (WMS and WMTS) as HTML, GeoJSON (geometry in CRS84), XML or plain text; layers are
/// named as the endpoint names them.
/// </summary>
public static class FeatureInfoWriter
{
    // Vietnamese stays readable in the page source (WebUtility would write every accented letter as an entity).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task WriteAsync(HttpResponse response, string format, IReadOnlyList<FeatureInfoHit> hits,
        Func<LayerInfo, string> nameOf, CrsRegistry crs, CancellationToken ct)
    {
        switch (format)
        {
            case "application/json":
                await WriteJsonAsync(response, hits, nameOf, crs, ct);
                return;
            case "text/xml":
                await XmlResponse.WriteAsync(response, "text/xml", xml =>
                {
                    xml.WriteStartElement("FeatureInfoResponse");
                    foreach (var layer in hits.GroupBy(h => h.Layer))
                    {
                        xml.WriteStartElement("Layer");
                        xml.WriteAttributeString("name", nameOf(layer.Key.Info));
                        foreach (var hit in layer)
                        {
                            xml.WriteStartElement("Feature");
                            xml.WriteAttributeString("id", hit.Feature.Id.ToString(CultureInfo.InvariantCulture));
                            foreach (var (name, value) in Properties(hit))
                            {
                                xml.WriteStartElement("Attribute");
                                xml.WriteAttributeString("name", name);
                                xml.WriteAttributeString("value", value);
                                xml.WriteEndElement();
                            }
                            xml.WriteEndElement();
                        }
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }, ct: ct);
                return;
            default:
                var text = format == "text/plain" ? Plain(hits, nameOf) : Html(hits);
                response.ContentType = format + "; charset=utf-8";
                await response.WriteAsync(text, ct);
                return;
        }
    }

    private static IEnumerable<(string Name, string Value)> Properties(FeatureInfoHit hit)
    {
        var schema = hit.Layer.Info.Schema;
        for (int i = 0; i < schema.Properties.Count; i++)
        {
            if (schema.Properties[i].Type == PropertyType.Binary) continue;
            yield return (schema.Properties[i].Name, Convert.ToString(hit.Feature.Values[i], CultureInfo.InvariantCulture) ?? "");
        }
    }

    private static string Html(IReadOnlyList<FeatureInfoHit> hits)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>GetFeatureInfo</title></head><body>");
        foreach (var layer in hits.GroupBy(h => h.Layer))
        {
            var props = layer.Key.Info.Schema.Properties.Where(p => p.Type != PropertyType.Binary).Select(p => p.Name).ToList();
            html.Append("<table border=\"1\"><caption>").Append(Encoder.Encode(layer.Key.Info.Title)).Append("</caption><tr><th>id</th>");
            foreach (var p in props) html.Append("<th>").Append(Encoder.Encode(p)).Append("</th>");
            html.Append("</tr>");
            foreach (var hit in layer)
            {
                html.Append("<tr><td>").Append(hit.Feature.Id.ToString(CultureInfo.InvariantCulture)).Append("</td>");
                foreach (var (_, value) in Properties(hit)) html.Append("<td>").Append(Encoder.Encode(value)).Append("</td>");
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Plain(IReadOnlyList<FeatureInfoHit> hits, Func<LayerInfo, string> nameOf)
    {
        var text = new StringBuilder();
        foreach (var hit in hits)
        {
            text.Append("Layer '").Append(nameOf(hit.Layer.Info)).Append("' feature ").Append(hit.Feature.Id).Append('\n');
            foreach (var (name, value) in Properties(hit)) text.Append("  ").Append(name).Append(" = ").Append(value).Append('\n');
        }
        return text.Length == 0 ? "No features were found.\n" : text.ToString();
    }

    private static async Task WriteJsonAsync(HttpResponse response, IReadOnlyList<FeatureInfoHit> hits,
        Func<LayerInfo, string> nameOf, CrsRegistry crs, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var hit in hits)
            {
                var info = hit.Layer.Info;
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteNumber("id", hit.Feature.Id);
                json.WriteString("layer", nameOf(info));
                json.WritePropertyName("geometry");
                if (hit.Feature.Geometry is null || info.StorageCrs is null) json.WriteNullValue();
                else GeoJsonGeometryWriter.Write(json,
                    crs.GetTransform(info.StorageCrs, crs.Crs84).Transform(hit.Feature.Geometry), false, 7);
                json.WriteStartObject("properties");
                var schema = info.Schema;
                for (int i = 0; i < schema.Properties.Count; i++)
                {
                    if (schema.Properties[i].Type == PropertyType.Binary) continue;
                    json.WritePropertyName(schema.Properties[i].Name);
                    switch (hit.Feature.Values[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case long l: json.WriteNumberValue(l); break;
                        case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        case var v: json.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
                    }
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }
}
