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

    /// <summary>
    /// The tileset with this id whoever asks: for operator tools such as seeding the cache, never to answer a request
    /// (the cache is keyed by tileset, and requests pass the access policy before they reach it).
    /// </summary>
    public static Tileset? FindForOperator(LayerRegistry layers, string id)
    {
        var withGeometry = layers.All.Where(l => l.Info.Schema.HasGeometry).ToList();
        if (withGeometry.FirstOrDefault(l => l.Info.Id == id) is { } layer) return new Tileset(id, layer.Info.Title, [layer]);
        var workspace = layers.Workspaces.FirstOrDefault(w => w.Id == id);
        var members = withGeometry.Where(l => l.Info.Workspace.Id == id).ToList();
        return workspace is not null && members.Count > 0 ? new Tileset(id, workspace.Title, members) : null;
    }
}
