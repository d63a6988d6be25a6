using System.Globalization;
using System.Text.Json;
using GeoServer.Core.Crs;
using GeoServer.Core.Editing;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Ogc.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GeoServer.Ogc.Features;

/// <summary>
/// Turns a GeoJSON Feature from a request body into a <see cref="FeatureDraft"/> the layer can store: every
/// property is one of the layer's (the key may be echoed and is ignored), every value has the property's type,
/// the geometry is valid, of the layer's type (a single part is promoted to its multi type), and is moved from the
/// body's CRS (Content-Crs, default CRS84; axis order as that CRS defines) to the storage CRS. Anything else is a
/// 400 naming the property or the problem.
/// </summary>
public sealed class FeatureDraftReader(LayerInfo layer, CrsDefinition bodyCrs, CrsRegistry crs)
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>A whole feature (insert, replace): properties not given become NULL (or the column's default on insert).</summary>
    public FeatureDraft Read(JsonElement feature) => Read(feature, patch: false);

    /// <summary>A JSON merge patch (RFC 7396) of a feature: only what it names changes; null clears a property.</summary>
    public FeatureDraft ReadPatch(JsonElement patch) => Read(patch, patch: true);

    private FeatureDraft Read(JsonElement feature, bool patch)
    {
        if (feature.ValueKind != JsonValueKind.Object)
            throw Bad("The body must be a GeoJSON Feature object.");
        if (!patch && (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature"))
            throw Bad("The body must be a GeoJSON Feature (\"type\": \"Feature\").");
        bool hasGeometry = feature.TryGetProperty("geometry", out var g);
        Geometry? geometry = hasGeometry && g.ValueKind != JsonValueKind.Null ? Geometry(g) : null;
        if (!patch && !hasGeometry && layer.Schema.HasGeometry) throw Bad("A Feature needs a \"geometry\" member (it may be null).");

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind != JsonValueKind.Null)
        {
            if (properties.ValueKind != JsonValueKind.Object) throw Bad("\"properties\" must be an object or null.");
            foreach (var p in properties.EnumerateObject())
            {
                if (p.Name == layer.Schema.KeyName) continue;   // the feature id, which the server assigns
                var property = layer.Schema.Find(p.Name)
                    ?? throw Bad($"'{p.Name}' is not a property of '{layer.Id}'. Its properties: {string.Join(", ", layer.Schema.Properties.Select(x => x.Name))}.");
                values[p.Name] = Value(property, p.Value);
            }
        }
        return new FeatureDraft(geometry, values) { SetsGeometry = hasGeometry };
    }

    private Geometry Geometry(JsonElement element)
    {
        if (!layer.Schema.HasGeometry || layer.StorageCrs is null) throw Bad($"'{layer.Id}' has no geometry.");
        Geometry geometry;
        try
        {
            geometry = GeoJsonGeometryReader.Read(element);
        }
        catch (FormatException e)
        {
            throw Bad("geometry: " + e.Message);
        }
        if (bodyCrs.NorthingFirst) geometry.Apply(new SwapAxes());
        geometry = crs.GetTransform(bodyCrs, layer.StorageCrs).Transform(geometry);
        geometry = FitType(geometry);
        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
            throw Bad($"geometry is not valid: {validity.Message} at ({validity.Coordinate?.X.ToString(CultureInfo.InvariantCulture)} {validity.Coordinate?.Y.ToString(CultureInfo.InvariantCulture)}).");
        return geometry;
    }

    /// <summary>The geometry as the layer's declared type; a POINT layer takes no LineString.</summary>
    private Geometry FitType(Geometry geometry)
    {
        string declared = layer.Schema.GeometryType!;
        string actual = geometry.OgcGeometryType.ToString().ToUpperInvariant();
        if (declared is "GEOMETRY" || declared == actual) return geometry;
        return (declared, geometry) switch
        {
            ("MULTIPOINT", Point p) => Factory.CreateMultiPoint([p]),
            ("MULTILINESTRING", LineString l) => Factory.CreateMultiLineString([l]),
            ("MULTIPOLYGON", Polygon p) => Factory.CreateMultiPolygon([p]),
            _ => throw Bad($"geometry is a {geometry.GeometryType} but '{layer.Id}' holds {declared} geometries."),
        };
    }

    private static object? Value(PropertyInfo property, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        object? value = property.Type switch
        {
            PropertyType.String when v.ValueKind == JsonValueKind.String => v.GetString(),
            PropertyType.Integer when v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) => l,
            PropertyType.Number when v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) => d,
            PropertyType.Boolean when v.ValueKind is JsonValueKind.True or JsonValueKind.False => v.GetBoolean(),
            PropertyType.Date when v.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => v.GetString(),
            PropertyType.DateTime when v.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) =>
                t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            PropertyType.Binary when v.ValueKind == JsonValueKind.String && TryBase64(v.GetString()!, out var bytes) => bytes,
            _ => Invalid,
        };
        return ReferenceEquals(value, Invalid)
            ? throw Bad($"'{property.Name}' must be {Describe(property.Type)}, not {v.GetRawText()[..Math.Min(40, v.GetRawText().Length)]}.")
            : value;
    }

    private static readonly object Invalid = new();

    private static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length];
        bool ok = Convert.TryFromBase64String(text, buffer, out int n);
        bytes = buffer[..n];
        return ok;
    }

    private static string Describe(PropertyType type) => type switch
    {
        PropertyType.Integer => "an integer",
        PropertyType.Number => "a number",
        PropertyType.Boolean => "true or false",
        PropertyType.Date => "a date (YYYY-MM-DD)",
        PropertyType.DateTime => "an RFC 3339 date-time",
        PropertyType.Binary => "base64 text",
        _ => "a string",
    };

    private static OgcException Bad(string detail) => new(400, "Bad Request", detail);

    private sealed class SwapAxes : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                double x = seq.GetX(i);
                seq.SetX(i, seq.GetY(i));
                seq.SetY(i, x);
            }
        }
    }
}
