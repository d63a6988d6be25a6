using System.Globalization;
using GeoServer.Core.Api;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>A checked tile address of OGC API – Tiles: the set, the matrix and a row and column inside it.</summary>
/// <param name="Set">The tile matrix set.</param>
/// <param name="Matrix">One of its matrices.</param>
/// <param name="Row">The row, inside the matrix.</param>
/// <param name="Col">The column, inside the matrix.</param>
public sealed record TileAddress(TileMatrixSet Set, TileMatrix Matrix, long Row, long Col)
{
    /// <summary>
    /// The tile, or an <see cref="ApiException"/> 404 naming the path parameter at fault: the standard answers 404 (or
    /// 400) for a tile matrix, row or column outside the tile matrix set (/req/core/tc-error), and 404 is also what a
    /// tile cache or CDN answers for a file that is not there.
    /// </summary>
    public static TileAddress Parse(TileMatrixSet set, string tileMatrix, string tileRow, string tileCol)
    {
        var matrix = set.Find(tileMatrix)
                     ?? throw ApiException.NotFound($"tileMatrix '{tileMatrix}' is not a tile matrix of {set.Id} (0–{set.TileMatrices.Count - 1}).", "tileMatrix");
        long row = Index(tileRow, "tileRow", matrix.MatrixHeight, matrix);
        long col = Index(tileCol, "tileCol", matrix.MatrixWidth, matrix);
        return new TileAddress(set, matrix, row, col);
    }

    private static long Index(string text, string parameter, long count, TileMatrix matrix)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value >= count)
            throw ApiException.NotFound($"{parameter} '{text}' is outside 0–{count - 1} of tile matrix {matrix.Id}.", parameter);
        return value;
    }
}
