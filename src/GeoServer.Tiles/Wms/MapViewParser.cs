using System.Globalization;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Wms;

/// <summary>Reads and checks the map parameters of GetMap (WMS 1.3.0 7.3.2; 1.1.1 7.2.3) and GetFeatureInfo.</summary>
public static class MapViewParser
{
    /// <summary>Output formats offered, by MIME type.</summary>
    public static readonly IReadOnlyDictionary<string, ImageFormat> Formats = new Dictionary<string, ImageFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ImageFormat.Png,
        ["image/png8"] = ImageFormat.Png,
        ["image/jpeg"] = ImageFormat.Jpeg,
    };

    public static MapView Parse(WmsRequest request, bool requireFormat = true)
    {
        var options = request.Services.Options;
        var layers = ParseLayers(request);
        var crsParameter = request.Is130 ? "crs" : "srs";
        var crsText = request.Require(crsParameter);
        var crs = request.Services.Crs.Find(crsText) ?? throw WmsException.InvalidCrs(crsParameter, crsText);
        int width = ParseSize(request, "width", options.MaxWidth);
        int height = ParseSize(request, "height", options.MaxHeight);
        var extent = ParseBBox(request.Require("bbox"), request.Is130 && crs.NorthingFirst);

        var formatText = requireFormat ? request.Require("format") : request.Get("format") ?? "image/png";
        var mediaType = formatText.Split(';')[0].Trim();
        if (!Formats.TryGetValue(mediaType, out var format))
            throw WmsException.InvalidFormat("format", formatText, Formats.Keys);
        bool transparent = ParseTransparent(request.Get("transparent"));
        var background = Rgba.TryParse(request.Get("bgcolor") ?? "0xFFFFFF")
                         ?? throw WmsException.Invalid("bgcolor", "expected a colour as 0xRRGGBB.");
        if (transparent && format == ImageFormat.Png) background = background with { A = 0 };

        return new MapView(layers, new MapFrame(extent, crs, width, height), format,
            mediaType.Equals("image/jpeg", StringComparison.OrdinalIgnoreCase) ? "image/jpeg" : "image/png",
            transparent, background);
    }

    private static IReadOnlyList<StyledLayer> ParseLayers(WmsRequest request)
    {
        var names = request.Require("layers").Split(',');
        var styleNames = (request.Get("styles") ?? "").Split(',');
        if (styleNames.Length > 1 && styleNames.Length != names.Length)
            throw WmsException.Invalid("styles", $"gives {styleNames.Length} styles for {names.Length} layers; give one per layer or none.");
        var layers = new List<StyledLayer>();
        for (int i = 0; i < names.Length; i++)
        {
            var styleName = styleNames.Length == names.Length ? styleNames[i].Trim() : "";
            foreach (var layer in request.ResolveLayer(names[i].Trim()))
            {
                var style = request.Services.Styles.For(layer.Info).Find(styleName)
                            ?? throw WmsException.StyleNotDefined(names[i], styleName);
                layers.Add(new StyledLayer(layer, style));
            }
        }
        return layers;
    }

    private static int ParseSize(WmsRequest request, string name, int max)
    {
        var text = request.Require(name);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            throw WmsException.Invalid(name, $"'{text}' is not a positive whole number of pixels.");
        if (size > max) throw WmsException.Invalid(name, $"{size} is larger than the maximum of {max} pixels.");
        return size;
    }

    /// <summary>Four numbers, min before max; in WMS 1.3.0 their axis order is the CRS's (lat/lon for EPSG:4326).</summary>
    public static BBox ParseBBox(string text, bool northingFirst)
    {
        var parts = text.Split(',');
        var v = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])).All(ok => ok)
            || v.Any(x => !double.IsFinite(x)))
            throw WmsException.Invalid("bbox", $"'{text}' is not four numbers minx,miny,maxx,maxy.");
        if (v[0] >= v[2] || v[1] >= v[3])
            throw WmsException.Invalid("bbox", $"'{text}': each minimum must be less than its maximum.");
        return northingFirst ? new BBox(v[1], v[0], v[3], v[2]) : new BBox(v[0], v[1], v[2], v[3]);
    }

    private static bool ParseTransparent(string? text) => text?.ToUpperInvariant() switch
    {
        null or "FALSE" => false,
        "TRUE" => true,
        _ => throw WmsException.Invalid("transparent", $"'{text}' is neither TRUE nor FALSE."),
    };

    /// <summary>The identifier WMS uses for a CRS: "CRS:84" for OGC CRS84, otherwise "EPSG:code".</summary>
    public static string Identifier(CrsDefinition crs) =>
        crs.Epsg is { } code ? "EPSG:" + code.ToString(CultureInfo.InvariantCulture) : "CRS:84";
}
