using System.Globalization;
using System.Security.Claims;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;

namespace GeoServer.Tiles.Wmts;

/// <summary>Checks the parts of a tile address (WMTS KVP, WMTS REST and XYZ share it) and resolves them.</summary>
public static class TileRequestParser
{
    /// <summary>Image formats offered for map tiles, by MIME type and by file extension.</summary>
    public static readonly IReadOnlyDictionary<string, ImageFormat> Formats = new Dictionary<string, ImageFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ImageFormat.Png,
        ["image/jpeg"] = ImageFormat.Jpeg,
    };

    public static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
    };

    /// <summary>
    /// The tile, or a <see cref="WmtsException"/> naming the parameter at fault: an unknown or hidden layer or style,
    /// grid or matrix is InvalidParameterValue (with <paramref name="notFoundStatus"/>), a row or column outside the
    /// matrix is TileOutOfRange.
    /// </summary>
    public static TileRequest Parse(TileServices services, ClaimsPrincipal caller, string? layer, string? style, string? format,
        string? setId, string? matrixId, string? rowText, string? colText, int notFoundStatus = 400)
    {
        var tileset = TilesetResolver.Find(services.Layers, caller, layer ?? throw WmtsException.Missing("layer"))
                      ?? throw WmtsException.Invalid("layer", $"no layer named '{layer}'.", notFoundStatus);
        var layers = TileStyles.Resolve(services, tileset, style)
                     ?? throw WmtsException.Invalid("style", $"layer '{layer}' has no style named '{style}'.", notFoundStatus);
        var mediaType = format ?? throw WmtsException.Missing("format");
        if (!Formats.TryGetValue(mediaType, out var imageFormat))
            throw WmtsException.Invalid("format", $"'{format}' is not offered; use image/png or image/jpeg.");
        var set = services.Grids.Find(setId ?? throw WmtsException.Missing("tilematrixset"))
                  ?? throw WmtsException.Invalid("tilematrixset", $"no tile matrix set '{setId}'; offered: {string.Join(", ", services.Grids.All.Select(s => s.Id))}.", notFoundStatus);
        var (matrix, row, col) = ParseCell(set, matrixId, rowText, colText, notFoundStatus);
        return new TileRequest(tileset, string.IsNullOrEmpty(style) ? TileStyles.Default : style, layers, set, matrix, row, col,
            imageFormat, mediaType.ToLowerInvariant());
    }

    /// <summary>
    /// The tile matrix and cell of an address on <paramref name="set"/>: an unknown matrix is InvalidParameterValue
    /// (with <paramref name="notFoundStatus"/>), a row or column that is not an index or lies outside the matrix is
    /// TileOutOfRange. Map and vector tiles share it.
    /// </summary>
    public static (TileMatrix Matrix, long Row, long Col) ParseCell(TileMatrixSet set, string? matrixId, string? rowText, string? colText,
        int notFoundStatus = 400)
    {
        var matrix = set.Find(matrixId ?? throw WmtsException.Missing("tilematrix"))
                     ?? throw WmtsException.Invalid("tilematrix", $"'{matrixId}' is not a tile matrix of {set.Id}.", notFoundStatus);
        long row = Index(rowText, "tilerow"), col = Index(colText, "tilecol");
        if (row >= matrix.MatrixHeight)
            throw new WmtsException("TileOutOfRange", $"TILEROW {row} is outside 0–{matrix.MatrixHeight - 1} of tile matrix {matrix.Id}.", "tilerow");
        if (col >= matrix.MatrixWidth)
            throw new WmtsException("TileOutOfRange", $"TILECOL {col} is outside 0–{matrix.MatrixWidth - 1} of tile matrix {matrix.Id}.", "tilecol");
        return (matrix, row, col);
    }

    private static long Index(string? text, string name)
    {
        if (text is null) throw WmtsException.Missing(name);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw new WmtsException("TileOutOfRange", $"{name.ToUpperInvariant()} '{text}' is not a tile index (0 or more).", name);
        return value;
    }
}
