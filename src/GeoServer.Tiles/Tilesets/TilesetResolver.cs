using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using GeoServer.Core.Layers;

namespace GeoServer.Tiles.Tilesets;

/// <summary>Finds tilesets through the registry, so a tile shows only what its caller may see.</summary>
public static class TilesetResolver
{
    // Tilesets are kept and handed out again while their layers are the same objects, so a tile request allocates
    // no tileset and hashes no cache id; the access check itself runs on every request.
    private static readonly ConditionalWeakTable<Layer, Tileset> Single = new();
    private static readonly ConditionalWeakTable<LayerRegistry, ConcurrentDictionary<string, Tileset>> Groups = new();

    /// <summary>
    /// The tileset with this id as the caller sees it: a visible layer with geometry, or a workspace with at least one
    /// such layer; null otherwise (unknown and forbidden look the same).
    /// </summary>
    public static Tileset? Find(LayerRegistry layers, ClaimsPrincipal caller, string id)
    {
        if (layers.Find(caller, id) is { } layer)
            return !layer.Info.Schema.HasGeometry ? null
                : layer.Info.Id == id ? Single.GetValue(layer, l => new Tileset(l.Info.Id, l.Info.Title, [l]))
                : new Tileset(id, layer.Info.Title, [layer]);
        var workspace = layers.Workspaces.FirstOrDefault(w => w.Id == id);
        if (workspace is null) return null;
        var visible = layers.Visible(caller, id).Where(l => l.Info.Schema.HasGeometry).ToList();
        if (visible.Count == 0) return null;
        var groups = Groups.GetValue(layers, _ => new ConcurrentDictionary<string, Tileset>());
        if (groups.TryGetValue(id, out var known) && known.Title == workspace.Title && SameLayers(known.Layers, visible)) return known;
        var made = new Tileset(id, workspace.Title, visible);
        groups[id] = made;   // the last set seen; a caller with other rights gets a tileset of its own
        return made;
    }

    private static bool SameLayers(IReadOnlyList<Layer> a, List<Layer> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < b.Count; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
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
