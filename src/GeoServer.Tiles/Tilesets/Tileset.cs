using GeoServer.Core.Layers;
using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Tilesets;

/// <summary>
/// What a tile shows: one layer (id "workspace:name") or every layer of a workspace the caller may see (id
/// "workspace"), drawn in registry order.
/// </summary>
public sealed record Tileset(string Id, string Title, IReadOnlyList<Layer> Layers)
{
    /// <summary>The union of the layers' extents in CRS84, or null when none is known.</summary>
    public BBox? WgsExtent => Layers.Select(l => l.Info.WgsExtent).Aggregate((BBox?)null,
        (all, box) => box is { } b ? all is { } a ? a.Union(b) : b : all);

    /// <summary>
    /// The tileset's name in the tile cache: a group's id carries a digest of the layers it holds, because callers
    /// allowed to see different layers of a workspace get different tiles, and a cached tile must never show a
    /// layer to someone the access policy hides it from. Computed once, with the tileset: every tile request reads it.
    /// </summary>
    public string CacheId { get; } = CacheIdOf(Id, Layers);

    private static string CacheIdOf(string id, IReadOnlyList<Layer> layers) => layers.Count == 1 && layers[0].Info.Id == id ? id
        : id + "~" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', layers.Select(l => l.Info.Id).Order(StringComparer.Ordinal))))
            .AsSpan(0, 6));

    /// <summary>The layers' attributions, distinct, joined for display.</summary>
    public string? Attribution => string.Join(" | ", Layers.Select(l => l.Info.Attribution).OfType<string>().Distinct()) is { Length: > 0 } a ? a : null;
}
