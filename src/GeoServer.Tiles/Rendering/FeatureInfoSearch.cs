using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// The features of a layer under a pixel of a map (WMS and WMTS GetFeatureInfo): those within a tolerance of the
/// pixel's centre, nearest first (an area counts as distance 0 when the pixel is inside it), on top first among
/// equals (the one drawn last).
/// </summary>
public static class FeatureInfoSearch
{
    private static readonly GeometryFactory Factory = new();

    public static async Task<IReadOnlyList<FeatureInfoHit>> FindAsync(CrsRegistry crs, Layer layer, MapFrame frame,
        double column, double row, double tolerancePixels, int count, CancellationToken ct)
    {
        var info = layer.Info;
        if (info.StorageCrs is null) return [];
        var (x, y) = frame.ToMap(column, row);
        var around = new BBox(x - tolerancePixels * frame.PixelWidth, y - tolerancePixels * frame.PixelHeight,
            x + tolerancePixels * frame.PixelWidth, y + tolerancePixels * frame.PixelHeight);
        var box = crs.GetTransform(frame.Crs, info.StorageCrs).Transform(around);
        if (double.IsNaN(box.MinX)) return [];
        var toMap = crs.GetTransform(info.StorageCrs, frame.Crs);
        var click = Factory.CreatePoint(new Coordinate(x, y));
        var hits = new List<FeatureInfoHit>();
        await foreach (var feature in layer.Features.QueryAsync(new FeatureQuery { BBox = box, Limit = 10_000 }, ct))
        {
            if (feature.Geometry is null) continue;
            double distance = toMap.Transform(feature.Geometry).Distance(click) / frame.PixelWidth;
            if (distance <= tolerancePixels) hits.Add(new FeatureInfoHit(layer, feature, distance));
        }
        return hits.OrderBy(h => h.DistancePixels).ThenByDescending(h => h.Feature.Id).Take(count).ToList();
    }
}
