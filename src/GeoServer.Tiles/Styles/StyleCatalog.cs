using System.Collections.Concurrent;
using GeoServer.Core.Layers;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// The styles of every published layer, by layer id. Layers without configured styles get the default style of
/// their geometry type, compiled on first use. <see cref="Replace"/> swaps in another set at once (styles put
/// through the admin API). Safe for concurrent readers.
/// </summary>
public sealed class StyleCatalog(IReadOnlyDictionary<string, LayerStyles> configured)
{
    private volatile State _state = new(configured);

    public static StyleCatalog Empty { get; } = new(new Dictionary<string, LayerStyles>());

    /// <summary>The configured styles (without the defaults compiled on demand).</summary>
    public IReadOnlyDictionary<string, LayerStyles> Configured => _state.Configured;

    public LayerStyles For(LayerInfo layer)
    {
        var state = _state;
        return state.Configured.TryGetValue(layer.Id, out var styles) ? styles
            : state.Defaults.GetOrAdd(layer.Id, _ => new LayerStyles([StyleCompiler.Compile(
                layer.Raster is { } raster ? DefaultStyles.ForRaster(raster) : DefaultStyles.For(layer.Schema.GeometryType), layer.Schema)]));
    }

    /// <summary>Publishes a new set of configured styles; defaults are compiled again, as a layer's schema may have changed.</summary>
    public void Replace(IReadOnlyDictionary<string, LayerStyles> configured) => _state = new State(configured);

    private sealed class State(IReadOnlyDictionary<string, LayerStyles> configured)
    {
        public IReadOnlyDictionary<string, LayerStyles> Configured { get; } = configured;
        public ConcurrentDictionary<string, LayerStyles> Defaults { get; } = new(StringComparer.Ordinal);
    }
}
