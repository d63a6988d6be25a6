using GeoServer.Core.Crs;

namespace GeoServer.Tests.Core.Crs;

/// <summary>
/// Transforms checked against PROJ 9.1.1's cs2cs, with explicit PROJ strings carrying the same +towgs84 as the
/// definitions so that PROJ cannot choose another VN-2000 transformation (it picks EPSG:5194 around Hồ Chí Minh
/// city). Expected values were printed by running, in bash:
/// <code>
/// VN2000="+ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278"
/// WGS84="+proj=longlat +datum=WGS84 +no_defs"
/// VN2000_GEO="+proj=longlat $VN2000 +no_defs"
/// UTM48="+proj=utm +zone=48 $VN2000 +units=m +no_defs"
/// UTM49="+proj=utm +zone=49 $VN2000 +units=m +no_defs"
/// TM3_105_00="+proj=tmerc +lat_0=0 +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 $VN2000 +units=m +no_defs"
/// TM3_105_45="+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 $VN2000 +units=m +no_defs"
/// TM3_107_45="+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0 $VN2000 +units=m +no_defs"
/// WEBMERC="+proj=webmerc +datum=WGS84 +no_defs"
/// </code>
/// and then the command in the comment above each row.
/// </summary>
public sealed class CrsTransformProjTests
{
    private const double Centimetre = 0.01;
    private const double GeographicTolerance = 1e-7;

    [Theory]
    // Hà Nội: echo "105.85 21.03" | cs2cs -f %.10f $WGS84 +to $VN2000_GEO
    [InlineData("OGC:CRS84", "EPSG:4756", 105.85, 21.03, 105.8481173175, 21.0309859356)]
    // Đà Nẵng: echo "108.2 16.05" | cs2cs -f %.10f $WGS84 +to $VN2000_GEO
    [InlineData("OGC:CRS84", "EPSG:4756", 108.2, 16.05, 108.1981787166, 16.0510236352)]
    // Hồ Chí Minh: echo "106.7 10.78" | cs2cs -f %.10f $WGS84 +to $VN2000_GEO
    [InlineData("OGC:CRS84", "EPSG:4756", 106.7, 10.78, 106.6982137430, 10.7810184914)]
    // Hà Nội: echo "105.85 21.03" | cs2cs -f %.10f $VN2000_GEO +to $WGS84
    [InlineData("EPSG:4756", "OGC:CRS84", 105.85, 21.03, 105.8518826727, 21.0290140353)]
    // Đà Nẵng: echo "108.2 16.05" | cs2cs -f %.10f $VN2000_GEO +to $WGS84
    [InlineData("EPSG:4756", "OGC:CRS84", 108.2, 16.05, 108.2018212694, 16.0489763464)]
    // Hồ Chí Minh: echo "106.7 10.78" | cs2cs -f %.10f $VN2000_GEO +to $WGS84
    [InlineData("EPSG:4756", "OGC:CRS84", 106.7, 10.78, 106.7017862464, 10.7789814972)]
    // Hà Nội: echo "105.85 21.03" | cs2cs -f %.4f $WGS84 +to $UTM48
    [InlineData("OGC:CRS84", "EPSG:3405", 105.85, 21.03, 588128.0276, 2325811.0314)]
    // Hồ Chí Minh: echo "106.7 10.78" | cs2cs -f %.4f $WGS84 +to $UTM48
    [InlineData("EPSG:4326", "EPSG:3405", 106.7, 10.78, 685680.4381, 1192281.5580)]
    // Đà Nẵng: echo "108.2 16.05" | cs2cs -f %.4f $WGS84 +to $UTM49
    [InlineData("OGC:CRS84", "EPSG:3406", 108.2, 16.05, 200203.0186, 1776607.2540)]
    // Hà Nội: echo "105.85 21.03" | cs2cs -f %.4f $WGS84 +to $TM3_105_00
    [InlineData("OGC:CRS84", "EPSG:5897", 105.85, 21.03, 588154.4766, 2326509.0539)]
    // Đà Nẵng: echo "108.2 16.05" | cs2cs -f %.4f $WGS84 +to $TM3_107_45
    [InlineData("OGC:CRS84", "EPSG:5899", 108.2, 16.05, 547953.9621, 1775163.7841)]
    // Hồ Chí Minh: echo "106.7 10.78" | cs2cs -f %.4f $WGS84 +to $TM3_105_45
    [InlineData("OGC:CRS84", "EPSG:9210", 106.7, 10.78, 603697.7625, 1192284.9097)]
    // Hà Nội: echo "588000 2326000" | cs2cs -f %.10f $UTM48 +to $WGS84
    [InlineData("EPSG:3405", "OGC:CRS84", 588000, 2326000, 105.8487776817, 21.0317134175)]
    // Hồ Chí Minh: echo "686000 1192000" | cs2cs -f %.10f $UTM48 +to $WGS84
    [InlineData("EPSG:3405", "EPSG:4326", 686000, 1192000, 106.7029074631, 10.7774386260)]
    // Đà Nẵng: echo "200000 1777000" | cs2cs -f %.10f $UTM49 +to $WGS84
    [InlineData("EPSG:3406", "OGC:CRS84", 200000, 1777000, 108.1980546580, 16.0535215003)]
    // Hà Nội: echo "588000 2326500" | cs2cs -f %.10f $TM3_105_00 +to $WGS84
    [InlineData("EPSG:5897", "OGC:CRS84", 588000, 2326500, 105.8485134808, 21.0299256438)]
    // Đà Nẵng: echo "548000 1775000" | cs2cs -f %.10f $TM3_107_45 +to $WGS84
    [InlineData("EPSG:5899", "OGC:CRS84", 548000, 1775000, 108.2004269352, 16.0485189138)]
    // Hồ Chí Minh: echo "603700 1192300" | cs2cs -f %.10f $TM3_105_45 +to $WGS84
    [InlineData("EPSG:9210", "OGC:CRS84", 603700, 1192300, 106.7000208866, 10.7801363559)]
    // Hà Nội: echo "105.85 21.03" | cs2cs -f %.4f $VN2000_GEO +to $TM3_105_00
    [InlineData("EPSG:4756", "EPSG:5897", 105.85, 21.03, 588350.7571, 2326400.9364)]
    // Hồ Chí Minh: echo "686000 1192000" | cs2cs -f %.4f $UTM48 +to $TM3_105_45
    [InlineData("EPSG:3405", "EPSG:9210", 686000, 1192000, 604016.6356, 1192002.5680)]
    // Hà Nội: echo "105.85 21.03" | cs2cs -f %.4f $WGS84 +to $WEBMERC
    [InlineData("OGC:CRS84", "EPSG:3857", 105.85, 21.03, 11783168.1005, 2395456.1271)]
    // Đà Nẵng: echo "12044769 1810514" | cs2cs -f %.10f $WEBMERC +to $WGS84
    [InlineData("EPSG:3857", "OGC:CRS84", 12044769, 1810514, 108.2000008639, 16.0500019705)]
    public void Transforms_match_PROJ_cs2cs(string from, string to, double x, double y, double expectedX, double expectedY)
    {
        var registry = CrsRegistry.Default;
        var target = registry.Find(to)!;
        var transform = registry.GetTransform(registry.Find(from)!, target);

        transform.Transform(ref x, ref y);

        var tolerance = target.IsGeographic ? GeographicTolerance : Centimetre;
        Assert.InRange(x, expectedX - tolerance, expectedX + tolerance);
        Assert.InRange(y, expectedY - tolerance, expectedY + tolerance);
    }
}
