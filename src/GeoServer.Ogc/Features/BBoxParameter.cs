using System.Globalization;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Ogc.Common;

namespace GeoServer.Ogc.Features;

/// <summary>The "bbox" parameter (OGC API Features 7.15.3): 4 or 6 numbers, in the axis order of "bbox-crs".</summary>
public static class BBoxParameter
{
    public const string Name = "bbox";

    /// <summary>The box with X east and Y north, in <paramref name="crs"/>'s units.</summary>
    public static BBox Parse(string text, CrsDefinition crs)
    {
        var parts = text.Split(',');
        if (parts.Length is not (4 or 6))
            throw OgcException.BadParameter(Name, $"expected 4 or 6 comma-separated numbers, got {parts.Length}.");
        var n = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i]) || !double.IsFinite(n[i]))
                throw OgcException.BadParameter(Name, $"'{parts[i]}' is not a number.");
        int half = parts.Length / 2;
        // With 6 numbers the third and sixth are heights, which 2D layers ignore.
        double a1 = n[0], b1 = n[1], a2 = n[half], b2 = n[half + 1];
        var box = crs.NorthingFirst ? new BBox(b1, a1, b2, a2) : new BBox(a1, b1, a2, b2);
        if (box.MinY > box.MaxY)
            throw OgcException.BadParameter(Name, "the lower corner is north of the upper corner.");
        if (box.MinX > box.MaxX)
            throw OgcException.BadParameter(Name, "boxes crossing the antimeridian (minimum longitude greater than maximum) are not supported.");
        if (crs.IsGeographic && (box.MinY < -90 || box.MaxY > 90))
            throw OgcException.BadParameter(Name, "latitudes must lie between -90 and 90.");
        return box;
    }
}
