using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// What a map shows: an extent (x = east, y = north, in <see cref="Crs"/>) drawn on an image of Width × Height
/// pixels. Maps the extent onto pixels (origin top-left, y down) and gives the OGC scale denominator.
/// </summary>
public sealed record MapFrame(BBox Extent, CrsDefinition Crs, int Width, int Height)
{
    /// <summary>The OGC "standardized rendering pixel" is 0.28 mm (WMS 1.3.0 7.2.4.6.9, SE 1.1 10.2).</summary>
    public const double StandardPixelMetres = 0.00028;

    /// <summary>Metres per degree on the WGS 84 equator, as the SLD/SE well-known scale sets use for degrees.</summary>
    private const double MetresPerDegree = 6378137 * Math.PI / 180;

    /// <summary>Map units per pixel along x.</summary>
    public double PixelWidth => (Extent.MaxX - Extent.MinX) / Width;

    /// <summary>Map units per pixel along y.</summary>
    public double PixelHeight => (Extent.MaxY - Extent.MinY) / Height;

    /// <summary>The scale denominator at which style rules are chosen.</summary>
    public double ScaleDenominator =>
        PixelWidth * (Crs.IsGeographic ? MetresPerDegree : 1) / StandardPixelMetres;

    /// <summary>Pixel column of a map x.</summary>
    public double ToPixelX(double x) => (x - Extent.MinX) / PixelWidth;

    /// <summary>Pixel row of a map y.</summary>
    public double ToPixelY(double y) => (Extent.MaxY - y) / PixelHeight;

    /// <summary>Map coordinates of a pixel centre.</summary>
    public (double X, double Y) ToMap(double column, double row) =>
        (Extent.MinX + column * PixelWidth, Extent.MaxY - row * PixelHeight);

    /// <summary>The extent grown by a margin in pixels on every side (symbols near the edge still draw).</summary>
    public BBox Grown(double pixels) => new(
        Extent.MinX - pixels * PixelWidth, Extent.MinY - pixels * PixelHeight,
        Extent.MaxX + pixels * PixelWidth, Extent.MaxY + pixels * PixelHeight);
}
