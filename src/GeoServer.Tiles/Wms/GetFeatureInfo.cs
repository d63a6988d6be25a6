using System.Globalization;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Http;
using GeoServer.Tiles.Rendering;
using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// GetFeatureInfo (WMS 1.3.0 7.4): the features of each queried layer under the clicked pixel (see
/// <see cref="FeatureInfoSearch"/>), at most FEATURE_COUNT per layer.
/// </summary>
public static class GetFeatureInfo
{
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
            hits.AddRange(await FeatureInfoSearch.FindAsync(request.Services.Crs, layer, view.Frame, column, row,
                request.Services.Options.FeatureInfoTolerancePixels, count, ct));
        await FeatureInfoWriter.WriteAsync(request.Http.Response, infoFormat.ToLowerInvariant(), hits, request.NameOf, request.Services.Crs, ct);
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
