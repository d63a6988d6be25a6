using System.Globalization;
using System.Text.Json;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// One feature as a test compares it: its attribute values (JSON, as the items endpoint or GDAL's GeoJSON writer gave
/// them; absent means null) and a checksum of its geometry that ignores how a format nests and orients it (every
/// coordinate rounded to 6 decimals, sorted): a Shapefile has no MultiPolygon of one part and turns outer rings clockwise.
/// </summary>
public sealed record FeatureCopy(IReadOnlyDictionary<string, JsonElement> Properties, string Geometry)
{
    public static FeatureCopy From(JsonElement feature, IEnumerable<string>? skip = null)
    {
        var skipped = new HashSet<string>(skip ?? [], StringComparer.Ordinal);
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            foreach (var member in p.EnumerateObject())
                if (!skipped.Contains(member.Name)) properties[member.Name] = member.Value.Clone();
        var coordinates = new List<string>();
        if (feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object) Collect(g, coordinates);
        coordinates.Sort(StringComparer.Ordinal);
        return new FeatureCopy(properties, string.Join(';', coordinates));
    }

    private static void Collect(JsonElement geometry, List<string> into)
    {
        if (geometry.TryGetProperty("geometries", out var parts))
            foreach (var part in parts.EnumerateArray()) Collect(part, into);
        else Positions(geometry.GetProperty("coordinates"), into);
    }

    private static void Positions(JsonElement array, List<string> into)
    {
        if (array.GetArrayLength() == 0) return;
        if (array[0].ValueKind == JsonValueKind.Number)
        {
            into.Add(string.Join(',', array.EnumerateArray().Take(2).Select(v => v.GetDouble().ToString("F6", CultureInfo.InvariantCulture))));
            return;
        }
        foreach (var child in array.EnumerateArray()) Positions(child, into);
    }
}
