using GeoServer.Core.Spatial;
using System.Text.Json;
using GeoServer.Core.Crs;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Features;

/// <summary>
/// Writes one feature as a GeoJSON Feature, transforming its geometry from the storage CRS to the output CRS.
/// Shared by every feature of one response; holds no per-feature state. <paramref name="selected"/> lists the
/// schema positions of the properties to write (null for all).
/// </summary>
public sealed class GeoJsonFeatureWriter(FeatureSchema schema, CrsTransform? transform, bool northingFirst,
    IReadOnlyList<int>? selected = null)
{
    private readonly int? _decimals = DecimalsFor(transform);

    /// <summary>
    /// The decimals transformed coordinates are rounded to: about a millimetre (1e-9° or 0.1 mm in metres); null
    /// for stored coordinates, which pass as they are.
    /// </summary>
    internal static int? DecimalsFor(CrsTransform? transform) => transform is null || transform.IsIdentity ? null
        : transform.To.IsGeographic ? 9 : 4;

    public void Write(Utf8JsonWriter json, Feature feature, string? selfHref = null)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteNumber("id", feature.Id);
        json.WritePropertyName("geometry");
        if (feature.Geometry is null || transform is null) json.WriteNullValue();
        else GeoJsonGeometryWriter.Write(json, transform.Transform(feature.Geometry), northingFirst, _decimals);
        json.WriteStartObject("properties");
        var properties = schema.Properties;
        int count = selected?.Count ?? properties.Count;
        for (int n = 0; n < count; n++)
        {
            int i = selected is null ? n : selected[n];
            json.WritePropertyName(properties[i].Name);
            WriteValue(json, feature.Values[i]);
        }
        json.WriteEndObject();
        if (selfHref is not null)
        {
            json.WriteStartArray("links");
            json.WriteStartObject();
            json.WriteString("href", selfHref);
            json.WriteString("rel", "self");
            json.WriteString("type", "application/geo+json");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>One attribute value as JSON: numbers, booleans and text as such, binary as base64, non-finite numbers as null.</summary>
    internal static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
