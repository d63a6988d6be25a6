using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace GeoServer.Core.Spatial;

/// <summary>
/// Reads Well-Known Binary (OGC/ISO, with PostGIS's EWKB flags understood) straight from a span into geometries
/// whose coordinates are packed double arrays. The stores read thousands of geometries per map tile, and
/// NetTopologySuite's WKBReader goes through a stream and a Coordinate object per point. Stateless and thread-safe.
/// </summary>
public static class WkbGeometryReader
{
    private static readonly GeometryFactory Factory = new(PackedCoordinateSequenceFactory.DoubleFactory);

    /// <summary>The geometry; throws <see cref="FormatException"/> on malformed or unsupported WKB (curves, TINs).</summary>
    public static Geometry Read(ReadOnlySpan<byte> wkb)
    {
        int position = 0;
        var geometry = ReadGeometry(wkb, ref position);
        return geometry;
    }

    private static Geometry ReadGeometry(ReadOnlySpan<byte> wkb, ref int position)
    {
        bool little = Byte(wkb, ref position) == 1;
        uint code = UInt(wkb, ref position, little);
        // EWKB flags (PostGIS), then ISO's thousands for Z (1000), M (2000) and ZM (3000).
        bool z = (code & 0x80000000) != 0, m = (code & 0x40000000) != 0;
        if ((code & 0x20000000) != 0) position += 4;   // an EWKB SRID: the store knows the SRID
        code &= 0x0FFFFFFF;
        switch (code / 1000)
        {
            case 1: z = true; break;
            case 2: m = true; break;
            case 3: z = m = true; break;
        }
        int dimension = 2 + (z ? 1 : 0) + (m ? 1 : 0), measures = m ? 1 : 0;
        switch (code % 1000)
        {
            case 1:
                var point = Sequence(wkb, ref position, little, 1, dimension, measures);
                return double.IsNaN(point.GetX(0)) && double.IsNaN(point.GetY(0)) ? Factory.CreatePoint() : Factory.CreatePoint(point);
            case 2:
                return Factory.CreateLineString(Sequence(wkb, ref position, little, Count(wkb, ref position, little), dimension, measures));
            case 3:
                return Polygon(wkb, ref position, little, dimension, measures);
            case 4:
                return Factory.CreateMultiPoint(Members(wkb, ref position, little).Cast<Point>().ToArray());
            case 5:
                return Factory.CreateMultiLineString(Members(wkb, ref position, little).Cast<LineString>().ToArray());
            case 6:
                return Factory.CreateMultiPolygon(Members(wkb, ref position, little).Cast<Polygon>().ToArray());
            case 7:
                return Factory.CreateGeometryCollection(Members(wkb, ref position, little));
            default:
                throw new FormatException($"WKB geometry type {code} is not supported.");
        }
    }

    private static Polygon Polygon(ReadOnlySpan<byte> wkb, ref int position, bool little, int dimension, int measures)
    {
        int rings = Count(wkb, ref position, little);
        if (rings == 0) return Factory.CreatePolygon();
        var shell = Factory.CreateLinearRing(Sequence(wkb, ref position, little, Count(wkb, ref position, little), dimension, measures));
        var holes = new LinearRing[rings - 1];
        for (int i = 0; i < holes.Length; i++)
            holes[i] = Factory.CreateLinearRing(Sequence(wkb, ref position, little, Count(wkb, ref position, little), dimension, measures));
        return Factory.CreatePolygon(shell, holes);
    }

    private static Geometry[] Members(ReadOnlySpan<byte> wkb, ref int position, bool little)
    {
        var members = new Geometry[Count(wkb, ref position, little)];
        for (int i = 0; i < members.Length; i++) members[i] = ReadGeometry(wkb, ref position);
        return members;
    }

    private static CoordinateSequence Sequence(ReadOnlySpan<byte> wkb, ref int position, bool little, int count, int dimension, int measures)
    {
        int values = count * dimension;
        if (position + values * 8 > wkb.Length) throw new FormatException("WKB ends inside a coordinate list.");
        var coordinates = new double[values];
        var source = wkb.Slice(position, values * 8);
        for (int i = 0; i < values; i++)
            coordinates[i] = little ? BinaryPrimitives.ReadDoubleLittleEndian(source[(i * 8)..]) : BinaryPrimitives.ReadDoubleBigEndian(source[(i * 8)..]);
        position += values * 8;
        return new PackedDoubleCoordinateSequence(coordinates, dimension, measures);
    }

    private static int Count(ReadOnlySpan<byte> wkb, ref int position, bool little)
    {
        uint count = UInt(wkb, ref position, little);
        // Each element takes at least 8 bytes, so a count beyond what is left is a broken (or hostile) blob.
        if (count > (uint)(wkb.Length - position) / 8 + 1) throw new FormatException("WKB count exceeds the data.");
        return (int)count;
    }

    private static byte Byte(ReadOnlySpan<byte> wkb, ref int position) =>
        position < wkb.Length ? wkb[position++] : throw new FormatException("WKB ends early.");

    private static uint UInt(ReadOnlySpan<byte> wkb, ref int position, bool little)
    {
        if (position + 4 > wkb.Length) throw new FormatException("WKB ends early.");
        uint value = little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[position..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[position..]);
        position += 4;
        return value;
    }
}
