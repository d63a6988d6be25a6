namespace GeoServer.Tiles.Rendering;

/// <summary>A font by family (fontconfig name, e.g. "DejaVu Sans"), size in pixels, weight and slant.</summary>
public sealed record FontSpec(string Family = "DejaVu Sans", double Size = 12, bool Bold = false, bool Italic = false);
