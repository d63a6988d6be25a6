using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// Builds one Mapbox Vector Tile 2.1 (<c>application/vnd.mapbox-vector-tile</c>): add layers, add features to
/// them in the tile's CRS, then take the bytes. Layers that end up with no feature are left out of the tile.
/// Not thread-safe; one builder per tile.
/// </summary>
/// <example>
/// <code>
/// var tile = new MvtTileBuilder(matrix.TileBounds(row, col));
/// var roads = tile.AddLayer("roads");
/// foreach (var f in features) roads.AddFeature(f.Id, f.Geometry, f.Properties);
/// byte[] bytes = tile.ToArray();
/// </code>
/// </example>
public sealed class MvtTileBuilder
{
    /// <summary>The MVT default grid size across a tile.</summary>
    public const int DefaultExtent = VectorTileRequest.DefaultExtent;

    /// <summary>Grid units kept beyond each tile edge, so strokes and labels are not cut where tiles meet.</summary>
    public const int DefaultBuffer = VectorTileRequest.DefaultBuffer;

    private readonly List<MvtLayerBuilder> _layers = [];

    /// <param name="tileBounds">The tile's area in its CRS (x = east, y = north).</param>
    /// <param name="extent">Grid units across the tile.</param>
    /// <param name="buffer">Grid units kept beyond each edge.</param>
    public MvtTileBuilder(BBox tileBounds, int extent = DefaultExtent, int buffer = DefaultBuffer)
        : this(new TileTransform(tileBounds, extent), buffer)
    {
    }

    /// <param name="transform">Maps the tile's CRS to its grid.</param>
    /// <param name="buffer">Grid units kept beyond each edge.</param>
    public MvtTileBuilder(TileTransform transform, int buffer = DefaultBuffer)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentOutOfRangeException.ThrowIfNegative(buffer);
        Transform = transform;
        Buffer = buffer;
        ClipEnvelope = new Envelope(-buffer, transform.Extent + buffer, -buffer, transform.Extent + buffer);
    }

    /// <summary>Maps the tile's CRS to its grid.</summary>
    public TileTransform Transform { get; }

    /// <summary>Grid units kept beyond each tile edge.</summary>
    public int Buffer { get; }

    /// <summary>The layers added so far, in order, empty ones included.</summary>
    public IReadOnlyList<MvtLayerBuilder> Layers => _layers;

    /// <summary>True when no layer has a feature, i.e. the tile would be zero bytes.</summary>
    public bool IsEmpty => _layers.TrueForAll(l => l.FeatureCount == 0);

    // The tile plus its buffer, in grid units.
    internal Envelope ClipEnvelope { get; }

    /// <summary>Starts a layer; names must be unique in a tile (spec 4.1).</summary>
    /// <exception cref="ArgumentException">The name is empty or already used in this tile.</exception>
    public MvtLayerBuilder AddLayer(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_layers.Exists(l => l.Name == name))
            throw new ArgumentException($"The tile already has a layer named {name}.", nameof(name));
        var layer = new MvtLayerBuilder(this, name);
        _layers.Add(layer);
        return layer;
    }

    /// <summary>The encoded tile; empty (zero bytes) when no layer has a feature.</summary>
    public byte[] ToArray() => Encode().WrittenSpan.ToArray();

    /// <summary>Writes the encoded tile to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encode().WrittenSpan);
    }

    private ProtobufWriter Encode()
    {
        var tile = new ProtobufWriter(4096);
        var scratch = new ProtobufWriter(4096);
        foreach (var layer in _layers)
        {
            if (layer.FeatureCount > 0)
                layer.WriteTo(tile, scratch);
        }
        return tile;
    }
}
