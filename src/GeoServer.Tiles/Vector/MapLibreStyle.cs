using System.Text.Json.Nodes;
using GeoServer.Core.Filtering;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;
using GeoServer.Tiles.Tilesets;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// A MapLibre GL style (v8) generated from a tileset's layer styles, so its vector tiles show styled with no hand
/// work: each rule becomes fill, line and circle layers with the rule's filter and scale range. What MapLibre cannot
/// draw the same way is listed in metadata["geosdi:notes"]: markers other than circles are drawn as circles, labels
/// need a glyph server (not bundled), and filters MapLibre cannot express leave their rule out.
/// </summary>
public static class MapLibreStyle
{
    /// <summary>MapLibre's scale at zoom 0 (the world in 512 pixels of 0.28 mm).</summary>
    private const double ScaleAtZoomZero = 279_541_132.014_358_4;

    public static JsonObject Build(Tileset tileset, TileServices services, string tileJsonUrl)
    {
        var layers = new JsonArray(new JsonObject
        {
            ["id"] = "background", ["type"] = "background", ["paint"] = new JsonObject { ["background-color"] = "#ffffff" },
        });
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var layer in tileset.Layers)
        {
            var style = services.Styles.For(layer.Info).Default;
            var otherFilters = new List<JsonNode>();
            int n = 0;
            foreach (var rule in style.Rules)
            {
                JsonNode? filter = null;
                if (rule.Source.Filter is { } text)
                {
                    filter = MapLibreFilter.Translate(CqlTextParser.Parse(text, layer.Info.Schema));
                    if (filter is null)
                    {
                        notes.Add($"{layer.Info.Id}: rule '{rule.Source.Name ?? rule.Source.Title ?? text}' left out (its filter has no MapLibre equivalent).");
                        continue;
                    }
                    otherFilters.Add(filter);
                }
                else if (rule.IsElse)
                    filter = otherFilters.Count == 0 ? null : new JsonArray("!", new JsonArray([JsonValue.Create("any"), .. otherFilters.Select(f => f.DeepClone())]));
                foreach (var symbolizer in rule.Symbolizers)
                    foreach (var styleLayer in Layers(symbolizer, notes, layer.Info.Id))
                    {
                        styleLayer["id"] = $"{layer.Info.Name}-{n++}";
                        styleLayer["source"] = "geosdi";
                        styleLayer["source-layer"] = layer.Info.Name;
                        if (filter is not null) styleLayer["filter"] = filter.DeepClone();
                        if (rule.Source.MaxScaleDenominator is { } max) styleLayer["minzoom"] = Zoom(max);
                        if (rule.Source.MinScaleDenominator is { } min) styleLayer["maxzoom"] = Zoom(min);
                        layers.Add(styleLayer);
                    }
            }
        }
        var box = tileset.WgsExtent;
        return new JsonObject
        {
            ["version"] = 8,
            ["name"] = tileset.Title,
            ["metadata"] = new JsonObject { ["geosdi:notes"] = new JsonArray(notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) },
            ["center"] = box is { } b ? new JsonArray((b.MinX + b.MaxX) / 2, (b.MinY + b.MaxY) / 2) : new JsonArray(106.0, 16.0),
            ["zoom"] = 5,
            ["sources"] = new JsonObject { ["geosdi"] = new JsonObject { ["type"] = "vector", ["url"] = tileJsonUrl } },
            ["layers"] = layers,
        };
    }

    private static IEnumerable<JsonObject> Layers(CompiledSymbolizer symbolizer, ISet<string> notes, string layerId)
    {
        switch (symbolizer)
        {
            case CompiledPolygon polygon:
                if (polygon.Fill is { } fill)
                    yield return Layer("fill", new JsonObject { ["fill-color"] = Colour(fill), ["fill-opacity"] = Opacity(fill) });
                if (polygon.Outline is { } outline) yield return Line(outline);
                break;
            case CompiledLine line:
                yield return Line(line.Pen);
                break;
            case CompiledPoint point:
                if (point.Shape != MarkerShape.Circle) notes.Add($"{layerId}: {point.Shape.ToString().ToLowerInvariant()} markers are drawn as circles.");
                var paint = new JsonObject { ["circle-radius"] = point.Size / 2 };
                if (point.Fill is { } f) { paint["circle-color"] = Colour(f); paint["circle-opacity"] = Opacity(f); }
                else paint["circle-opacity"] = 0;
                if (point.Outline is { } o) { paint["circle-stroke-color"] = Colour(o.Color); paint["circle-stroke-width"] = o.Width; }
                yield return Layer("circle", paint);
                break;
            case CompiledText:
                notes.Add($"{layerId}: labels are not drawn (MapLibre needs a glyph server).");
                break;
        }
    }

    private static JsonObject Line(StrokeStyle pen)
    {
        var paint = new JsonObject { ["line-color"] = Colour(pen.Color), ["line-opacity"] = Opacity(pen.Color), ["line-width"] = pen.Width };
        // MapLibre's dashes are in line widths, ours in pixels.
        if (pen.Dash is { Count: > 0 } dash) paint["line-dasharray"] = new JsonArray(dash.Select(d => (JsonNode?)JsonValue.Create(d / Math.Max(pen.Width, 0.1))).ToArray());
        return Layer("line", paint);
    }

    private static JsonObject Layer(string type, JsonObject paint) => new() { ["type"] = type, ["paint"] = paint };

    private static string Colour(Rgba c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";

    private static double Opacity(Rgba c) => Math.Round(c.A / 255.0, 3);

    private static double Zoom(double scaleDenominator) => Math.Round(Math.Clamp(Math.Log2(ScaleAtZoomZero / scaleDenominator), 0, 24), 2);
}
