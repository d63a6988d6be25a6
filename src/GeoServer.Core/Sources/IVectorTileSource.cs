namespace GeoServer.Core.Sources;

/// <summary>
/// An optional ability of a feature source: it encodes a Mapbox Vector Tile layer itself, in one round trip to
/// the store (PostGIS's <c>ST_AsMVT</c>), instead of streaming features to be encoded in-process. Tested with
/// <c>is</c>; sources without it are encoded by the tiles area.
/// </summary>
public interface IVectorTileSource
{
    /// <summary>
    /// The tile as a complete MVT message holding exactly one layer named <see cref="VectorTileRequest.LayerName"/>,
    /// with feature ids from the source's key, geometries clipped to the tile plus its buffer, and the requested
    /// attributes; null when no feature reaches the tile (an empty tile is no layer at all, as the spec suggests).
    /// Tiles are protobuf messages whose layers field repeats, so the result can be concatenated with other
    /// layers' tiles into one.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid or names an attribute the source lacks.</exception>
    Task<byte[]?> GetVectorTileAsync(VectorTileRequest request, CancellationToken ct);
}
