using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>A colour at a value of a compiled colour ramp, with its legend label.</summary>
public sealed record RampStop(double Value, Rgba Colour, string Label);
