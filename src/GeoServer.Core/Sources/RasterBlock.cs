namespace GeoServer.Core.Sources;

/// <summary>
/// Pixels read from a raster onto a grid: every band as 32-bit floats and an alpha mask (255 where the raster has
/// data, 0 outside it and on nodata, between at resampled edges), row by row from the top-left.
/// </summary>
public sealed class RasterBlock(int width, int height, float[][] bands, byte[] alpha)
{
    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>Band values, indexed [band - 1][row * Width + column].</summary>
    public float[][] Bands { get; } = bands;

    /// <summary>Coverage, indexed [row * Width + column].</summary>
    public byte[] Alpha { get; } = alpha;
}
