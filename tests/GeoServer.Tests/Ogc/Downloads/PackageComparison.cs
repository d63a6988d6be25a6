using System.Globalization;
using System.Text.Json;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// Asserts that a package holds exactly the features of the items endpoint: the same ids, and for each the same
/// geometry checksum and attribute values, whatever the format made of their types (KML's numbers are floats, CSV's
/// text, a GeoPackage's dates are dates: values are compared as numbers, instants or text as the items value is).
/// </summary>
public static class PackageComparison
{
    public static void AssertSame(IReadOnlyDictionary<long, FeatureCopy> items, IReadOnlyDictionary<long, FeatureCopy> package,
        IReadOnlyDictionary<string, string> renamed, string what)
    {
        Assert.True(items.Count > 0, $"{what}: the items endpoint returned nothing; the test would prove nothing.");
        Assert.Equal(items.Count, package.Count);
        Assert.Equal(items.Keys.Order(), package.Keys.Order());
        var problems = new List<string>();
        foreach (var (id, expected) in items)
        {
            var actual = package[id];
            if (expected.Geometry != actual.Geometry) problems.Add($"feature {id}: geometry differs");
            foreach (var (name, value) in expected.Properties)
            {
                string inFile = renamed.GetValueOrDefault(name, name);
                var found = actual.Properties.TryGetValue(inFile, out var v) ? v : (JsonElement?)null;
                if (!Same(value, found)) problems.Add($"feature {id}: '{name}' is {value} in items, {found?.ToString() ?? "absent"} in the package");
            }
            if (problems.Count > 10) break;
        }
        Assert.True(problems.Count == 0, $"{what}:\n" + string.Join('\n', problems));
    }

    private static bool Same(JsonElement expected, JsonElement? actual)
    {
        bool missing = actual is null || actual.Value.ValueKind == JsonValueKind.Null;
        // GDAL writes an empty CSV cell for null, and reads it back as "".
        if (expected.ValueKind == JsonValueKind.Null)
            return missing || actual!.Value.ValueKind == JsonValueKind.String && actual.Value.GetString() == "";
        if (missing) return false;
        var a = actual!.Value;
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                return Number(a) is { } n && n == expected.GetDouble();
            case JsonValueKind.True or JsonValueKind.False:
                return a.ValueKind is JsonValueKind.True or JsonValueKind.False ? a.GetBoolean() == expected.GetBoolean()
                    : Number(a) is { } b && b == (expected.GetBoolean() ? 1 : 0);
            default:
                string text = expected.GetString()!, other = a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText();
                if (text == other) return true;
                // A date or date-time the format typed (a GeoPackage DATETIME, a Shapefile date) is the same instant.
                return text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-'
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    && DateTimeOffset.TryParse(other.Replace('/', '-'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u)
                    && t == u;
        }
    }

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
