using GeoServer.Tiles.Http;
using System.Globalization;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// GetLegendGraphic (SLD 1.1 profile of WMS, 10.2): one row per rule of the style — a swatch drawn with the
/// rule's own symbolizers, then the rule's title — so the legend always matches the map.
/// </summary>
public static class GetLegendGraphic
{
    private const int DefaultSwatch = 20;
    private const double Gap = 4;
    private static readonly FontSpec Font = new(Size: 12);

    public static async Task HandleAsync(WmsRequest request, CancellationToken ct)
    {
        var layerName = request.Require("layer");
        var layers = request.ResolveLayer(layerName);
        if (layers.Count != 1) throw WmsException.Invalid("layer", $"'{layerName}' is a group; ask for the legend of one layer.");
        var styleName = request.Get("style") ?? "";
        var style = request.Services.Styles.For(layers[0].Info).Find(styleName) ?? throw WmsException.StyleNotDefined(layerName, styleName);
        var formatText = request.Get("format") ?? "image/png";
        if (!MapViewParser.Formats.TryGetValue(formatText.Split(';')[0].Trim(), out var format))
            throw WmsException.InvalidFormat("format", formatText, MapViewParser.Formats.Keys);
        int width = Size(request, "width"), height = Size(request, "height");

        var rows = RowsOf(RulesOf(style, request.Get("rule"), request.Get("scale")));
        var (canvasWidth, canvasHeight) = Layout(rows, width, height);
        using var canvas = new CairoCanvas(canvasWidth, canvasHeight);
        bool transparent = string.Equals(request.Get("transparent"), "TRUE", StringComparison.OrdinalIgnoreCase);
        canvas.Clear(transparent && format == ImageFormat.Png ? Rgba.Transparent : Rgba.White);
        double y = 0;
        foreach (var (rule, colour, title) in rows)
        {
            if (colour is { } c) ColourSwatch(canvas, c, 0, y, width, height);
            else Swatch(canvas, rule, 0, y, width, height);
            if (title.Length > 0)
            {
                var extents = canvas.MeasureText(title, Font);
                canvas.DrawText(title, width + Gap - extents.XBearing, y + height / 2.0 - extents.Height / 2 - extents.YBearing, Font, Rgba.Black);
            }
            y += height + Gap;
        }
        await ImageResponse.WriteAsync(request.Http.Response, canvas, format,
            format == ImageFormat.Jpeg ? "image/jpeg" : "image/png", ct);
    }

    /// <summary>The size of the default legend of a style (for the capabilities' LegendURL).</summary>
    public static (int Width, int Height) SizeOf(CompiledStyle style) =>
        Layout(RowsOf(RulesOf(style, null, null)), DefaultSwatch, DefaultSwatch);

    /// <summary>
    /// A row per rule, titled; a raster colour ramp instead gets a row per stop, its colour and label, under the
    /// rule's title when it has one.
    /// </summary>
    private static List<(CompiledRule Rule, Rgba? Colour, string Title)> RowsOf(IReadOnlyList<CompiledRule> rules)
    {
        var rows = new List<(CompiledRule, Rgba?, string)>();
        foreach (var rule in rules)
        {
            var ramp = rule.Symbolizers.OfType<CompiledRaster>().FirstOrDefault(r => r.Ramp is not null)?.Ramp;
            if (ramp is null)
            {
                rows.Add((rule, null, TitleOf(rule, rules.Count)));
                continue;
            }
            if (rule.Source.Title is { Length: > 0 } heading) rows.Add((rule, Rgba.Transparent, heading));
            rows.AddRange(ramp.Select(stop => (rule, (Rgba?)stop.Colour, stop.Label)));
        }
        return rows;
    }

    private static void ColourSwatch(IMapCanvas canvas, Rgba colour, double x, double y, int width, int height)
    {
        if (colour.A == 0) return;
        canvas.NewPath();
        canvas.Rectangle(x + 1, y, width - 2, height);
        canvas.Fill(colour);
    }

    private static IReadOnlyList<CompiledRule> RulesOf(CompiledStyle style, string? ruleName, string? scaleText)
    {
        IEnumerable<CompiledRule> rules = style.Rules.Where(r => r.Symbolizers.Any(s => s is not CompiledText));
        if (ruleName is not null)
        {
            rules = rules.Where(r => r.Source.Name == ruleName).ToList();
            if (!rules.Any()) throw WmsException.Invalid("rule", $"style '{style.Source.Name}' has no rule named '{ruleName}'.");
        }
        if (scaleText is not null)
        {
            if (!double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale <= 0)
                throw WmsException.Invalid("scale", $"'{scaleText}' is not a positive scale denominator.");
            rules = rules.Where(r => r.AppliesAt(scale));
        }
        return rules.ToList();
    }

    private static (int Width, int Height) Layout(IReadOnlyList<(CompiledRule Rule, Rgba? Colour, string Title)> legend, int width, int height)
    {
        double textWidth = 0;
        if (legend.Count > 0)
        {
            using var measure = new CairoCanvas(1, 1);
            foreach (var (_, _, title) in legend)
                if (title.Length > 0) textWidth = Math.Max(textWidth, measure.MeasureText(title, Font).XAdvance);
        }
        int total = (int)Math.Ceiling(width + (textWidth > 0 ? Gap + textWidth + Gap : 0));
        int rows = Math.Max(1, legend.Count);
        return (Math.Max(1, total), (int)Math.Ceiling(rows * height + (rows - 1) * Gap));
    }

    private static string TitleOf(CompiledRule rule, int ruleCount) =>
        rule.Source.Title ?? rule.Source.Name ?? (ruleCount == 1 ? "" : rule.Source.Filter ?? (rule.IsElse ? "…" : ""));

    private static void Swatch(IMapCanvas canvas, CompiledRule rule, double x, double y, int width, int height)
    {
        foreach (var symbolizer in rule.Symbolizers)
        {
            canvas.NewPath();
            switch (symbolizer)
            {
                case CompiledPolygon polygon:
                    canvas.MoveTo(x + 1, y + 1);
                    canvas.LineTo(x + width - 1, y + 1);
                    canvas.LineTo(x + width - 1, y + height - 1);
                    canvas.LineTo(x + 1, y + height - 1);
                    canvas.ClosePath();
                    if (polygon.Fill is { } fill) canvas.Fill(fill, preservePath: polygon.Outline is not null);
                    if (polygon.Outline is { } outline) canvas.Stroke(outline);
                    break;
                case CompiledLine line:
                    canvas.MoveTo(x + 1, y + height - 2);
                    canvas.LineTo(x + width / 3.0, y + height / 3.0);
                    canvas.LineTo(x + 2 * width / 3.0, y + 2 * height / 3.0);
                    canvas.LineTo(x + width - 1, y + 2);
                    canvas.Stroke(line.Pen);
                    break;
                case CompiledPoint point:
                    canvas.DrawMarker(point.Shape, x + width / 2.0, y + height / 2.0,
                        Math.Min(point.Size, Math.Min(width, height) - 2), point.Fill, point.Outline);
                    break;
            }
        }
    }

    private static int Size(WmsRequest request, string name)
    {
        var text = request.Get(name);
        if (text is null) return DefaultSwatch;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 4 and <= 512
            ? size : throw WmsException.Invalid(name, $"'{text}' is not a swatch size between 4 and 512 pixels.");
    }
}
