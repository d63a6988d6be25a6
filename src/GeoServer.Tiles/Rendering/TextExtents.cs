namespace GeoServer.Tiles.Rendering;

/// <summary>The ink box of a text relative to its origin (baseline start), in pixels, and its advance.</summary>
public readonly record struct TextExtents(double XBearing, double YBearing, double Width, double Height, double XAdvance);
