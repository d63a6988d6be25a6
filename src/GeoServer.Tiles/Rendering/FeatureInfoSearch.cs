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
        if (layer.Raster is { } raster) return await RasterValuesAsync(crs, layer, raster, frame, x, y, ct);
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

    /// <summary>
    /// A raster's answer: one "feature", the full-resolution source pixel under the click, with every band's value
    /// (null on nodata) and the pixel's number in the grid (row × width + column + 1) as its id. None outside the raster.
    /// </summary>
    private static async Task<IReadOnlyList<FeatureInfoHit>> RasterValuesAsync(CrsRegistry crs, Layer layer, IRasterSource raster,
        MapFrame frame, double x, double y, CancellationToken ct)
    {
        crs.GetTransform(frame.Crs, layer.Info.StorageCrs!).Transform(ref x, ref y);
        if (!double.IsFinite(x) || !double.IsFinite(y)) return [];
        var values = await raster.ValuesAtAsync(x, y, ct);
        if (values is null || values.All(v => v is null)) return [];
        var grid = raster.Info;
        long column = (long)Math.Floor((x - grid.Extent.MinX) / grid.PixelSizeX), row = (long)Math.Floor((grid.Extent.MaxY - y) / grid.PixelSizeY);
        var pixel = new Feature(row * grid.Width + column + 1, Factory.CreatePoint(new Coordinate(x, y)), values.Select(v => (object?)v).ToArray());
        return [new FeatureInfoHit(layer, pixel, 0)];
    }
}
