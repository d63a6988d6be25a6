using System.Globalization;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Rendering;
using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// GetFeatureInfo (WMS 1.3.0 7.4): the features of each queried layer within a few pixels of the clicked pixel,
/// nearest first (an area counts as distance 0 when the click is inside it), at most FEATURE_COUNT per layer.
/// </summary>
public static class GetFeatureInfo
{
    private static readonly GeometryFactory Factory = new();

    public static async Task HandleAsync(WmsRequest request, CancellationToken ct)
    {
        var view = MapViewParser.Parse(request, requireFormat: false);
        var infoFormat = request.Get("info_format") ?? "text/html";
        if (!GetCapabilities.InfoFormats.Contains(infoFormat, StringComparer.OrdinalIgnoreCase))
            throw WmsException.InvalidFormat("info_format", infoFormat, GetCapabilities.InfoFormats);
        int count = ParseCount(request.Get("feature_count"));
        var (column, row) = ParsePoint(request, view.Frame);
        var queried = request.Require("query_layers").Split(',').SelectMany(n => request.ResolveLayer(n.Trim())).ToList();

        var hits = new List<FeatureInfoHit>();
        foreach (var layer in queried)
            hits.AddRange(await FindAsync(request, layer, view.Frame, column, row, count, ct));
        await FeatureInfoWriter.WriteAsync(request, infoFormat.ToLowerInvariant(), hits, ct);
    }

    private static async Task<IEnumerable<FeatureInfoHit>> FindAsync(WmsRequest request, Layer layer, MapFrame frame,
        double column, double row, int count, CancellationToken ct)
    {
        var info = layer.Info;
        if (info.StorageCrs is null) return [];
        double tolerance = request.Services.Options.FeatureInfoTolerancePixels;
        var (x, y) = frame.ToMap(column, row);
        var around = new BBox(x - tolerance * frame.PixelWidth, y - tolerance * frame.PixelHeight,
            x + tolerance * frame.PixelWidth, y + tolerance * frame.PixelHeight);
        var crs = request.Services.Crs;
        var toStorage = crs.GetTransform(frame.Crs, info.StorageCrs);
        var toMap = crs.GetTransform(info.StorageCrs, frame.Crs);
        var box = toStorage.Transform(around);
        if (double.IsNaN(box.MinX)) return [];
        var click = Factory.CreatePoint(new Coordinate(x, y));
        var hits = new List<FeatureInfoHit>();
        await foreach (var feature in layer.Features.QueryAsync(new FeatureQuery { BBox = box, Limit = 10_000 }, ct))
        {
            if (feature.Geometry is null) continue;
            double distance = toMap.Transform(feature.Geometry).Distance(click) / frame.PixelWidth;
            if (distance <= tolerance) hits.Add(new FeatureInfoHit(layer, feature, distance));
        }
        // Nearest first; among equals, the one drawn last (on top).
        return hits.OrderBy(h => h.DistancePixels).ThenByDescending(h => h.Feature.Id).Take(count);
    }

    private static int ParseCount(string? text)
    {
        if (text is null) return 1;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 1000
            ? count : throw WmsException.Invalid("feature_count", $"'{text}' is not a count between 1 and 1000.");
    }

    /// <summary>The clicked pixel's centre: I/J in 1.3.0, X/Y in 1.1.1, inside the image.</summary>
    private static (double Column, double Row) ParsePoint(WmsRequest request, MapFrame frame)
    {
        var (iName, jName) = request.Is130 ? ("i", "j") : ("x", "y");
        int i = Coordinate(request, iName, frame.Width);
        int j = Coordinate(request, jName, frame.Height);
        return (i + 0.5, j + 0.5);
    }

    private static int Coordinate(WmsRequest request, string name, int size)
    {
        var text = request.Require(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value < size
            ? value
            : throw new WmsException("InvalidPoint", $"{name.ToUpperInvariant()}={text} is not a pixel of the {size}-pixel-wide map.", name);
    }
}
