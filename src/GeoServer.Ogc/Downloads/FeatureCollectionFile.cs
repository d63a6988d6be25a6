using System.Text.Json;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Spatial;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Features;

namespace GeoServer.Ogc.Downloads;

/// <summary>
/// Writes every feature of an items request into a GeoJSON FeatureCollection file, the input of a conversion: each
/// feature as it is read, so memory stays flat. Geometries and values are those the items endpoint writes (the same
/// transform and rounding), except that x (east) always comes first, as every file format stores it, and the key is
/// a property (named as in the store) rather than the feature's id, so the converter can keep it.
/// </summary>
public static class FeatureCollectionFile
{
    private const int FlushBytes = 64 * 1024;

    /// <summary>Writes the file and returns how many features it holds; a 400 once the package would pass the limits.</summary>
    public static async Task<long> WriteAsync(string path, Layer layer, ItemsRequest request, CrsRegistry crs,
        DownloadOptions limits, CancellationToken ct)
    {
        var info = layer.Info;
        var schema = info.Schema;
        var transform = info.StorageCrs is null ? null : crs.GetTransform(info.StorageCrs, request.OutputCrs);
        int? decimals = GeoJsonFeatureWriter.DecimalsFor(transform);
        var selected = request.Properties ?? Enumerable.Range(0, schema.Properties.Count).ToList();
        long maxBytes = limits.MaxMegabytes * 1024 * 1024;
        // One feature beyond the limit tells that the limit is passed without reading the rest.
        var query = request.Query with { Limit = (int)Math.Min(int.MaxValue, limits.MaxFeatures + 1), Offset = 0, AfterKey = null };

        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FlushBytes, useAsync: true);
        await using var json = new Utf8JsonWriter(file, JsonResponse.Options);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        long count = 0;
        await foreach (var feature in layer.Features.QueryAsync(query, ct))
        {
            if (++count > limits.MaxFeatures)
                throw TooLarge($"matches more than {limits.MaxFeatures} features, the most one package may hold on this server");
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("geometry");
            if (feature.Geometry is null || transform is null) json.WriteNullValue();
            else GeoJsonGeometryWriter.Write(json, transform.Transform(feature.Geometry), northingFirst: false, decimals);
            json.WriteStartObject("properties");
            json.WriteNumber(schema.KeyName, feature.Id);
            foreach (int i in selected)
            {
                json.WritePropertyName(schema.Properties[i].Name);
                GeoJsonFeatureWriter.WriteValue(json, feature.Values[i]);
            }
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending >= FlushBytes)
            {
                await json.FlushAsync(ct);
                if (json.BytesCommitted > maxBytes)
                    throw TooLarge($"weighs more than {limits.MaxMegabytes} MiB as GeoJSON, the most one package may weigh on this server");
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        if (json.BytesCommitted > maxBytes)
            throw TooLarge($"weighs more than {limits.MaxMegabytes} MiB as GeoJSON, the most one package may weigh on this server");
        return count;
    }

    // A 400 like the coverage's size limit: 413 is for request bodies that are too large (RFC 9110 15.5.14).
    private static OgcException TooLarge(string what) => new(400, "Bad Request",
        $"The download {what}; narrow it with 'bbox' or 'filter', or page through the items.");
}
