using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Vector;

/// <summary>How the layers of a vector tileset are encoded; the defaults are MVT's and suit MapLibre and OpenLayers.</summary>
public sealed record VectorTileOptions
{
    /// <summary>Grid units across a tile.</summary>
    public int Extent { get; init; } = VectorTileRequest.DefaultExtent;

    /// <summary>Grid units kept beyond each tile edge.</summary>
    public int Buffer { get; init; } = VectorTileRequest.DefaultBuffer;

    /// <summary>At most this many features per layer and tile.</summary>
    public int MaxFeatures { get; init; } = VectorTileRequest.DefaultMaxFeatures;
}
