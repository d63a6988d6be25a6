namespace GeoServer.Tiles.Rendering;

/// <summary>
/// The polygonal marker shapes as (x, y) pairs on a shape of radius 1 centred on the origin (y down): the canvas
/// scales them by half the marker size. Circle and square are drawn by Cairo directly.
/// </summary>
internal static class MarkerOutlines
{
    /// <summary>Apex up, base on the bottom edge of the square the marker fills.</summary>
    public static readonly double[] Triangle = [0, -1, 1, 1, -1, 1];

    /// <summary>Five points, one up; inner radius of a regular star (1 / φ²).</summary>
    public static readonly double[] Star = StarPoints(0.381966);

    /// <summary>A plus sign with arms a quarter of the size wide.</summary>
    public static readonly double[] Cross = CrossPoints(0.25, 0);

    /// <summary>The cross turned by 45°.</summary>
    public static readonly double[] X = CrossPoints(0.25, Math.PI / 4);

    private static double[] StarPoints(double inner)
    {
        var points = new double[20];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? 1 : inner;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            points[2 * i] = radius * Math.Cos(angle);
            points[2 * i + 1] = radius * Math.Sin(angle);
        }
        return points;
    }

    private static double[] CrossPoints(double halfArm, double rotation)
    {
        double t = halfArm;
        double[] plus = [-t, -1, t, -1, t, -t, 1, -t, 1, t, t, t, t, 1, -t, 1, -t, t, -1, t, -1, -t, -t, -t];
        double cos = Math.Cos(rotation), sin = Math.Sin(rotation);
        for (var i = 0; i < plus.Length; i += 2)
            (plus[i], plus[i + 1]) = (plus[i] * cos - plus[i + 1] * sin, plus[i] * sin + plus[i + 1] * cos);
        return plus;
    }
}
