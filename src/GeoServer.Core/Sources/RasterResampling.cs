namespace GeoServer.Core.Sources;

/// <summary>How a raster is resampled onto an output grid.</summary>
public enum RasterResampling
{
    /// <summary>The source pixel under each output pixel: exact values, blocky when enlarged (categories, classes).</summary>
    Nearest,

    /// <summary>Linear between the four nearest source pixels: smooth imagery and elevation.</summary>
    Bilinear,

    /// <summary>Cubic convolution over sixteen pixels: sharper than bilinear, slower.</summary>
    Cubic,

    /// <summary>Mean of the source pixels an output pixel covers: for strong reduction without aliasing.</summary>
    Average,
}
