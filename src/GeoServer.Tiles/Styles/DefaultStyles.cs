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
