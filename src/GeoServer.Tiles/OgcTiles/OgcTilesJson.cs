using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>Writes the JSON documents of OGC API – Tiles straight onto the response.</summary>
public static class OgcTilesJson
{
    /// <summary>Vietnamese titles stay readable (the default encoder escapes every accented letter); served as JSON only.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Sends the document <paramref name="write"/> produces as application/json.</summary>
    public static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.BodyWriter, Options);
        write(json);
        await json.FlushAsync();
    }

    /// <summary>Writes one link object; <paramref name="templated"/> marks a URL template (tiles' "item" links).</summary>
    public static void WriteLink(Utf8JsonWriter json, string href, string rel, string type, string? title = null, bool templated = false)
    {
        json.WriteStartObject();
        json.WriteString("href", href);
        json.WriteString("rel", rel);
        json.WriteString("type", type);
        if (title is not null) json.WriteString("title", title);
        if (templated) json.WriteBoolean("templated", true);
        json.WriteEndObject();
    }
}
