using System.IO.Compression;
using GeoServer.Core.Crs;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Encodes one tile of a vector tileset: several layers in one Mapbox Vector Tile. Each layer comes from its
/// source's own encoder when it has one (<see cref="IVectorTileSource"/>: PostGIS's <c>ST_AsMVT</c>) and from
/// <see cref="FeatureTileEncoder"/> otherwise, all at once; the one-layer tiles are then concatenated in the
/// tileset's order, which is a valid tile because a Tile message's layers field repeats. Thread-safe.
/// </summary>
public sealed class VectorTilesetEncoder(CrsRegistry crs)
{
    private readonly FeatureTileEncoder _features = new(crs);

    /// <summary>
    /// The tile (<paramref name="row"/>, <paramref name="col"/>) of <paramref name="matrix"/> with each layer that has a
    /// feature in it, gzip-compressed when <paramref name="gzip"/> is set (the HTTP layer decides, from
    /// Accept-Encoding); null when no layer has a feature there (HTTP answers 204 or an empty body).
    /// </summary>
    /// <param name="layers">The tileset's layers, already filtered by the caller's access.</param>
    /// <param name="set">The tile matrix set, whose CRS the tile is in.</param>
    /// <param name="matrix">One of the set's matrices (a zoom level).</param>
    /// <param name="row">The tile's row, from the top for a top-left origin.</param>
    /// <param name="col">The tile's column.</param>
    /// <param name="options">Extent, buffer and feature limit; null for the MVT defaults.</param>
    /// <param name="gzip">Whether to gzip the tile.</param>
    /// <param name="ct">Cancels every layer's reads.</param>
    /// <exception cref="ArgumentException">Two layers share a name, a layer names an attribute it lacks, or the tile is outside the matrix.</exception>
    public async Task<byte[]?> EncodeAsync(IReadOnlyList<TilesetLayer> layers, TileMatrixSet set, TileMatrix matrix, long row, long col,
        VectorTileOptions? options, bool gzip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Check(row, col) != TileCheck.Valid)
            throw new ArgumentOutOfRangeException(nameof(row), $"Tile ({row}, {col}) is outside matrix {matrix.Id} of {set.Id}.");
        var duplicate = layers.GroupBy(l => l.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two layers of the tileset are named {duplicate.Key}.", nameof(layers));
        options ??= new VectorTileOptions();

        // CRS84 has no EPSG code; its coordinates are EPSG:4326's with x = longitude, as everywhere inside.
        int srid = set.Crs.Epsg ?? 4326;
        var bounds = matrix.TileBounds(row, col);
        var parts = await Task.WhenAll(layers.Select(layer => EncodeLayerAsync(layer, new VectorTileRequest
        {
            LayerName = layer.Name,
            Bounds = bounds,
            Srid = srid,
            Extent = options.Extent,
            Buffer = options.Buffer,
            Properties = layer.Properties,
            MaxFeatures = options.MaxFeatures,
        }, set.Crs, ct)));

        int length = parts.Sum(p => p?.Length ?? 0);
        if (length == 0)
            return null;
        if (parts.Length == 1)
            return gzip ? Gzip(parts[0]) : parts[0];   // one layer: the store's bytes are the tile, no copy
        var tile = new byte[length];
        int offset = 0;
        foreach (var part in parts)
        {
            if (part is null) continue;
            part.CopyTo(tile, offset);
            offset += part.Length;
        }
        return gzip ? Gzip(tile) : tile;
    }

    /// <summary>The tile gzip-compressed (RFC 1952), for <c>Content-Encoding: gzip</c> and for caches that store it so.</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> tile)
    {
        using var buffer = new MemoryStream(tile.Length / 2 + 64);
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zip.Write(tile);
        return buffer.ToArray();
    }

    private Task<byte[]?> EncodeLayerAsync(TilesetLayer layer, VectorTileRequest request, CrsDefinition tileCrs, CancellationToken ct)
    {
        var info = layer.Layer.Info;
        if (info.StorageCrs is not { } storage)
            return Task.FromResult<byte[]?>(null);
        // A layer whose extent misses the tile costs no query at all.
        var box = crs.GetTransform(tileCrs, storage).Transform(request.BufferedBounds);
        if (double.IsNaN(box.MinX) || info.StorageExtent is { } extent && !extent.Intersects(box))
            return Task.FromResult<byte[]?>(null);
        return layer.Layer.Features is IVectorTileSource encoder
            ? encoder.GetVectorTileAsync(request, ct)
            : _features.EncodeAsync(layer.Layer.Features, request, ct);
    }
}
