using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// A marker of <paramref name="Shape"/>, <paramref name="Size"/> pixels across, filled with <paramref name="Fill"/>
/// and outlined with <paramref name="Outline"/> (each none when null).
/// </summary>
public sealed record CompiledPoint(MarkerShape Shape, double Size, Rgba? Fill, StrokeStyle? Outline) : CompiledSymbolizer;
