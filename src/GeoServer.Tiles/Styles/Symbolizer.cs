using System.Text.Json.Serialization;

namespace GeoServer.Tiles.Styles;

/// <summary>How a matched feature is drawn. Colours are "#rrggbb" text; sizes are pixels.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PolygonSymbolizer), "polygon")]
[JsonDerivedType(typeof(LineSymbolizer), "line")]
[JsonDerivedType(typeof(PointSymbolizer), "point")]
[JsonDerivedType(typeof(TextSymbolizer), "text")]
[JsonDerivedType(typeof(RasterSymbolizer), "raster")]
public abstract class Symbolizer;
