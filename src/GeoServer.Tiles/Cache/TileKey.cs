using System.Globalization;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// One cached tile: tileset, style, tile matrix set, matrix, row, column and file extension (png, jpg, mvt). Its
/// path in the cache folder is {tileset}/{style}/{set}/{matrix}/{col}/{row}.{ext}, so XYZ tiles of the default
/// style sit at {tileset}/default/WebMercatorQuad/{z}/{x}/{y}.png, a layout nginx or a CDN can serve directly.
/// </summary>
public readonly record struct TileKey(string Tileset, string Style, string Set, string Matrix, long Row, long Col, string Extension)
{
    public string RelativePath => Path.Combine(Safe(Tileset), Safe(Style), Safe(Set), Safe(Matrix),
        Col.ToString(CultureInfo.InvariantCulture), Row.ToString(CultureInfo.InvariantCulture) + "." + Extension);

    /// <summary>Names come from the registry and the grids, never raw from a request; still, no path tricks pass.</summary>
    private static string Safe(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\\', '\0']) < 0 && name is not ("." or "..")
            ? name : throw new ArgumentException($"'{name}' cannot name a cache folder.", nameof(name));
}
