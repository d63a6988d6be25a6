using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoServer.Tests.Core.Spatial;

public sealed class WkbGeometryReaderTests
{
    [Theory]
    [InlineData("POINT (105.85 21.03)")]
    [InlineData("POINT EMPTY")]
    [InlineData("LINESTRING (0 0, 1 1, 2 0.5)")]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")]
    [InlineData("POLYGON EMPTY")]
    [InlineData("MULTIPOINT ((1 2), (3 4))")]
    [InlineData("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))")]
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")]
    [InlineData("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))")]
    [InlineData("POINT Z (1 2 3)")]
    [InlineData("LINESTRING Z (0 0 5, 1 1 6)")]
    public void WKB_written_by_NetTopologySuite_reads_back_equal(string wkt)
    {
        var geometry = new WKTReader().Read(wkt);
        foreach (var order in new[] { ByteOrder.LittleEndian, ByteOrder.BigEndian })
        {
            var wkb = new WKBWriter(order, handleSRID: false, emitZ: geometry.Coordinate is { } c && !double.IsNaN(c.Z), emitM: false).Write(geometry);

            var read = WkbGeometryReader.Read(wkb);

            Assert.Equal(geometry.GeometryType, read.GeometryType);
            Assert.True(geometry.EqualsExact(read), $"{wkt} came back as {read}");
            if (!geometry.IsEmpty && !double.IsNaN(geometry.Coordinate.Z)) Assert.Equal(geometry.Coordinate.Z, read.Coordinate.Z);
        }
    }

    [Fact]
    public void PostGIS_EWKB_with_an_SRID_and_a_Z_flag_is_understood()
    {
        var point = new GeometryFactory().CreatePoint(new CoordinateZ(105.5, 21.0, 12));
        point.SRID = 4326;
        var ewkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: true) { Strict = false }.Write(point);

        var read = (Point)WkbGeometryReader.Read(ewkb);

        Assert.Equal((105.5, 21.0, 12.0), (read.X, read.Y, read.Coordinate.Z));
    }

    [Fact]
    public void ISO_WKB_with_measures_keeps_x_and_y()
    {
        // LINESTRING M (0 0 7, 1 1 8), ISO type 2002, little endian.
        var wkb = new List<byte> { 1 };
        wkb.AddRange(BitConverter.GetBytes(2002u));
        wkb.AddRange(BitConverter.GetBytes(2u));
        foreach (var v in new[] { 0.0, 0, 7, 1, 1, 8 }) wkb.AddRange(BitConverter.GetBytes(v));

        var read = WkbGeometryReader.Read(wkb.ToArray());

        Assert.Equal("LINESTRING (0 0, 1 1)", read.AsText());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 0, 0 })]
    [InlineData(new byte[] { 1, 2, 0, 0, 0, 255, 255, 255, 127 })]     // a line claiming 2^31 points
    [InlineData(new byte[] { 1, 17, 0, 0, 0 })]                        // a TIN-like type this reader does not know
    public void Broken_or_unsupported_WKB_is_a_format_error(byte[] wkb)
    {
        Assert.Throws<FormatException>(() => WkbGeometryReader.Read(wkb));
    }
}
