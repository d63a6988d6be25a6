using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoServer.Host.Health;

/// <summary>Writes the health report as JSON: overall status and each check with its data.</summary>
public static class HealthResponse
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is not null) json.WriteString("description", entry.Description);
            foreach (var (key, value) in entry.Data) json.WriteString(key, value?.ToString());
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
