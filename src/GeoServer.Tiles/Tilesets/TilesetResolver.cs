using System.Security.Claims;
using GeoServer.Core.Layers;

namespace GeoServer.Tiles.Tilesets;

/// <summary>Finds tilesets through the registry, so a tile shows only what its caller may see.</summary>
public static class TilesetResolver
{
    /// <summary>
    /// The tileset with this id as the caller sees it: a visible layer with geometry, or a workspace with at least one
    /// such layer; null otherwise (unknown and forbidden look the same).
    /// </summary>
    public static Tileset? Find(LayerRegistry layers, ClaimsPrincipal caller, string id)
    {
        if (layers.Find(caller, id) is { } layer)
            return layer.Info.Schema.HasGeometry ? new Tileset(id, layer.Info.Title, [layer]) : null;
        var workspace = layers.Workspaces.FirstOrDefault(w => w.Id == id);
        if (workspace is null) return null;
        var visible = layers.Visible(caller, id).Where(l => l.Info.Schema.HasGeometry).ToList();
        return visible.Count > 0 ? new Tileset(id, workspace.Title, visible) : null;
    }

    /// <summary>Every tileset the caller may see: each workspace, then each layer.</summary>
    public static IEnumerable<Tileset> All(LayerRegistry layers, ClaimsPrincipal caller)
    {
        var visible = layers.Visible(caller).Where(l => l.Info.Schema.HasGeometry).ToList();
        foreach (var group in visible.GroupBy(l => l.Info.Workspace))
            yield return new Tileset(group.Key.Id, group.Key.Title, group.ToList());
        foreach (var layer in visible)
            yield return new Tileset(layer.Info.Id, layer.Info.Title, [layer]);
    }
}
