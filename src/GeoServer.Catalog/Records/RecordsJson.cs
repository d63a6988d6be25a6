using System.Text.Encodings.Web;
using System.Text.Json;
using GeoServer.Core.Api;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Records;

/// <summary>JSON written straight onto the response pipe, flushed every 32 KiB, as the Features area does.</summary>
public static class RecordsJson
{
    // Vietnamese stays readable; safe because these documents are served as JSON, never inlined into HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static Utf8JsonWriter Start(HttpResponse response, string contentType)
    {
        response.ContentType = contentType;
        return new Utf8JsonWriter(response.BodyWriter, Options);
    }

    public static async ValueTask FlushIfFullAsync(Utf8JsonWriter json, HttpResponse response, CancellationToken ct)
    {
        if (json.BytesPending < 32 * 1024) return;
        json.Flush();
        await response.BodyWriter.FlushAsync(ct);
    }

    public static void WriteLinks(Utf8JsonWriter json, IEnumerable<ApiLink> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("href", link.Href);
            json.WriteString("rel", link.Rel);
            json.WriteString("type", link.Type);
            if (link.Title is not null) json.WriteString("title", link.Title);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
