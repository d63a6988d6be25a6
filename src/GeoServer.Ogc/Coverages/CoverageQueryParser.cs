using System.Globalization;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Features;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Coverages;

/// <summary>
/// Reads a coverage request: <c>bbox</c> (in <c>bbox-crs</c>, default CRS84; default the whole raster), the output
/// <c>crs</c> (default the storage CRS), <c>width</c>/<c>height</c> (default the raster's own resolution; one given
/// keeps the box's proportions) and <c>resampling</c> (nearest by default, so values are the source's). Every value is
/// checked here, a 400 naming the parameter otherwise, and the size is held to <see cref="ServerOptions.MaxCoverageMegabytes"/>.
/// </summary>
public static class CoverageQueryParser
{
    private const int MaxSide = 100_000;

    public static RasterRequest Parse(IQueryCollection query, LayerInfo layer, ServerOptions server, CrsRegistry crs)
    {
        var raster = layer.Raster!;
        var storage = layer.StorageCrs!;
        var output = query["crs"] is { Count: > 0 } crsText ? crs.Find(crsText.ToString())
            ?? throw OgcException.BadParameter("crs", $"'{crsText}' is not a supported CRS; see the collection's crs list.") : storage;
        int srid = output.Epsg ?? (ReferenceEquals(output, crs.Crs84) ? 4326
            : throw OgcException.BadParameter("crs", $"'{output.Uri}' has no EPSG code to warp to."));

        BBox box;
        if (query[BBoxParameter.Name] is { Count: > 0 } boxText)
        {
            var boxCrs = query["bbox-crs"] is { Count: > 0 } b ? crs.Find(b.ToString())
                ?? throw OgcException.BadParameter("bbox-crs", $"'{b}' is not a supported CRS.") : crs.Crs84;
            box = crs.GetTransform(boxCrs, output).Transform(BBoxParameter.Parse(boxText.ToString(), boxCrs));
        }
        else box = crs.GetTransform(storage, output).Transform(raster.Extent);
        if (!double.IsFinite(box.MinX + box.MinY + box.MaxX + box.MaxY) || !(box.MaxX > box.MinX && box.MaxY > box.MinY))
            throw OgcException.BadParameter(BBoxParameter.Name, "the box is empty, or cannot be expressed in the output CRS.");
        var inStorage = crs.GetTransform(output, storage).Transform(box);
        if (!raster.Extent.Intersects(inStorage))
            throw OgcException.BadParameter(BBoxParameter.Name, $"the box does not meet the coverage, which spans {Describe(layer.WgsExtent)} (CRS84).");

        int? width = Size(query, "width"), height = Size(query, "height");
        double aspect = (box.MaxX - box.MinX) / (box.MaxY - box.MinY);
        if (width is null && height is null && ReferenceEquals(output, storage))
        {
            // The raster's own grid: the box grown to whole source pixels, so every value is a source pixel's, unresampled.
            var e = raster.Extent;
            double px = raster.PixelSizeX, py = raster.PixelSizeY;
            box = new BBox(
                e.MinX + Math.Floor((Math.Max(box.MinX, e.MinX) - e.MinX) / px + 1e-9) * px,
                e.MaxY - Math.Ceiling((e.MaxY - Math.Max(box.MinY, e.MinY)) / py - 1e-9) * py,
                e.MinX + Math.Ceiling((Math.Min(box.MaxX, e.MaxX) - e.MinX) / px - 1e-9) * px,
                e.MaxY - Math.Floor((e.MaxY - Math.Min(box.MaxY, e.MaxY)) / py + 1e-9) * py);
            inStorage = box;
            width = Clamp((box.MaxX - box.MinX) / px);
            height = Clamp((box.MaxY - box.MinY) / py);
        }
        else if (width is null && height is null)
        {
            // The raster's own resolution over the box.
            width = Clamp((inStorage.MaxX - inStorage.MinX) / raster.PixelSizeX);
            height = Clamp((inStorage.MaxY - inStorage.MinY) / raster.PixelSizeY);
        }
        width ??= Clamp(height!.Value * aspect);
        height ??= Clamp(width.Value / aspect);

        long bytesPerPixel = raster.Bands.Sum(b => (long)BytesOf(b.DataType));
        double megabytes = (double)width.Value * height.Value * bytesPerPixel / (1 << 20);
        if (megabytes > server.MaxCoverageMegabytes)
            throw OgcException.BadParameter(query.ContainsKey("width") || query.ContainsKey("height") ? "width" : BBoxParameter.Name,
                FormattableString.Invariant($"the coverage would be {width} × {height} pixels × {raster.Bands.Count} bands = {megabytes:0.#} MiB, above this server's limit of {server.MaxCoverageMegabytes} MiB; ask a smaller bbox or a smaller width and height."));

        var resampling = query["resampling"] is { Count: > 0 } r ? r.ToString() switch
        {
            "nearest" => RasterResampling.Nearest,
            "bilinear" => RasterResampling.Bilinear,
            "cubic" => RasterResampling.Cubic,
            "average" => RasterResampling.Average,
            var other => throw OgcException.BadParameter("resampling", $"'{other}' is not one of nearest, bilinear, cubic, average."),
        } : RasterResampling.Nearest;
        return new RasterRequest(box, srid, width.Value, height.Value) { Resampling = resampling };
    }

    private static int? Size(IQueryCollection query, string name)
    {
        if (query[name] is not { Count: > 0 } text) return null;
        return int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxSide
            ? size : throw OgcException.BadParameter(name, $"'{text}' is not a whole number of pixels from 1 to {MaxSide}.");
    }

    private static int Clamp(double pixels) => (int)Math.Clamp(Math.Round(pixels), 1, MaxSide);

    private static int BytesOf(string dataType) => dataType switch
    {
        "Byte" or "Int8" => 1,
        "Int16" or "UInt16" => 2,
        "Int32" or "UInt32" or "Float32" => 4,
        _ => 8,
    };

    private static string Describe(BBox? box) =>
        box is { } b ? FormattableString.Invariant($"{b.MinX:0.####},{b.MinY:0.####},{b.MaxX:0.####},{b.MaxY:0.####}") : "an unknown extent";
}
