using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>Fills areas with <paramref name="Fill"/> (none when null) and strokes their rings with <paramref name="Outline"/> (none when null).</summary>
public sealed record CompiledPolygon(Rgba? Fill, StrokeStyle? Outline) : CompiledSymbolizer;
