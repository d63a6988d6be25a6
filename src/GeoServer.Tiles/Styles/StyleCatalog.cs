using System.Collections.Concurrent;
using GeoServer.Core.Layers;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// The styles of every published layer, by layer id. Layers without configured styles get the default style of
/// their geometry type, compiled on first use. Safe for concurrent readers.
/// </summary>
public sealed class StyleCatalog(IReadOnlyDictionary<string, LayerStyles> configured)
{
    private readonly ConcurrentDictionary<string, LayerStyles> _defaults = new(StringComparer.Ordinal);

    public static StyleCatalog Empty { get; } = new(new Dictionary<string, LayerStyles>());

    public LayerStyles For(LayerInfo layer) =>
        configured.TryGetValue(layer.Id, out var styles) ? styles
        : _defaults.GetOrAdd(layer.Id, _ => new LayerStyles([StyleCompiler.Compile(
            layer.Raster is { } raster ? DefaultStyles.ForRaster(raster) : DefaultStyles.For(layer.Schema.GeometryType), layer.Schema)]));
}
