using System.Buffers.Binary;
using System.Text;

namespace GeoServer.Tests.Tiles.Vector;

/// <summary>A minimal protocol buffers reader for the test decoder, written from the wire format, not from the encoder.</summary>
internal sealed class ProtoReader(byte[] data, int start, int end)
{
    private int _position = start;

    public ProtoReader(byte[] data) : this(data, 0, data.Length) { }

    public bool More => _position < end;

    public (int Field, int Wire) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 63 || _position >= end)
                throw new InvalidDataException("Bad varint.");
            var b = data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
    }

    public ProtoReader ReadMessage()
    {
        var length = (int)ReadVarint();
        if (_position + length > end)
            throw new InvalidDataException("Length runs past the end.");
        var reader = new ProtoReader(data, _position, _position + length);
        _position += length;
        return reader;
    }

    public string ReadString()
    {
        var length = (int)ReadVarint();
        var s = Encoding.UTF8.GetString(data, _position, length);
        _position += length;
        return s;
    }

    public double ReadDouble()
    {
        var v = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(_position, 8));
        _position += 8;
        return v;
    }

    public float ReadFloat()
    {
        var v = BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(_position, 4));
        _position += 4;
        return v;
    }

    public List<uint> ReadPacked()
    {
        var inner = ReadMessage();
        var values = new List<uint>();
        while (inner.More)
            values.Add(checked((uint)inner.ReadVarint()));
        return values;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case 0: ReadVarint(); break;
            case 1: _position += 8; break;
            case 2: ReadMessage(); break;
            case 5: _position += 4; break;
            default: throw new InvalidDataException($"Unknown wire type {wire}.");
        }
    }
}
