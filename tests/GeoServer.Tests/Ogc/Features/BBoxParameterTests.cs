using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Features;

namespace GeoServer.Tests.Ogc.Features;

public sealed class BBoxParameterTests
{
    private static CrsDefinition Crs(string name) => CrsRegistry.Default.Find(name)!;

    [Theory]
    [InlineData("105.3,20.2,106.9,21.4", "OGC:CRS84", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("105.3,20.2,-10,106.9,21.4,2000", "OGC:CRS84", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("-180,-90,180,90", "OGC:CRS84", -180, -90, 180, 90)]
    [InlineData("1.053e2,2.02E1,106.9,21.4", "OGC:CRS84", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("20.2,105.3,21.4,106.9", "EPSG:4326", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("20.2,105.3,0,21.4,106.9,100", "EPSG:4326", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("20.2,105.3,21.4,106.9", "EPSG:4756", 105.3, 20.2, 106.9, 21.4)]
    [InlineData("580000,2320000,600000,2340000", "EPSG:3405", 580000, 2320000, 600000, 2340000)]
    [InlineData("11780000,2390000,11800000,2400000", "EPSG:3857", 11780000, 2390000, 11800000, 2400000)]
    public void A_box_is_read_in_the_axis_order_of_its_CRS_and_returned_east_north(
        string text, string crs, double minX, double minY, double maxX, double maxY)
    {
        var box = BBoxParameter.Parse(text, Crs(crs));

        Assert.Equal(new BBox(minX, minY, maxX, maxY), box);
    }

    [Theory]
    [InlineData("105.3,20.2,106.9")] // three numbers
    [InlineData("105.3,20.2,106.9,21.4,5")] // five numbers
    [InlineData("1,2,3,4,5,6,7,8")]
    [InlineData("")]
    [InlineData("a,b,c,d")]
    [InlineData("105.3,20.2,106.9,")] // an empty number
    [InlineData("105,3;20,2;106,9;21,4")]
    [InlineData("NaN,20.2,106.9,21.4")]
    [InlineData("105.3,20.2,Infinity,21.4")]
    [InlineData("105.3,21.4,106.9,20.2")] // lower corner north of the upper
    [InlineData("170,20,-170,21")] // crosses the antimeridian
    [InlineData("105,-91,106,21")] // latitude out of range
    [InlineData("105,20,106,90.5")]
    public void An_invalid_CRS84_box_is_a_400_naming_bbox(string text)
    {
        var e = Assert.Throws<OgcException>(() => BBoxParameter.Parse(text, CrsRegistry.Default.Crs84));

        Assert.Equal(400, e.Status);
        Assert.Equal("bbox", e.Parameter);
        Assert.Contains("bbox", e.Message);
    }

    [Theory]
    [InlineData("105.3,20.2,106.9,21.4")] // longitudes where EPSG:4326 wants latitudes
    [InlineData("21.4,105.3,20.2,106.9")] // lower latitude above the upper
    public void An_EPSG_4326_box_given_longitude_first_is_a_400_naming_bbox(string text)
    {
        var e = Assert.Throws<OgcException>(() => BBoxParameter.Parse(text, Crs("EPSG:4326")));

        Assert.Equal(400, e.Status);
        Assert.Equal("bbox", e.Parameter);
    }

    [Fact]
    public void A_projected_box_is_not_held_to_latitude_limits()
    {
        var box = BBoxParameter.Parse("500000,-100,600000,2340000", Crs("EPSG:3405"));

        Assert.Equal(new BBox(500000, -100, 600000, 2340000), box);
    }
}
