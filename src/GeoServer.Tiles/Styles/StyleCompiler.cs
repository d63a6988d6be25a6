using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Checks a <see cref="Style"/> against the layer it draws and compiles it for the renderer, so that a bad colour,
/// filter or label property fails once, when the style is loaded, rather than on every tile.
/// </summary>
public static class StyleCompiler
{
    /// <summary>
    /// The style compiled for features of <paramref name="schema"/>. Filters are CQL2 Text over the layer's
    /// queryables; their geometry literals are taken to be in the layer's storage CRS. Throws
    /// <see cref="StyleException"/> naming the rule and the problem.
    /// </summary>
    public static CompiledStyle Compile(Style style, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(schema);
        var rules = new List<CompiledRule>(style.Rules.Count);
        for (var i = 0; i < style.Rules.Count; i++)
        {
            var rule = style.Rules[i];
            var where = $"Style '{style.Name}', rule {Label(rule, i)}";
            rules.Add(CompileRule(rule, schema, where));
        }
        return new CompiledStyle(style, rules);
    }

    private static CompiledRule CompileRule(StyleRule rule, FeatureSchema schema, string where)
    {
        if (rule.ElseFilter && rule.Filter is not null)
            throw new StyleException($"{where}: an else rule takes what the other rules leave and cannot also have a filter.");
        if (rule.MinScaleDenominator is { } min && (!double.IsFinite(min) || min < 0))
            throw new StyleException($"{where}: minScaleDenominator {min} must be a number of at least 0.");
        if (rule.MaxScaleDenominator is { } max && (double.IsNaN(max) || max <= 0))
            throw new StyleException($"{where}: maxScaleDenominator {max} must be a number above 0.");
        if (rule.MinScaleDenominator >= rule.MaxScaleDenominator)
            throw new StyleException($"{where}: minScaleDenominator {rule.MinScaleDenominator} is not below maxScaleDenominator {rule.MaxScaleDenominator}, so the rule never applies.");

        Func<Feature, bool>? filter = null;
        if (rule.Filter is not null)
        {
            try
            {
                filter = CqlEvaluator.Compile(CqlTextParser.Parse(rule.Filter, schema), schema);
            }
            catch (CqlException e)
            {
                throw new StyleException($"{where}: bad filter \"{rule.Filter}\": {e.Message}.", e);
            }
        }

        var symbolizers = new List<CompiledSymbolizer>(rule.Symbolizers.Count);
        for (var i = 0; i < rule.Symbolizers.Count; i++)
        {
            var at = $"{where}, symbolizer {i + 1}";
            symbolizers.Add(rule.Symbolizers[i] switch
            {
                PolygonSymbolizer p => new CompiledPolygon(
                    OptionalColour(p.Fill, p.FillOpacity, at, "fill"),
                    OptionalPen(p.Stroke, p.StrokeOpacity, p.StrokeWidth, p.Dash, LineJoin.Round, LineCap.Round, at)),
                LineSymbolizer l => new CompiledLine(
                    OptionalPen(l.Stroke, l.StrokeOpacity, l.StrokeWidth, l.Dash, l.Join, l.Cap, at)
                    ?? throw new StyleException($"{at} (line): a line needs a stroke colour.")),
                PointSymbolizer pt => new CompiledPoint(pt.Shape, Positive(pt.Size, at, "size"),
                    OptionalColour(pt.Fill, pt.Opacity, at, "fill"),
                    OptionalPen(pt.Stroke, pt.Opacity, pt.StrokeWidth, null, LineJoin.Round, LineCap.Round, at)),
                TextSymbolizer t => Text(t, schema, at),
                RasterSymbolizer r => Raster(r, schema, at),
                null => throw new StyleException($"{at}: a symbolizer cannot be null."),
                var other => throw new StyleException($"{at}: {other.GetType().Name} cannot be drawn."),
            });
        }
        return new CompiledRule(rule, filter, symbolizers);
    }

    private static CompiledText Text(TextSymbolizer t, FeatureSchema schema, string at)
    {
        var index = schema.IndexOf(t.Label);
        if (index < 0)
        {
            var names = string.Join(", ", schema.Properties.Select(p => p.Name));
            throw new StyleException($"{at} (text): the label names '{t.Label}', which is not a property of the layer; its properties are {names}.");
        }
        if (string.IsNullOrWhiteSpace(t.FontFamily))
            throw new StyleException($"{at} (text): fontFamily is empty.");
        var font = new FontSpec(t.FontFamily, Positive(t.FontSize, at, "fontSize"), t.Bold, t.Italic);
        var halo = OptionalColour(t.Halo, 1, at, "halo");
        if (!double.IsFinite(t.HaloRadius) || t.HaloRadius < 0)
            throw new StyleException($"{at}: haloRadius {t.HaloRadius} must be a number of at least 0.");
        if (!double.IsFinite(t.OffsetX) || !double.IsFinite(t.OffsetY))
            throw new StyleException($"{at}: the label offset must be finite.");
        return new CompiledText(index, font, Colour(t.Fill, 1, at, "fill"), halo, t.HaloRadius, t.OffsetX, t.OffsetY);
    }

    private static CompiledRaster Raster(RasterSymbolizer r, FeatureSchema schema, string at)
    {
        // A raster layer's schema has one "band_N" number per band (RasterFootprintSource).
        int bandCount = 0;
        while (schema.Find(RasterFootprintSource.BandProperty(bandCount + 1)) is not null) bandCount++;
        if (bandCount == 0) throw new StyleException($"{at} (raster): the layer is not a raster.");
        if (r.Bands is { } bands)
        {
            if (bands.Count is not (1 or 3))
                throw new StyleException($"{at} (raster): bands lists {bands.Count} bands; list one (ramp, grey, hillshade) or three (red, green, blue).");
            foreach (var band in bands)
                if (band < 1 || band > bandCount)
                    throw new StyleException($"{at} (raster): band {band} does not exist; the raster has bands 1 to {bandCount}.");
        }
        int listed = r.Bands?.Count ?? 3;
        var min = Limits(r.Min, listed, at, "min");
        var max = Limits(r.Max, listed, at, "max");
        for (int i = 0; i < listed; i++)
            if (min[i] is { } lo && max[i] is { } hi && !(hi > lo))
                throw new StyleException($"{at} (raster): max {hi} is not above min {lo}.");

        List<RampStop>? ramp = null;
        if (r.ColorMap is { Count: > 0 } map)
        {
            if (r.Bands is { Count: 3 }) throw new StyleException($"{at} (raster): a colorMap colours one band, but bands lists three.");
            ramp = [];
            foreach (var entry in map)
            {
                if (!double.IsFinite(entry.Value)) throw new StyleException($"{at} (raster): colorMap value {entry.Value} is not a number.");
                if (ramp.Count > 0 && entry.Value <= ramp[^1].Value)
                    throw new StyleException($"{at} (raster): colorMap values must increase; {entry.Value} follows {ramp[^1].Value}.");
                ramp.Add(new RampStop(entry.Value, Colour(entry.Color, entry.Opacity, at, "colorMap"),
                    entry.Label ?? entry.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        if (r.Hillshade && r.Bands is { Count: 3 }) throw new StyleException($"{at} (raster): hillshade shades one band, but bands lists three.");
        if (!double.IsFinite(r.Azimuth) || !double.IsFinite(r.Altitude) || r.Altitude is < 0 or > 90)
            throw new StyleException($"{at} (raster): azimuth must be a number and altitude between 0 and 90 degrees.");
        Positive(r.ZFactor, at, "zFactor");
        if (!double.IsFinite(r.Opacity) || r.Opacity is < 0 or > 1)
            throw new StyleException($"{at} (raster): opacity {r.Opacity} must be between 0 and 1.");
        return new CompiledRaster(r.Bands, min, max, ramp, r.Hillshade, r.Azimuth, r.Altitude, r.ZFactor, r.Opacity, r.Resampling);
    }

    private static double?[] Limits(IReadOnlyList<double>? values, int bands, string at, string what)
    {
        var limits = new double?[bands];
        if (values is null) return limits;
        if (values.Count != 1 && values.Count != bands)
            throw new StyleException($"{at} (raster): {what} lists {values.Count} values for {bands} bands; give one, or one per band.");
        for (int i = 0; i < bands; i++)
        {
            var v = values[values.Count == 1 ? 0 : i];
            limits[i] = double.IsFinite(v) ? v : throw new StyleException($"{at} (raster): {what} {v} is not a number.");
        }
        return limits;
    }

    private static StrokeStyle? OptionalPen(string? colour, double opacity, double width, IReadOnlyList<double>? dash,
        LineJoin join, LineCap cap, string at)
    {
        if (colour is null) return null;
        if (!double.IsFinite(width) || width < 0)
            throw new StyleException($"{at}: strokeWidth {width} must be a number of at least 0.");
        if (dash is not null && (dash.Count == 0 || dash.Any(d => !double.IsFinite(d) || d < 0) || dash.All(d => d == 0)))
            throw new StyleException($"{at}: dash [{string.Join(", ", dash)}] must be lengths of at least 0, not all 0.");
        return new StrokeStyle(Colour(colour, opacity, at, "stroke"), width, dash, join, cap);
    }

    private static Rgba? OptionalColour(string? text, double opacity, string at, string what) =>
        text is null ? null : Colour(text, opacity, at, what);

    private static Rgba Colour(string text, double opacity, string at, string what)
    {
        if (!double.IsFinite(opacity) || opacity < 0 || opacity > 1)
            throw new StyleException($"{at}: the {what} opacity {opacity} must be between 0 and 1.");
        var colour = Rgba.TryParse(text)
            ?? throw new StyleException($"{at}: {what} colour '{text}' is not a colour; write #rrggbb or #rrggbbaa.");
        return colour.WithOpacity(opacity);
    }

    private static double Positive(double value, string at, string what) =>
        double.IsFinite(value) && value > 0 ? value : throw new StyleException($"{at}: {what} {value} must be a number above 0.");

    private static string Label(StyleRule rule, int index) =>
        rule.Name is { Length: > 0 } name ? $"'{name}'"
        : rule.Title is { Length: > 0 } title ? $"'{title}'"
        : $"#{index + 1}";
}
