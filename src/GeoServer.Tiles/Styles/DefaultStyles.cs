using GeoServer.Core.Sources;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>The style a layer is drawn with when it has none of its own, chosen by its geometry type.</summary>
public static class DefaultStyles
{
    /// <summary>
    /// A style for the OGC geometry type name (POINT, MULTILINESTRING, …, any case): points as 6-pixel blue circles
    /// with a white rim, lines as 1-pixel dark grey, areas light blue-grey with a 1-pixel outline. A generic or
    /// unknown type (GEOMETRY, GEOMETRYCOLLECTION, null) gets the area style plus a line, so that lines and areas
    /// both show.
    /// </summary>
    public static Style For(string? geometryType)
    {
        var type = geometryType?.Trim().ToUpperInvariant() ?? "";
        if (type.StartsWith("MULTI", StringComparison.Ordinal)) type = type[5..];
        return type switch
        {
            "POINT" => Make("default-point", Point()),
            "LINESTRING" or "CURVE" or "COMPOUNDCURVE" or "CIRCULARSTRING" => Make("default-line", Line()),
            "POLYGON" or "SURFACE" or "CURVEPOLYGON" => Make("default-polygon", Polygon()),
            _ => Make("default-geometry", Polygon(), Line()),
        };
    }

    /// <summary>
    /// A style for a raster: its Red, Green and Blue bands when it has them (byte bands as they are, others stretched
    /// over their range); otherwise its first band, byte bands as grey and other types through an elevation ramp over
    /// the band's range.
    /// </summary>
    public static Style ForRaster(RasterInfo raster)
    {
        int Find(string colour) => raster.Bands.FirstOrDefault(b => b.ColorInterpretation == colour)?.Index ?? 0;
        int red = Find("Red"), green = Find("Green"), blue = Find("Blue");
        if (red > 0 && green > 0 && blue > 0)
            return Make("default-rgb", new RasterSymbolizer { Bands = [red, green, blue] });
        var band = raster.Bands[0];
        if (band.DataType == "Byte") return Make("default-grey", new RasterSymbolizer { Bands = [1] });
        double lo = band.Min, hi = band.Max > band.Min ? band.Max : band.Min + 1;
        string[] colours = ["#2b83ba", "#abdda4", "#ffffbf", "#fdae61", "#d7191c"];
        return Make("default-ramp", new RasterSymbolizer
        {
            Bands = [1],
            ColorMap = colours.Select((c, i) => new ColorMapEntry { Value = lo + (hi - lo) * i / (colours.Length - 1), Color = c }).ToList(),
        });
    }

    private static Style Make(string name, params Symbolizer[] symbolizers) => new()
    {
        Name = name,
        Title = "Default style",
        Rules = [new StyleRule { Name = "default", Symbolizers = symbolizers }],
    };

    private static PointSymbolizer Point() => new()
    {
        Shape = MarkerShape.Circle,
        Size = 6,
        Fill = "#3366cc",
        Stroke = "#ffffff",
        StrokeWidth = 1,
    };

    private static LineSymbolizer Line() => new() { Stroke = "#333333", StrokeWidth = 1 };

    private static PolygonSymbolizer Polygon() => new()
    {
        Fill = "#d4dde8",
        Stroke = "#5a6b7d",
        StrokeWidth = 1,
    };
}
