using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>The layers of a vector tileset as they are named in its tiles.</summary>
public static class OgcVectorLayers
{
    /// <summary>
    /// Each layer under its short name, as the XYZ tiles name them, except where two workspaces publish the same short
    /// name (possible in the dataset's tiles): those keep their full id so every tile layer name is unique.
    /// </summary>
    public static IReadOnlyList<TilesetLayer> Of(Tileset tileset)
    {
        var clashing = tileset.Layers.GroupBy(l => l.Info.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return tileset.Layers.Select(l => new TilesetLayer(clashing.Contains(l.Info.Name) ? l.Info.Id : l.Info.Name, l)).ToList();
    }

    /// <summary>The TMS 2.0 geometryDimension of a schema's geometry type (0 points, 1 lines, 2 surfaces), or null when mixed or unknown.</summary>
    public static int? GeometryDimension(string? geometryType) => geometryType?.ToUpperInvariant() switch
    {
        null => null,
        var t when t.Contains("POINT") => 0,
        var t when t.Contains("LINE") || t.Contains("CURVE") => 1,
        var t when t.Contains("POLYGON") || t.Contains("SURFACE") => 2,
        _ => null,
    };
}
