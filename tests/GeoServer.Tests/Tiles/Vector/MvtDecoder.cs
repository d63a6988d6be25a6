namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// Reads a Mapbox Vector Tile back for the tests, following the spec (2.1) independently of the encoder, and
/// fails on malformed command streams: counts that run past the end, LineTo without a MoveTo, zero-length LineTo
/// segments, and rings without ClosePath.
/// </summary>
internal static class MvtDecoder
{
    public static List<DecodedLayer> Decode(byte[] tile)
    {
        var layers = new List<DecodedLayer>();
        var reader = new ProtoReader(tile);
        while (reader.More)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 3 && wire == 2)
                layers.Add(ReadLayer(reader.ReadMessage()));
            else
                reader.Skip(wire);
        }
        return layers;
    }

    private static DecodedLayer ReadLayer(ProtoReader r)
    {
        string? name = null;
        uint version = 1, extent = 4096;
        List<string> keys = [];
        List<object> values = [];
        List<int> valueFields = [];
        List<DecodedFeature> features = [];
        while (r.More)
        {
            var (field, wire) = r.ReadTag();
            switch (field)
            {
                case 1: name = r.ReadString(); break;
                case 2: features.Add(ReadFeature(r.ReadMessage())); break;
                case 3: keys.Add(r.ReadString()); break;
                case 4:
                    var (value, valueField) = ReadValue(r.ReadMessage());
                    values.Add(value);
                    valueFields.Add(valueField);
                    break;
                case 5: extent = (uint)r.ReadVarint(); break;
                case 15: version = (uint)r.ReadVarint(); break;
                default: r.Skip(wire); break;
            }
        }
        return new DecodedLayer(name ?? throw new InvalidDataException("A layer has no name."), version, extent, keys, values, valueFields, features);
    }

    private static (object Value, int Field) ReadValue(ProtoReader r)
    {
        object? value = null;
        var last = 0;
        while (r.More)
        {
            var (field, wire) = r.ReadTag();
            last = field;
            value = field switch
            {
                1 => r.ReadString(),
                2 => r.ReadFloat(),
                3 => r.ReadDouble(),
                4 => (long)r.ReadVarint(),
                5 => r.ReadVarint(),
                6 => UnZigZag(r.ReadVarint()),
                7 => r.ReadVarint() != 0,
                _ => throw new InvalidDataException($"Unknown value field {field} (wire {wire})."),
            };
        }
        return (value ?? throw new InvalidDataException("An empty value."), last);
    }

    private static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static DecodedFeature ReadFeature(ProtoReader r)
    {
        ulong? id = null;
        int type = 0;
        List<uint> tags = [], geometry = [];
        while (r.More)
        {
            var (field, wire) = r.ReadTag();
            switch (field)
            {
                case 1: id = r.ReadVarint(); break;
                case 2: tags = r.ReadPacked(); break;
                case 3: type = (int)r.ReadVarint(); break;
                case 4: geometry = r.ReadPacked(); break;
                default: r.Skip(wire); break;
            }
        }
        if (tags.Count % 2 != 0)
            throw new InvalidDataException("Odd number of tags.");
        var feature = new DecodedFeature(id, type, tags, geometry);
        DecodeGeometry(feature);
        return feature;
    }

    private static void DecodeGeometry(DecodedFeature f)
    {
        int x = 0, y = 0, i = 0;
        List<(int X, int Y)>? part = null;
        while (i < f.Geometry.Count)
        {
            var command = f.Geometry[i++];
            uint id = command & 7, count = command >> 3;
            f.Commands.Add((id, count));
            switch (id)
            {
                case 1:
                    for (var k = 0; k < count; k++)
                    {
                        x += UnZigZag32(f.Geometry[i++]);
                        y += UnZigZag32(f.Geometry[i++]);
                        part = [(x, y)];
                        f.Parts.Add(part);
                    }
                    break;
                case 2:
                    if (part is null)
                        throw new InvalidDataException("LineTo before MoveTo.");
                    for (var k = 0; k < count; k++)
                    {
                        int dx = UnZigZag32(f.Geometry[i++]), dy = UnZigZag32(f.Geometry[i++]);
                        if (dx == 0 && dy == 0)
                            throw new InvalidDataException("A zero-length LineTo segment.");
                        x += dx;
                        y += dy;
                        part.Add((x, y));
                    }
                    break;
                case 7:
                    if (count != 1 || f.Type != 3 || part is null || part.Count < 3)
                        throw new InvalidDataException("A ClosePath out of place.");
                    break;
                default:
                    throw new InvalidDataException($"Unknown command {id}.");
            }
        }
        if (f.Type == 3 && f.Commands.Count(c => c.Id == 7) != f.Commands.Count(c => c.Id == 1))
            throw new InvalidDataException("A ring without ClosePath.");
    }

    private static int UnZigZag32(uint v) => (int)(v >> 1) ^ -(int)(v & 1);
}
