using System.Buffers.Binary;
using GeoServer.Core.Spatial;
using GeoServer.Data.GeoPackage;
using GeoServer.Tests.Support;
using NetTopologySuite.Geometries;

namespace GeoServer.Tests.Data.GeoPackage;

/// <summary>
/// Decoding of GeoPackage geometry blobs read from the sample files. Expected values were read from the same
/// blobs independently, with Python's struct module (header: "GP", version, flags, srs_id, envelope; then WKB).
/// </summary>
public sealed class GeoPackageGeometryTests
{
    // populated_places fid 2 "Hà Nội": header 47500001e6100000 (little endian, no envelope, SRS 4326).
    private static byte[] HaNoiPlace => SampleData.GeometryBlob("base.gpkg", "populated_places", 2);

    // land_parcels_synthetic fid 1: header 47500003 (little endian, xy envelope), WKB polygon of one 6-point ring.
    private static byte[] FirstParcel => SampleData.GeometryBlob("land.gpkg", "land_parcels_synthetic", 1);

    [Fact]
    public void A_point_blob_without_envelope_decodes_to_the_stored_coordinates()
    {
        var geometry = GeoPackageGeometry.Read(HaNoiPlace);

        var point = Assert.IsType<Point>(geometry);
        Assert.Equal(105.85247, point.X);
        Assert.Equal(21.0292095, point.Y);
    }

    [Fact]
    public void A_point_blob_without_envelope_has_no_header_envelope()
    {
        Assert.Null(GeoPackageGeometry.ReadEnvelope(HaNoiPlace));
    }

    [Fact]
    public void A_polygon_blob_decodes_to_its_ring_of_stored_vertices()
    {
        var polygon = Assert.IsType<Polygon>(GeoPackageGeometry.Read(FirstParcel));

        Assert.Equal(0, polygon.NumInteriorRings);
        Assert.Equal(6, polygon.ExteriorRing.NumPoints);
        Assert.Equal(new Coordinate(105.81898004393109, 21.140261587456454), polygon.ExteriorRing.GetCoordinateN(0));
        Assert.Equal(new Coordinate(105.8186933500789, 21.140205864169733), polygon.ExteriorRing.GetCoordinateN(1));
        Assert.Equal(new Coordinate(105.81875116027659, 21.14129805926434), polygon.ExteriorRing.GetCoordinateN(4));
    }

    [Fact]
    public void A_polygon_blob_header_envelope_is_read_as_min_x_min_y_max_x_max_y()
    {
        var envelope = GeoPackageGeometry.ReadEnvelope(FirstParcel);

        Assert.Equal(new BBox(105.81851109949775, 21.140205864169733, 105.81898004393109, 21.14129805926434), envelope);
    }

    [Fact]
    public void The_header_envelope_of_a_polygon_equals_the_envelope_of_its_decoded_geometry()
    {
        var blob = FirstParcel;

        var fromHeader = GeoPackageGeometry.ReadEnvelope(blob);
        var fromGeometry = BBox.FromEnvelope(GeoPackageGeometry.Read(blob).EnvelopeInternal);

        Assert.Equal(fromGeometry, fromHeader);
    }

    [Fact]
    public void A_multipolygon_province_decodes_with_every_vertex_and_its_envelope()
    {
        // vn_provinces_2025 fid 1 "Hà Nội": one polygon, one ring of 1153 points, header envelope
        // (minx 105.28695, maxx 106.018302, miny 20.564756, maxy 21.384203).
        var blob = SampleData.GeometryBlob("base.gpkg", "vn_provinces_2025", 1);

        var multi = Assert.IsType<MultiPolygon>(GeoPackageGeometry.Read(blob));

        Assert.Equal(1, multi.NumGeometries);
        Assert.Equal(1153, multi.NumPoints);
        Assert.Equal(new Coordinate(105.825669, 21.377581), ((Polygon)multi.GetGeometryN(0)).ExteriorRing.GetCoordinateN(0));
        Assert.Equal(new BBox(105.28695, 20.564756, 106.018302, 21.384203), GeoPackageGeometry.ReadEnvelope(blob));
    }

    [Fact]
    public void A_big_endian_header_gives_the_same_envelope_and_geometry()
    {
        var little = FirstParcel;
        var big = (byte[])little.Clone();
        big[3] = (byte)(little[3] & ~1);
        BinaryPrimitives.WriteInt32BigEndian(big.AsSpan(4), BinaryPrimitives.ReadInt32LittleEndian(little.AsSpan(4)));
        for (int offset = 8; offset < 40; offset += 8)
            BinaryPrimitives.WriteDoubleBigEndian(big.AsSpan(offset), BinaryPrimitives.ReadDoubleLittleEndian(little.AsSpan(offset)));

        Assert.Equal(GeoPackageGeometry.ReadEnvelope(little), GeoPackageGeometry.ReadEnvelope(big));
        Assert.True(GeoPackageGeometry.Read(little).EqualsExact(GeoPackageGeometry.Read(big)));
    }

    [Fact]
    public void A_blob_with_an_xyz_envelope_skips_all_six_envelope_values_before_the_WKB()
    {
        // Flags 0b0000_0101: little endian, envelope indicator 2 (minx, maxx, miny, maxy, minz, maxz); ISO WKB PointZ.
        var blob = new List<byte> { (byte)'G', (byte)'P', 0, 0b0000_0101 };
        blob.AddRange(BitConverter.GetBytes(4326));
        foreach (var d in new[] { 105.8, 105.8, 21.0, 21.0, 12.5, 12.5 }) blob.AddRange(BitConverter.GetBytes(d));
        blob.Add(1);
        blob.AddRange(BitConverter.GetBytes(1001u));
        foreach (var d in new[] { 105.8, 21.0, 12.5 }) blob.AddRange(BitConverter.GetBytes(d));

        var point = Assert.IsType<Point>(GeoPackageGeometry.Read(blob.ToArray()));

        Assert.Equal((105.8, 21.0, 12.5), (point.X, point.Y, point.Z));
        Assert.Equal(new BBox(105.8, 21.0, 105.8, 21.0), GeoPackageGeometry.ReadEnvelope(blob.ToArray()));
    }

    [Fact]
    public void A_blob_flagged_empty_decodes_to_an_empty_geometry()
    {
        // An empty point as GeoPackage 1.3 writes it: empty flag set, WKB point with NaN coordinates.
        var blob = new List<byte> { (byte)'G', (byte)'P', 0, 0b0001_0001 };
        blob.AddRange(BitConverter.GetBytes(4326));
        blob.Add(1);
        blob.AddRange(BitConverter.GetBytes(1u));
        blob.AddRange(BitConverter.GetBytes(double.NaN));
        blob.AddRange(BitConverter.GetBytes(double.NaN));

        var geometry = GeoPackageGeometry.Read(blob.ToArray());

        Assert.True(geometry.IsEmpty);
        Assert.Null(GeoPackageGeometry.ReadEnvelope(blob.ToArray()));
    }

    [Fact]
    public void The_empty_flag_wins_over_whatever_WKB_follows()
    {
        var blob = HaNoiPlace;
        blob[3] |= 0b0001_0000;

        Assert.True(GeoPackageGeometry.Read(blob).IsEmpty);
    }

    [Theory]
    [InlineData(0, (byte)'X')]
    [InlineData(1, (byte)'X')]
    [InlineData(0, (byte)0)]
    public void A_blob_without_the_GP_magic_is_a_FormatException(int index, byte value)
    {
        var blob = HaNoiPlace;
        blob[index] = value;

        Assert.Throws<FormatException>(() => GeoPackageGeometry.Read(blob));
        Assert.Throws<FormatException>(() => GeoPackageGeometry.ReadEnvelope(blob));
    }

    [Fact]
    public void Well_known_binary_without_a_GeoPackage_header_is_a_FormatException()
    {
        var wkb = HaNoiPlace[8..];

        Assert.Throws<FormatException>(() => GeoPackageGeometry.Read(wkb));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_blob_shorter_than_its_header_is_a_FormatException(int length)
    {
        var blob = FirstParcel[..length];

        Assert.Throws<FormatException>(() => GeoPackageGeometry.Read(blob));
    }

    [Fact]
    public void A_blob_whose_envelope_is_cut_short_is_a_FormatException()
    {
        var blob = FirstParcel[..30];

        Assert.Throws<FormatException>(() => GeoPackageGeometry.Read(blob));
        Assert.Throws<FormatException>(() => GeoPackageGeometry.ReadEnvelope(blob));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void An_invalid_envelope_indicator_is_a_FormatException(int indicator)
    {
        var blob = FirstParcel;
        blob[3] = (byte)((blob[3] & ~0b1110) | (indicator << 1));

        Assert.Throws<FormatException>(() => GeoPackageGeometry.Read(blob));
        Assert.Throws<FormatException>(() => GeoPackageGeometry.ReadEnvelope(blob));
    }
}
