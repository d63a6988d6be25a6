using GeoServer.Core.Layers;

namespace GeoServer.Tiles.Vector;

/// <summary>One layer of a vector tileset: the name it has in each tile, the published layer, and the attributes to write.</summary>
/// <param name="Name">The layer's name in the tile, unique in the tileset (e.g. the layer's id or short name).</param>
/// <param name="Layer">The published layer, as the registry gave it to the caller.</param>
/// <param name="Properties">The attributes to write, by schema name; null for every non-binary attribute.</param>
public sealed record TilesetLayer(string Name, Layer Layer, IReadOnlyList<string>? Properties = null);
