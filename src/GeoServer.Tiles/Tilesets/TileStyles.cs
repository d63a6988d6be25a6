using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Tilesets;

/// <summary>The styled layers a tileset is drawn with: a layer's named style, or every layer's default.</summary>
public static class TileStyles
{
    public const string Default = "default";

    /// <summary>Null when a single-layer tileset has no style of that name (a group knows only "default").</summary>
    public static IReadOnlyList<StyledLayer>? Resolve(TileServices services, Tileset tileset, string? style)
    {
        bool isDefault = string.IsNullOrEmpty(style) || style == Default;
        if (tileset.Layers.Count > 1 && !isDefault) return null;
        var styled = new List<StyledLayer>();
        foreach (var layer in tileset.Layers)
        {
            var compiled = services.Styles.For(layer.Info).Find(isDefault ? null : style);
            if (compiled is null) return null;
            styled.Add(new StyledLayer(layer, compiled));
        }
        return styled;
    }

    /// <summary>Style ids a tileset offers, the default first.</summary>
    public static IEnumerable<string> Names(TileServices services, Tileset tileset) =>
        tileset.Layers.Count == 1
            ? services.Styles.For(tileset.Layers[0].Info).All.Select(s => s.Source.Name)
            : [Default];
}
