using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// One layer of a vector tile being built: features are clipped, encoded and appended as they are added, keys
/// and values are shared through the layer's tables. Obtained from <see cref="MvtTileBuilder.AddLayer"/>; not
/// thread-safe (one tile is built by one request).
/// </summary>
public sealed class MvtLayerBuilder
{
    private readonly MvtTileBuilder _tile;
    private readonly Dictionary<string, uint> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _keyOrder = [];
    private readonly Dictionary<MvtValue, uint> _values = [];
    private readonly List<MvtValue> _valueOrder = [];
    private readonly ProtobufWriter _features = new(1024);
    private readonly ProtobufWriter _feature = new();
    private readonly List<uint> _tags = [];
    private readonly List<uint> _commands = [];
    private readonly MvtGeometryEncoder _encoder = new();

    internal MvtLayerBuilder(MvtTileBuilder tile, string name)
    {
        _tile = tile;
        Name = name;
    }

    /// <summary>The layer's name, unique in its tile.</summary>
    public string Name { get; }

    /// <summary>Features written so far (features with nothing left after clipping are not counted).</summary>
    public int FeatureCount { get; private set; }

    /// <summary>
    /// Clips <paramref name="geometryInTileCrs"/> (x = east, y = north, in the CRS of the tile's bounds) to the
    /// tile plus its buffer, encodes it and its properties, and appends the feature. Null property values are
    /// left out (MVT has no null); see <see cref="MvtValue.TryFrom"/> for how values are typed. A geometry
    /// collection keeps only its parts of the highest dimension, since an MVT feature has one geometry type.
    /// </summary>
    /// <param name="id">The feature id; negative values are not written (MVT ids are unsigned).</param>
    /// <param name="geometryInTileCrs">The geometry in the tile's CRS.</param>
    /// <param name="properties">Names and values; a repeated name keeps its first value.</param>
    /// <returns>False when nothing of the geometry lies in the tile plus buffer, so no feature was written.</returns>
    public bool AddFeature(long id, Geometry geometryInTileCrs, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ArgumentNullException.ThrowIfNull(geometryInTileCrs);
        ArgumentNullException.ThrowIfNull(properties);
        if (geometryInTileCrs.IsEmpty)
            return false;
        var clip = _tile.ClipEnvelope;
        var transform = _tile.Transform;
        var bounds = transform.BufferedBounds(_tile.Buffer);
        var envelope = geometryInTileCrs.EnvelopeInternal;
        if (envelope.MinX > bounds.MaxX || envelope.MaxX < bounds.MinX || envelope.MinY > bounds.MaxY || envelope.MaxY < bounds.MinY)
            return false;

        var dimension = geometryInTileCrs.Dimension;
        var grid = transform.ToTileGrid(geometryInTileCrs);
        // Points are filtered by the encoder itself; lines and areas are cut here.
        var clipped = dimension == Dimension.Point ? grid : TileClipper.Clip(grid, clip, dimension);
        if (clipped is null)
            return false;
        var type = _encoder.Encode(clipped, dimension, clip, _commands);
        if (type == MvtGeometryType.Unknown)
            return false;

        _tags.Clear();
        foreach (var (key, value) in properties)
        {
            if (key is null || !MvtValue.TryFrom(value, out var mvtValue))
                continue;
            var keyIndex = KeyIndex(key);
            if (HasKey(keyIndex))
                continue;
            _tags.Add(keyIndex);
            _tags.Add(ValueIndex(mvtValue));
        }

        _feature.Clear();
        if (id >= 0)
            _feature.WriteVarintField(1, (ulong)id);
        _feature.WritePackedField(2, _tags);
        _feature.WriteVarintField(3, (ulong)type);
        _feature.WritePackedField(4, _commands);
        _features.WriteBytesField(2, _feature.WrittenSpan);
        FeatureCount++;
        return true;
    }

    /// <summary>Appends the <c>Layer</c> message (as field 3 of the tile) to <paramref name="tile"/>.</summary>
    internal void WriteTo(ProtobufWriter tile, ProtobufWriter scratch)
    {
        scratch.Clear();
        scratch.WriteVarintField(15, 2); // version 2 of the spec
        scratch.WriteStringField(1, Name);
        scratch.WriteRaw(_features.WrittenSpan);
        foreach (var key in _keyOrder)
            scratch.WriteStringField(3, key);
        var value = new ProtobufWriter(32);
        foreach (var v in _valueOrder)
        {
            value.Clear();
            v.WriteTo(value);
            scratch.WriteBytesField(4, value.WrittenSpan);
        }
        scratch.WriteVarintField(5, (ulong)_tile.Transform.Extent);
        tile.WriteBytesField(3, scratch.WrittenSpan);
    }

    private bool HasKey(uint keyIndex)
    {
        for (var i = 0; i < _tags.Count; i += 2)
        {
            if (_tags[i] == keyIndex)
                return true;
        }
        return false;
    }

    private uint KeyIndex(string key)
    {
        if (_keys.TryGetValue(key, out var index))
            return index;
        index = (uint)_keyOrder.Count;
        _keys.Add(key, index);
        _keyOrder.Add(key);
        return index;
    }

    private uint ValueIndex(MvtValue value)
    {
        if (_values.TryGetValue(value, out var index))
            return index;
        index = (uint)_valueOrder.Count;
        _values.Add(value, index);
        _valueOrder.Add(value);
        return index;
    }
}
