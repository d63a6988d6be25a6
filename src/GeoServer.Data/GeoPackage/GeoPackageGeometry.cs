using System.Buffers.Binary;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoServer.Data.GeoPackage;

/// <summary>
/// Decodes GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3: a "GP" header with SRS id and optional
/// envelope, followed by ISO WKB) into NetTopologySuite geometries.
/// </summary>
public static class GeoPackageGeometry
{
    private const byte EmptyFlag = 0b0001_0000;
    private static readonly GeometryFactory Factory = new();

    /// <summary>The geometry in the blob; an empty geometry when the header says so; throws on a malformed blob.</summary>
    public static NetTopologySuite.Geometries.Geometry Read(byte[] blob)
    {
        int wkbStart = HeaderLength(blob);
        if ((blob[3] & EmptyFlag) != 0) return Factory.CreateGeometryCollection();
        return WkbGeometryReader.Read(blob.AsSpan(wkbStart));
    }

    /// <summary>The envelope stored in the header, or null when the blob carries none (points usually don't).</summary>
    public static BBox? ReadEnvelope(ReadOnlySpan<byte> blob)
    {
        HeaderLength(blob);
        if (EnvelopeLength(blob[3]) == 0) return null;
        bool little = (blob[3] & 1) == 1;
        // Envelope order in the header is minx, maxx, miny, maxy.
        return new BBox(D(blob, 8, little), D(blob, 24, little), D(blob, 16, little), D(blob, 32, little));
    }

    /// <summary>
    /// The blob GeoPackage stores for the geometry: standard header (version 0, little-endian, the xy envelope
    /// unless a point, the empty flag) and ISO WKB, 2D.
    /// </summary>
    public static byte[] Write(NetTopologySuite.Geometries.Geometry geometry, int srsId)
    {
        bool envelope = geometry is not Point && !geometry.IsEmpty;
        byte flags = (byte)(1 | (envelope ? 0b0010 : 0) | (geometry.IsEmpty ? EmptyFlag : 0));
        var wkb = new WKBWriter(ByteOrder.LittleEndian, false, false).Write(geometry);
        var blob = new byte[8 + (envelope ? 32 : 0) + wkb.Length];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[3] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srsId);
        if (envelope)
        {
            var e = geometry.EnvelopeInternal;
            BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(8), e.MinX);
            BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(16), e.MaxX);
            BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(24), e.MinY);
            BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(32), e.MaxY);
        }
        wkb.CopyTo(blob.AsSpan(blob.Length - wkb.Length));
        return blob;
    }

    /// <summary>Whether the blob holds an empty geometry (header flag, or a WKB with no coordinates).</summary>
    public static bool IsEmpty(byte[] blob) => (blob[3] & EmptyFlag) != 0 || Read(blob).IsEmpty;

    /// <summary>The geometry's envelope: from the header when it has one, else computed.</summary>
    public static BBox Envelope(byte[] blob) =>
        ReadEnvelope(blob) ?? BBox.FromEnvelope(Read(blob).EnvelopeInternal);

    private static double D(ReadOnlySpan<byte> blob, int offset, bool little) => little
        ? BinaryPrimitives.ReadDoubleLittleEndian(blob[offset..])
        : BinaryPrimitives.ReadDoubleBigEndian(blob[offset..]);

    private static int HeaderLength(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
            throw new FormatException("Not a GeoPackage geometry blob (missing the 'GP' magic).");
        int length = 8 + EnvelopeLength(blob[3]);
        if (blob.Length < length) throw new FormatException("GeoPackage geometry blob is shorter than its header.");
        return length;
    }

    private static int EnvelopeLength(byte flags) => ((flags >> 1) & 0b111) switch
    {
        0 => 0,
        1 => 32,
        2 or 3 => 48,
        4 => 64,
        var code => throw new FormatException($"Invalid GeoPackage envelope indicator {code}."),
    };
}
