namespace GeoServer.Tiles.Matrices;

/// <summary>
/// Whether a requested tile exists in a tile matrix set. WMTS turns the out-of-range values into a
/// <c>TileOutOfRange</c> exception whose locator is <c>TileRow</c> or <c>TileCol</c>, and an unknown matrix into
/// <c>InvalidParameterValue</c> with locator <c>TileMatrix</c>; OGC API – Tiles answers 404 for all three.
/// </summary>
public enum TileCheck
{
    /// <summary>The matrix exists and the row and column are inside it.</summary>
    Valid,

    /// <summary>No tile matrix of the set has the requested identifier.</summary>
    UnknownTileMatrix,

    /// <summary>The row is negative or not less than the matrix height.</summary>
    TileRowOutOfRange,

    /// <summary>The column is negative or not less than the matrix width.</summary>
    TileColOutOfRange,
}
