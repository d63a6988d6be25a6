using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>Strokes lines (and the rings of areas) with <paramref name="Pen"/>.</summary>
public sealed record CompiledLine(StrokeStyle Pen) : CompiledSymbolizer;
