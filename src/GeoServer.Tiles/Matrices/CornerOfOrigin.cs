namespace GeoServer.Tiles.Matrices;

/// <summary>
/// The corner of a tile matrix where row 0 and column 0 start (OGC 17-083r4 §7.2). Rows grow away from it:
/// southwards from the top-left corner, northwards from the bottom-left one.
/// </summary>
public enum CornerOfOrigin
{
    /// <summary>Row 0 is the northernmost row, the usual (and default) choice.</summary>
    TopLeft,

    /// <summary>Row 0 is the southernmost row, as in TMS-style grids.</summary>
    BottomLeft,
}
