using System.Xml.Linq;
using GeoServer.Tiles.Rendering;
using static GeoServer.Tiles.Styles.SldXml;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Reads the symbolizers of one rule. SLD's defaults apply where an element is present but a parameter is not
/// (a Fill without "fill" is 50% grey, a Stroke without "stroke" is 1-pixel black); an absent Fill or Stroke
/// draws nothing. Opacities of marks and labels are folded into their colours as #rrggbbaa.
/// </summary>
internal sealed class SldSymbolizerReader(List<string> warnings, string where)
{
    private const string SldDefaultFill = "#808080";
    private const string SldDefaultStroke = "#000000";

    /// <summary>The symbolizer the element describes; null (with a warning) when it is not one this model draws.</summary>
    public Symbolizer? Read(XElement e)
    {
        switch (e.Name.LocalName)
        {
            case "PolygonSymbolizer": return Polygon(e);
            case "LineSymbolizer": return Line(e);
            case "PointSymbolizer": return Point(e);
            case "TextSymbolizer": return Text(e);
            case "RasterSymbolizer":
                Warn($"{Describe(e)} styles rasters, which this importer does not support; ignored.");
                return null;
            default:
                Warn($"{Describe(e)} is not supported and was ignored.");
                return null;
        }
    }

    private PolygonSymbolizer Polygon(XElement e)
    {
        Geometry(e);
        var fill = Child(e, "Fill");
        var stroke = Child(e, "Stroke");
        var (fillColour, fillOpacity) = fill is null ? (null, 1) : Fill(fill);
        var pen = stroke is null ? null : Stroke(stroke);
        Unsupported(e, "Fill", "Stroke", "Geometry", "Displacement", "PerpendicularOffset", "VendorOption");
        return new PolygonSymbolizer
        {
            Fill = fillColour,
            FillOpacity = fillOpacity,
            Stroke = pen?.Colour,
            StrokeWidth = pen?.Width ?? 1,
            StrokeOpacity = pen?.Opacity ?? 1,
            Dash = pen?.Dash,
        };
    }

    private LineSymbolizer Line(XElement e)
    {
        Geometry(e);
        var stroke = Child(e, "Stroke");
        var pen = stroke is null ? null : Stroke(stroke);
        if (stroke is null) Warn($"{Describe(e)} has no Stroke; drawn 1-pixel black, SLD's default.");
        Unsupported(e, "Stroke", "Geometry", "PerpendicularOffset", "VendorOption");
        return new LineSymbolizer
        {
            Stroke = pen?.Colour ?? SldDefaultStroke,
            StrokeWidth = pen?.Width ?? 1,
            StrokeOpacity = pen?.Opacity ?? 1,
            Dash = pen?.Dash,
            Join = pen?.Join ?? LineJoin.Round,
            Cap = pen?.Cap ?? LineCap.Round,
        };
    }

    private PointSymbolizer Point(XElement e)
    {
        Geometry(e);
        Unsupported(e, "Graphic", "Geometry", "VendorOption");
        var graphic = Child(e, "Graphic");
        if (graphic is null)
        {
            Warn($"{Describe(e)} has no Graphic; drawn as SLD's default 6-pixel grey square.");
            return new PointSymbolizer { Shape = MarkerShape.Square, Size = 6, Fill = SldDefaultFill };
        }
        foreach (var external in Children(graphic, "ExternalGraphic"))
            Warn($"{Describe(external)} ({ExternalHref(external)}) is not supported; only well-known marks are drawn.");
        var marks = Children(graphic, "Mark").ToList();
        if (marks.Count > 1) Warn($"{Describe(marks[1])}: only the first Mark of a Graphic is drawn.");
        var size = Value(graphic, "Size") is { } sizeText ? Positive(sizeText, graphic, "Size") : null;
        var opacity = Value(graphic, "Opacity") is { } opacityText ? Opacity(opacityText, graphic, "Opacity") : null;
        if (Value(graphic, "Rotation") is { } rotation && Number(rotation) is not 0)
            Warn($"{Describe(Child(graphic, "Rotation")!)} {rotation}: rotated marks are not supported; drawn unrotated.");
        Unsupported(graphic, "ExternalGraphic", "Mark", "Size", "Opacity", "Rotation", "AnchorPoint", "Displacement");

        if (marks.Count == 0)
        {
            Warn($"{Describe(graphic)} has no Mark; drawn as SLD's default grey square.");
            return new PointSymbolizer { Shape = MarkerShape.Square, Size = size ?? 6, Fill = SldDefaultFill, Opacity = opacity ?? 1 };
        }
        var mark = marks[0];
        var shape = Shape(mark);
        var markFill = Child(mark, "Fill");
        var markStroke = Child(mark, "Stroke");
        // A Mark without Fill and Stroke is grey with a black outline (SLD 1.0, 11.3.2).
        string? fill = SldDefaultFill;
        if (markFill is not null)
        {
            var (colour, fillOpacity) = Fill(markFill);
            fill = colour is null ? null : WithOpacity(colour, fillOpacity);
        }
        else if (markStroke is not null) fill = null;
        string? stroke = markFill is null && markStroke is null ? SldDefaultStroke : null;
        double strokeWidth = 1;
        if (markStroke is not null)
        {
            var pen = Stroke(markStroke);
            stroke = WithOpacity(pen.Colour, pen.Opacity);
            strokeWidth = pen.Width;
            if (pen.Dash is not null) Warn($"{Describe(markStroke)}: dashed mark outlines are not supported; drawn solid.");
        }
        Unsupported(mark, "WellKnownName", "Fill", "Stroke", "OnlineResource", "InlineContent", "Format", "MarkIndex");
        return new PointSymbolizer
        {
            Shape = shape,
            Size = size ?? 6,
            Fill = fill,
            Stroke = stroke,
            StrokeWidth = strokeWidth,
            Opacity = opacity ?? 1,
        };
    }

    private TextSymbolizer? Text(XElement e)
    {
        Geometry(e);
        var label = Child(e, "Label");
        var property = label?.Descendants().FirstOrDefault(d => d.Name.LocalName == "PropertyName")?.Value.Trim();
        if (label is null || string.IsNullOrEmpty(property))
        {
            Warn($"{Describe(e)} was skipped: its Label names no ogc:PropertyName, and only property values can be labels.");
            return null;
        }
        if (label.Elements().Count() > 1 || label.Nodes().OfType<XText>().Any(t => t.Value.Trim().Length > 0))
            Warn($"{Describe(label)} combines several parts; only the property '{property}' is shown.");
        if (label.Descendants().FirstOrDefault(d => d.Name.LocalName is "Function" or "Add" or "Sub" or "Mul" or "Div") is { } function)
            Warn($"{Describe(function)} in the label is not supported; the plain value of '{property}' is shown.");

        string family = "DejaVu Sans";
        double fontSize = 12;
        bool bold = false, italic = false;
        if (Child(e, "Font") is { } font)
        {
            foreach (var (name, p) in Parameters(font))
            {
                var value = Parameter(p);
                switch (name)
                {
                    case "font-family" when value is { Length: > 0 }:
                        family = value.Split(',')[0].Trim().Trim('"', '\'');
                        break;
                    case "font-size":
                        fontSize = Positive(value, p, "font-size") ?? fontSize;
                        break;
                    case "font-weight":
                        bold = value?.ToLowerInvariant() is "bold" or "bolder" or "600" or "700" or "800" or "900";
                        break;
                    case "font-style":
                        italic = value?.ToLowerInvariant() is "italic" or "oblique";
                        break;
                    default:
                        Warn($"{Describe(p)} '{name}' of the Font is not supported and was ignored.");
                        break;
                }
            }
            if (Children(e, "Font").Count() > 1) Warn($"{Describe(e)}: only the first Font is used.");
        }

        double offsetX = 0, offsetY = 0;
        if (Child(e, "LabelPlacement") is { } placement)
        {
            foreach (var kind in placement.Elements())
            {
                if (kind.Name.LocalName != "PointPlacement")
                {
                    Warn($"{Describe(kind)} is not supported; the label is placed at the feature's point.");
                    continue;
                }
                if (Child(kind, "Displacement") is { } displacement)
                {
                    offsetX = Number(Value(displacement, "DisplacementX")) ?? 0;
                    offsetY = Number(Value(displacement, "DisplacementY")) ?? 0;
                }
                if (Child(kind, "AnchorPoint") is { } anchor)
                    Warn($"{Describe(anchor)} is not supported; labels are centred on their point.");
                if (Value(kind, "Rotation") is { } rotation && Number(rotation) is not 0)
                    Warn($"{Describe(Child(kind, "Rotation")!)} {rotation}: rotated labels are not supported; drawn level.");
            }
        }

        string? halo = null;
        double haloRadius = 1.5;
        if (Child(e, "Halo") is { } haloElement)
        {
            // A Halo without Fill is white (SLD 1.0, 11.4.5); without Radius, 1 pixel.
            halo = "#ffffff";
            if (Child(haloElement, "Fill") is { } haloFill)
            {
                var (colour, opacity) = Fill(haloFill);
                halo = colour is null ? null : WithOpacity(colour, opacity);
            }
            haloRadius = Value(haloElement, "Radius") is { } radius ? Positive(radius, haloElement, "Radius") ?? 1 : 1;
        }

        var fill = "#000000";
        if (Child(e, "Fill") is { } textFill)
        {
            var (colour, opacity) = Fill(textFill);
            fill = colour is null ? fill : WithOpacity(colour, opacity);
        }
        Unsupported(e, "Geometry", "Label", "Font", "LabelPlacement", "Halo", "Fill", "VendorOption");
        return new TextSymbolizer
        {
            Label = property,
            FontFamily = family,
            FontSize = fontSize,
            Bold = bold,
            Italic = italic,
            Fill = fill,
            Halo = halo,
            HaloRadius = haloRadius,
            OffsetX = offsetX,
            OffsetY = offsetY,
        };
    }

    /// <summary>The colour (null for fill="none") and opacity of a Fill.</summary>
    private (string? Colour, double Opacity) Fill(XElement fill)
    {
        string? colour = SldDefaultFill;
        double opacity = 1;
        foreach (var (name, p) in Parameters(fill))
        {
            var value = Parameter(p);
            switch (name)
            {
                case "fill":
                    colour = value?.ToLowerInvariant() == "none" ? null : Colour(value, p) ?? colour;
                    break;
                case "fill-opacity":
                    opacity = Opacity(value, p, "fill-opacity") ?? opacity;
                    break;
                default:
                    Warn($"{Describe(p)} '{name}' of the Fill is not supported and was ignored.");
                    break;
            }
        }
        if (Child(fill, "GraphicFill") is { } graphicFill)
            Warn($"{Describe(graphicFill)} (pattern fill) is not supported; filled with the plain colour {colour ?? "none"}.");
        return (colour, opacity);
    }

    private SldPen Stroke(XElement stroke)
    {
        var pen = new SldPen(SldDefaultStroke, 1, 1, null, LineJoin.Round, LineCap.Round);
        foreach (var (name, p) in Parameters(stroke))
        {
            var value = Parameter(p);
            switch (name)
            {
                case "stroke":
                    pen = pen with { Colour = Colour(value, p) ?? pen.Colour };
                    break;
                case "stroke-width":
                    pen = pen with { Width = NonNegative(value, p, "stroke-width") ?? pen.Width };
                    break;
                case "stroke-opacity":
                    pen = pen with { Opacity = Opacity(value, p, "stroke-opacity") ?? pen.Opacity };
                    break;
                case "stroke-dasharray":
                    pen = pen with { Dash = Dash(value, p) };
                    break;
                case "stroke-linejoin":
                    pen = pen with
                    {
                        Join = value?.ToLowerInvariant() switch
                        {
                            "mitre" or "miter" => LineJoin.Miter,
                            "bevel" => LineJoin.Bevel,
                            "round" => LineJoin.Round,
                            _ => Warned(LineJoin.Round, $"{Describe(p)} stroke-linejoin '{value}' is not mitre, round or bevel; round is used."),
                        },
                    };
                    break;
                case "stroke-linecap":
                    pen = pen with
                    {
                        Cap = value?.ToLowerInvariant() switch
                        {
                            "butt" => LineCap.Butt,
                            "square" => LineCap.Square,
                            "round" => LineCap.Round,
                            _ => Warned(LineCap.Round, $"{Describe(p)} stroke-linecap '{value}' is not butt, round or square; round is used."),
                        },
                    };
                    break;
                default:
                    Warn($"{Describe(p)} '{name}' of the Stroke is not supported and was ignored.");
                    break;
            }
        }
        foreach (var graphic in stroke.Elements().Where(c => c.Name.LocalName is "GraphicStroke" or "GraphicFill"))
            Warn($"{Describe(graphic)} is not supported; stroked with the plain colour {pen.Colour}.");
        return pen;
    }

    private IReadOnlyList<double>? Dash(string? value, XElement p)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var lengths = parts.Select(Number).ToList();
        if (lengths.Any(l => l is null or < 0) || lengths.All(l => l == 0))
        {
            Warn($"{Describe(p)} stroke-dasharray '{value}' is not a list of lengths; drawn solid.");
            return null;
        }
        return lengths.Select(l => l!.Value).ToList();
    }

    private MarkerShape Shape(XElement mark)
    {
        var name = ChildText(mark, "WellKnownName") ?? "square";
        switch (name.ToLowerInvariant())
        {
            case "circle": return MarkerShape.Circle;
            case "square": return MarkerShape.Square;
            case "triangle": return MarkerShape.Triangle;
            case "star": return MarkerShape.Star;
            case "cross": return MarkerShape.Cross;
            case "x": return MarkerShape.X;
            default:
                Warn($"{Describe(Child(mark, "WellKnownName")!)} '{name}' is not one of circle, square, triangle, star, cross, x; drawn as a square, SLD's default.");
                return MarkerShape.Square;
        }
    }

    private string? Colour(string? value, XElement at)
    {
        if (Rgba.TryParse(value) is { } colour && value!.StartsWith('#')) return colour.ToString();
        Warn($"{Describe(at)} '{value}' is not a #rrggbb colour and was ignored.");
        return null;
    }

    private double? Opacity(string? value, XElement at, string what)
    {
        if (Number(value) is { } v && v is >= 0 and <= 1) return v;
        Warn($"{Describe(at)} {what} '{value}' is not between 0 and 1 and was ignored.");
        return null;
    }

    private double? Positive(string? value, XElement at, string what)
    {
        if (Number(value) is { } v && v > 0) return v;
        Warn($"{Describe(at)} {what} '{value}' is not a positive number and was ignored.");
        return null;
    }

    private double? NonNegative(string? value, XElement at, string what)
    {
        if (Number(value) is { } v && v >= 0) return v;
        Warn($"{Describe(at)} {what} '{value}' is not a number of at least 0 and was ignored.");
        return null;
    }

    /// <summary>A parameter's text; one computed from the feature (ogc:PropertyName, ogc:Function) is warned about.</summary>
    private string? Parameter(XElement p) => Expression(p);

    /// <summary>The text of a child such as Size or Radius, literal or inside ogc:Literal.</summary>
    private string? Value(XElement parent, string name) => Child(parent, name) is { } e ? Expression(e) : null;

    private string? Expression(XElement e)
    {
        if (e.Descendants().FirstOrDefault(d => d.Name.LocalName is not "Literal") is { } dynamic)
        {
            Warn($"{Describe(dynamic)} inside {Describe(e)} computes the value per feature, which is not supported; the value was ignored.");
            return null;
        }
        var text = e.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    private void Geometry(XElement symbolizer)
    {
        if (Child(symbolizer, "Geometry") is { } geometry)
            Warn($"{Describe(geometry)} of {Describe(symbolizer)} is not supported; the layer's geometry is drawn.");
        foreach (var option in Children(symbolizer, "VendorOption"))
            Warn($"{Describe(option)} '{(string?)option.Attribute("name")}' is a vendor extension and was ignored.");
    }

    private void Unsupported(XElement parent, params string[] known)
    {
        foreach (var child in parent.Elements().Where(c => !known.Contains(c.Name.LocalName)))
            Warn($"{Describe(child)} in {Describe(parent)} is not supported and was ignored.");
    }

    private static string WithOpacity(string colour, double opacity) =>
        opacity >= 1 ? colour : Rgba.TryParse(colour)!.Value.WithOpacity(opacity).ToString();

    private static string ExternalHref(XElement external) =>
        external.Descendants().FirstOrDefault(d => d.Name.LocalName == "OnlineResource")?
            .Attributes().FirstOrDefault(a => a.Name.LocalName == "href")?.Value ?? "no link";

    private T Warned<T>(T value, string warning)
    {
        Warn(warning);
        return value;
    }

    private void Warn(string warning) => warnings.Add($"{where}: {warning}");
}
