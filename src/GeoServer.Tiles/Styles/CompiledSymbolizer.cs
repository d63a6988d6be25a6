namespace GeoServer.Tiles.Styles;

/// <summary>
/// A symbolizer ready to draw: colours parsed, opacities folded into their alpha, the label property resolved to its
/// position in <see cref="GeoServer.Core.Sources.Feature.Values"/>. Made by <see cref="StyleCompiler"/>.
/// </summary>
public abstract record CompiledSymbolizer;
