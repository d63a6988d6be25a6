using GeoServer.Core.Crs;

namespace GeoServer.Tests.Core.Crs;

public sealed class CrsRegistryTests
{
    private static readonly CrsRegistry Registry = CrsRegistry.Default;

    [Theory]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326")]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/4326")]
    [InlineData("HTTP://WWW.OPENGIS.NET/def/crs/epsg/0/4326")]
    [InlineData("EPSG:4326")]
    [InlineData("epsg:4326")]
    [InlineData("urn:ogc:def:crs:EPSG::4326")]
    [InlineData("URN:OGC:DEF:CRS:EPSG:6.6:4326")]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326")]
    [InlineData("[EPSG:4326]")]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4326")]
    [InlineData(" EPSG:4326 ")]
    public void Find_accepts_every_spelling_of_EPSG_4326(string text)
    {
        var crs = Registry.Find(text);

        Assert.NotNull(crs);
        Assert.Same(Registry.FromEpsg(4326), crs);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4326", crs.Uri);
    }

    [Theory]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84")]
    [InlineData("urn:ogc:def:crs:OGC::CRS84")]
    [InlineData("OGC:CRS84")]
    [InlineData("ogc:crs84")]
    [InlineData("[OGC:CRS84]")]
    [InlineData("CRS:84")]
    public void Find_accepts_every_spelling_of_CRS84(string text)
    {
        Assert.Same(Registry.Crs84, Registry.Find(text));
    }

    [Theory]
    [InlineData("EPSG:3405", 3405)]
    [InlineData("urn:ogc:def:crs:EPSG::9210", 9210)]
    [InlineData("[EPSG:5899]", 5899)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4756", 4756)]
    public void Find_resolves_the_Vietnamese_CRSs_in_any_spelling(string text, int epsg)
    {
        Assert.Equal(epsg, Registry.Find(text)?.Epsg);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("4326")]
    [InlineData("EPSG:")]
    [InlineData("EPSG:abc")]
    [InlineData("EPSG:-4326")]
    [InlineData("EPSG:999999")]
    [InlineData("[EPSG:4326")]
    [InlineData("OGC:CRS83")]
    [InlineData("urn:ogc:def:crs:EPSG:1:2:4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/")]
    [InlineData("http://example.com/def/crs/EPSG/0/4326")]
    public void Find_gives_null_for_an_unknown_CRS(string? text)
    {
        Assert.Null(Registry.Find(text));
    }

    [Fact]
    public void FromEpsg_maps_4326_to_EPSG_4326_with_latitude_first()
    {
        var wgs84 = Registry.FromEpsg(4326);

        Assert.NotNull(wgs84);
        Assert.Equal(4326, wgs84.Epsg);
        Assert.True(wgs84.NorthingFirst);
        Assert.True(wgs84.IsGeographic);
        Assert.NotSame(Registry.Crs84, wgs84);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(6959)]
    [InlineData(32767)]
    public void FromEpsg_gives_null_for_a_code_not_served(int srid)
    {
        Assert.Null(Registry.FromEpsg(srid));
    }

    [Fact]
    public void CRS84_has_no_EPSG_code_and_puts_longitude_first()
    {
        Assert.Null(Registry.Crs84.Epsg);
        Assert.False(Registry.Crs84.NorthingFirst);
        Assert.True(Registry.Crs84.IsGeographic);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", Registry.Crs84.Uri);
    }

    [Theory]
    [InlineData(4326, true, true)]
    [InlineData(3857, false, false)]
    [InlineData(4756, true, true)]
    [InlineData(3405, false, false)]
    [InlineData(3406, false, false)]
    [InlineData(5896, false, false)]
    [InlineData(5897, false, false)]
    [InlineData(5898, false, false)]
    [InlineData(5899, false, false)]
    [InlineData(9205, false, false)]
    [InlineData(9210, false, false)]
    [InlineData(9218, false, false)]
    public void The_registry_serves_WGS_84_Web_Mercator_and_VN_2000(int epsg, bool geographic, bool northingFirst)
    {
        var crs = Registry.FromEpsg(epsg);

        Assert.NotNull(crs);
        Assert.Equal($"http://www.opengis.net/def/crs/EPSG/0/{epsg}", crs.Uri);
        Assert.Equal(geographic, crs.IsGeographic);
        Assert.Equal(northingFirst, crs.NorthingFirst);
        Assert.False(string.IsNullOrWhiteSpace(crs.Title));
    }

    [Fact]
    public void Every_provincial_TM_3_zone_EPSG_defines_is_served()
    {
        // EPSG 5899 and 9205-9218: the VN-2000 TM-3 zones at the provinces' official central meridians.
        var codes = Enumerable.Range(9205, 14).Append(5899);

        Assert.All(codes, code => Assert.StartsWith("VN-2000 / TM-3 ", Registry.FromEpsg(code)?.Title));
    }

    [Fact]
    public void Every_VN_2000_definition_carries_the_official_shift_in_Position_Vector_form()
    {
        // Decision 05/2007/QĐ-BTNMT publishes rotations in the Coordinate Frame convention (EPSG:6960);
        // WKT1 TOWGS84 is Position Vector, so the three rotations appear with their signs flipped.
        const string towgs84 =
            "TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]";
        var vn2000 = Registry.All.Where(crs => crs.Title.StartsWith("VN-2000", StringComparison.Ordinal)).ToList();

        Assert.Equal(21, vn2000.Count);
        Assert.All(vn2000, crs => Assert.Contains(towgs84, crs.Wkt, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_definition_has_a_unique_URI()
    {
        Assert.Equal(Registry.All.Count, Registry.All.Select(crs => crs.Uri).Distinct().Count());
    }

    [Fact]
    public void GetTransform_returns_the_same_instance_for_a_pair()
    {
        var from = Registry.Crs84;
        var to = Registry.FromEpsg(5897)!;

        Assert.Same(Registry.GetTransform(from, to), Registry.GetTransform(from, to));
        Assert.NotSame(Registry.GetTransform(from, to), Registry.GetTransform(to, from));
    }

    [Fact]
    public void Every_pair_of_definitions_transforms_a_point_in_Vietnam()
    {
        var hoanKiemLake = (X: 105.8522, Y: 21.0287);

        foreach (var from in Registry.All)
        {
            var (x, y) = hoanKiemLake;
            Registry.GetTransform(Registry.Crs84, from).Transform(ref x, ref y);
            foreach (var to in Registry.All)
            {
                var (tx, ty) = (x, y);
                var transform = Registry.GetTransform(from, to);
                transform.Transform(ref tx, ref ty);

                Registry.GetTransform(to, Registry.Crs84).Transform(ref tx, ref ty);
                Assert.True(Math.Abs(tx - hoanKiemLake.X) < 1e-6 && Math.Abs(ty - hoanKiemLake.Y) < 1e-6,
                    $"{from.Uri} -> {to.Uri} -> CRS84 gave ({tx}, {ty})");
            }
        }
    }
}
