using System.Buffers.Binary;
using System.Text;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// The little of the protocol buffers wire format a Mapbox Vector Tile needs: varints, zigzag, fixed 32/64-bit
/// and length-delimited fields, written into one growable byte array that is reused between tiles.
/// </summary>
/// <remarks>
/// Hand-written rather than Google.Protobuf: the MVT schema is fixed and tiny (three messages and a value union),
/// a generated model would build a full object graph per tile only to serialise it once, and writing straight to
/// bytes keeps the per-feature cost to appending to arrays, with no extra package in the dependency graph.
/// </remarks>
internal sealed class ProtobufWriter
{
    private const int VarintWire = 0;
    private const int Fixed64Wire = 1;
    private const int LengthWire = 2;
    private const int Fixed32Wire = 5;

    private byte[] _buffer;
    private int _length;

    public ProtobufWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Zigzag-encodes a signed 32-bit value as MVT geometry parameters require (spec 4.3.2).</summary>
    public static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    /// <summary>Zigzag-encodes a signed 64-bit value, as the <c>sint64</c> field type does.</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    public void WriteVarintField(int field, ulong value)
    {
        WriteTag(field, VarintWire);
        WriteVarint(value);
    }

    public void WriteDoubleField(int field, double value)
    {
        WriteTag(field, Fixed64Wire);
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteFloatField(int field, float value)
    {
        WriteTag(field, Fixed32Wire);
        Ensure(4);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    public void WriteStringField(int field, string value)
    {
        WriteTag(field, LengthWire);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)byteCount);
        Ensure(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void WriteBytesField(int field, ReadOnlySpan<byte> bytes)
    {
        WriteTag(field, LengthWire);
        WriteVarint((ulong)bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>A packed repeated uint32 field: one length prefix, then the varints.</summary>
    public void WritePackedField(int field, List<uint> values)
    {
        if (values.Count == 0)
            return;
        var size = 0;
        foreach (var v in values)
            size += VarintSize(v);
        WriteTag(field, LengthWire);
        WriteVarint((ulong)size);
        Ensure(size);
        foreach (var v in values)
            WriteVarint(v);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void WriteTag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
            return;
        var size = Math.Max(_buffer.Length * 2, _length + more);
        Array.Resize(ref _buffer, size);
    }
}
