using System.Text;
using System.Text.Json;
using GeoServer.Core.Editing;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Features;

/// <summary>
/// A feature as the audit log keeps it: {"geometry": WKT in the storage CRS, "properties": {…}}; of a draft only
/// what it sets, so an update's "after" shows exactly what the editor changed.
/// </summary>
public static class FeatureAuditJson
{
    public static string Of(Feature feature, FeatureSchema schema) => Write(json =>
    {
        json.WriteString("geometry", feature.Geometry?.AsText());
        json.WriteStartObject("properties");
        for (int i = 0; i < schema.Properties.Count; i++) WriteValue(json, schema.Properties[i].Name, feature.Values[i]);
        json.WriteEndObject();
    });

    public static string Of(FeatureDraft draft) => Write(json =>
    {
        if (draft.SetsGeometry) json.WriteString("geometry", draft.Geometry?.AsText());
        json.WriteStartObject("properties");
        foreach (var (name, value) in draft.Values) WriteValue(json, name, value);
        json.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>An attribute as the items endpoint writes it (non-finite numbers as null).</summary>
    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        GeoJsonFeatureWriter.WriteValue(json, value);
    }
}
