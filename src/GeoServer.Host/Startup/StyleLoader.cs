using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Styles;

namespace GeoServer.Host.Startup;

/// <summary>
/// Loads the style files that layers name in the configuration (paths relative to the configuration's base
/// directory) and compiles them against each layer's schema. Import warnings are logged; a style that cannot be
/// read or compiled fails start-up with the layer and file named (or, with FailOnBrokenStore off, is logged and the
/// layer keeps its default style).
/// </summary>
public sealed class StyleLoader(GeoSdiOptions options, string baseDirectory, ILogger<StyleLoader> log)
{
    public StyleCatalog Load(LayerRegistry layers)
    {
        var configured = new Dictionary<string, LayerStyles>(StringComparer.Ordinal);
        foreach (var (workspace, workspaceOptions) in options.Workspaces)
        foreach (var (name, layerOptions) in workspaceOptions.Layers)
        {
            if (layerOptions.Styles is not { Count: > 0 } files) continue;
            var layer = layers.All.FirstOrDefault(l => l.Info.Id == workspace + ":" + name);
            if (layer is null) continue;
            try
            {
                configured[layer.Info.Id] = new LayerStyles(files.SelectMany(file => Load(layer.Info, file)).ToList());
            }
            catch (Exception e) when (e is StyleException or IOException && !options.Server.FailOnBrokenStore)
            {
                log.LogError("Layer {Layer} keeps its default style: {Problem}", layer.Info.Id, e.Message);
            }
        }
        return new StyleCatalog(configured);
    }

    private IEnumerable<CompiledStyle> Load(LayerInfo layer, string file)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
        SldImportResult imported;
        try
        {
            imported = StyleFiles.Load(path, layer.Schema);
        }
        catch (Exception e) when (e is StyleException or IOException)
        {
            throw new StyleException($"Style file '{path}' of layer {layer.Id}: {e.Message}");
        }
        foreach (var warning in imported.Warnings) log.LogWarning("Style file {File} of layer {Layer}: {Warning}", path, layer.Id, warning);
        foreach (var style in imported.Styles) yield return StyleCompiler.Compile(style, layer.Schema);
    }
}
