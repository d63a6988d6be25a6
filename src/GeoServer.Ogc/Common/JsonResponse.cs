using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Common;

/// <summary>Writes JSON straight onto the response pipe; documents are never built in memory first.</summary>
public static class JsonResponse
{
    /// <summary>
    /// Vietnamese text stays readable (no \u escapes). Relaxed escaping is safe because these documents are
    /// served as JSON, never inlined into HTML.
    /// </summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static Utf8JsonWriter Start(HttpResponse response, string contentType)
    {
        response.ContentType = contentType;
        return new Utf8JsonWriter(response.BodyWriter, Options);
    }

    public static async Task WriteAsync(HttpResponse response, string contentType, Action<Utf8JsonWriter> write)
    {
        await using var json = Start(response, contentType);
        write(json);
        await json.FlushAsync();
    }

    /// <summary>Sends what has been written so far once enough is buffered; keeps memory flat on long responses.</summary>
    public static async ValueTask FlushIfFullAsync(Utf8JsonWriter json, HttpResponse response, CancellationToken ct)
    {
        if (json.BytesPending < 32 * 1024) return;
        json.Flush();
        await response.BodyWriter.FlushAsync(ct);
    }

    public static void WriteLinks(Utf8JsonWriter json, IEnumerable<Link> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("href", link.Href);
            json.WriteString("rel", link.Rel);
            if (link.Type is not null) json.WriteString("type", link.Type);
            if (link.Title is not null) json.WriteString("title", link.Title);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
