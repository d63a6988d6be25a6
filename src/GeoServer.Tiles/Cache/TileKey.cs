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

    /// <summary>The key of a file found under the cache folder, or null for anything that is not a tile.</summary>
    public static TileKey? FromRelativePath(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar);
        if (parts.Length != 6) return null;
        var file = parts[5];
        int dot = file.IndexOf('.');
        if (dot <= 0 || file.IndexOf('.', dot + 1) >= 0) return null;   // "*.tmp" files are half-written tiles
        if (!long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out long col)
            || !long.TryParse(file.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out long row)) return null;
        return new TileKey(parts[0], parts[1], parts[2], parts[3], row, col, file[(dot + 1)..]);
    }

    /// <summary>Names come from the registry and the grids, never raw from a request; still, no path tricks pass.</summary>
    private static string Safe(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\\', '\0']) < 0 && name is not ("." or "..")
            ? name : throw new ArgumentException($"'{name}' cannot name a cache folder.", nameof(name));
}
