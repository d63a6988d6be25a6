using GeoServer.Core.Crs;
using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Encodes a vector tile layer in-process, for sources that cannot do it themselves (GeoPackage): asks the source
/// for the tile plus its buffer moved to the storage CRS (so its spatial index selects, by envelope only, since
/// clipping drops what misses), moves each geometry to the tile CRS and hands it to <see cref="MvtLayerBuilder"/>,
/// which clips, quantises (which is the simplification to the tile's resolution) and winds it.
/// Thread-safe: all per-tile state is local.
/// </summary>
public sealed class FeatureTileEncoder(CrsRegistry crs)
{
    /// <summary>
    /// The layer as a complete one-layer tile, as <see cref="IVectorTileSource.GetVectorTileAsync"/> gives it;
    /// null when no feature reaches the tile or the source has no geometry.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid or names an attribute the source lacks.</exception>
    public async Task<byte[]?> EncodeAsync(IFeatureSource source, VectorTileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var tile = new MvtTileBuilder(request.Bounds, request.Extent, request.Buffer);
        var layer = tile.AddLayer(request.LayerName);
        await AddAsync(layer, source, request, ct);
        return tile.IsEmpty ? null : tile.ToArray();
    }

    /// <summary>
    /// Adds the source's features in the tile to <paramref name="layer"/>, whose tile must have the request's
    /// bounds, extent and buffer; returns how many were written (at most <see cref="VectorTileRequest.MaxFeatures"/>).
    /// </summary>
    public async Task<int> AddAsync(MvtLayerBuilder layer, IFeatureSource source, VectorTileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var schema = source.Info.Schema;
        var properties = Selected(schema, request.Properties, source.Info.Name);
        if (source.Info.Srid is not { } srid || !schema.HasGeometry)
            return 0;
        var storageCrs = crs.FromEpsg(srid) ?? throw new InvalidOperationException($"{source.Info.Name}: EPSG:{srid} is not a known CRS.");
        var tileCrs = crs.FromEpsg(request.Srid) ?? throw new ArgumentException($"EPSG:{request.Srid} is not a known CRS.", nameof(request));
        var box = crs.GetTransform(tileCrs, storageCrs).Transform(request.BufferedBounds);
        // A tile with no image in the storage CRS (beyond a projection's limits) holds nothing.
        if (double.IsNaN(box.MinX) || source.Info.Extent is { } extent && !extent.Intersects(box))
            return 0;
        var toTile = crs.GetTransform(storageCrs, tileCrs);

        var query = new FeatureQuery
        {
            BBox = box,
            BBoxByEnvelope = true,
            // Features whose envelope meets the box but whose shape misses the tile are not written, so the limit
            // is counted here rather than by the source.
            Limit = int.MaxValue,
            Properties = properties,
            AnyOrder = true,
        };
        var pairs = new KeyValuePair<string, object?>[properties.Count];
        int written = 0;
        await foreach (var feature in source.QueryAsync(query, ct))
        {
            if (feature.Geometry is not { } geometry)
                continue;
            for (int i = 0; i < pairs.Length; i++)
                pairs[i] = new(schema.Properties[properties[i]].Name, feature.Values[properties[i]]);
            // Leaving the loop early disposes the enumerator, which stops the source's statement.
            if (layer.AddFeature(feature.Id, toTile.Transform(geometry), pairs) && ++written >= request.MaxFeatures)
                break;
        }
        return written;
    }

    /// <summary>Positions of the attributes to write: those named (or all), binary ones left out.</summary>
    private static List<int> Selected(FeatureSchema schema, IReadOnlyList<string>? names, string source)
    {
        var selected = new List<int>();
        if (names is null)
        {
            for (int i = 0; i < schema.Properties.Count; i++)
                if (schema.Properties[i].Type != PropertyType.Binary) selected.Add(i);
            return selected;
        }
        foreach (var name in names)
        {
            int i = schema.IndexOf(name);
            if (i < 0) throw new ArgumentException($"'{name}' is not an attribute of {source}.", nameof(VectorTileRequest.Properties));
            if (schema.Properties[i].Type != PropertyType.Binary && !selected.Contains(i)) selected.Add(i);
        }
        return selected;
    }
}
