using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Draws a raster layer's pixels: three bands as red, green and blue with a linear contrast stretch, or one band
/// through a colour ramp (<see cref="ColorMap"/>) or as grey, optionally shaded as relief (<see cref="Hillshade"/>).
/// </summary>
public sealed class RasterSymbolizer : Symbolizer
{
    /// <summary>
    /// 1-based band numbers: three for red, green, blue; one for a ramp, grey or hillshade. Null: the raster's
    /// Red/Green/Blue bands when it has them, else its first band.
    /// </summary>
    public IReadOnlyList<int>? Bands { get; init; }

    /// <summary>Values drawn darkest and brightest, per band listed (one value applies to all); null: the band's range (byte bands: 0–255).</summary>
    public IReadOnlyList<double>? Min { get; init; }
    public IReadOnlyList<double>? Max { get; init; }

    /// <summary>A colour ramp for one band: colours at values, interpolated between, clamped at the ends.</summary>
    public IReadOnlyList<ColorMapEntry>? ColorMap { get; init; }

    /// <summary>Shades the band as relief lit from <see cref="Azimuth"/>/<see cref="Altitude"/> (degrees); multiplies a ramp when there is one.</summary>
    public bool Hillshade { get; init; }
    public double Azimuth { get; init; } = 315;
    public double Altitude { get; init; } = 45;

    /// <summary>Vertical exaggeration of the relief (values are taken to be metres).</summary>
    public double ZFactor { get; init; } = 1;

    public double Opacity { get; init; } = 1;

    /// <summary>How pixels are resampled onto the map: nearest keeps class values exact; bilinear (default) is smooth.</summary>
    public RasterResampling Resampling { get; init; } = RasterResampling.Bilinear;
}
