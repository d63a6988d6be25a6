namespace GeoServer.Core.Crs;

/// <summary>
/// WGS 84 longitude/latitude to and from EPSG:3857 (Pseudo-Mercator: the spherical formulas on the WGS 84 semi-major
/// axis, EPSG method 1024), in closed form. The pair every web map asks for, so it skips ProjNET's general pipeline
/// (unit conversions and a chain of transforms per point); the results are the same to well under a millimetre.
/// </summary>
internal static class WebMercator
{
    private const double Radius = 6378137.0;
    private const double DegreesToRadians = Math.PI / 180.0;

    public static void Forward(ref double x, ref double y)
    {
        x *= DegreesToRadians * Radius;
        y = Radius * Math.Log(Math.Tan(Math.PI / 4 + y * DegreesToRadians / 2));
    }

    public static void Inverse(ref double x, ref double y)
    {
        x /= DegreesToRadians * Radius;
        y = (2 * Math.Atan(Math.Exp(y / Radius)) - Math.PI / 2) / DegreesToRadians;
    }
}
