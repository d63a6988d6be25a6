using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// A label: the value at <paramref name="PropertyIndex"/> of <see cref="GeoServer.Core.Sources.Feature.Values"/>,
/// written in <paramref name="Font"/> and <paramref name="Color"/>, ringed by <paramref name="Halo"/> (none when null)
/// of <paramref name="HaloRadius"/> pixels, moved by the offset in pixels (x right, y up, as SLD's Displacement).
/// </summary>
public sealed record CompiledText(int PropertyIndex, FontSpec Font, Rgba Color, Rgba? Halo, double HaloRadius,
    double OffsetX, double OffsetY) : CompiledSymbolizer;
