using GeoServer.Core.Spatial;

namespace GeoServer.Core.Sources;

/// <summary>
/// The grid a raster is read onto: an extent (x = east, y = north) in the CRS of EPSG code <see cref="Srid"/>,
/// split into Width × Height pixels.
/// </summary>
public sealed record RasterRequest(BBox Extent, int Srid, int Width, int Height)
{
    /// <summary>How source pixels become output pixels.</summary>
    public RasterResampling Resampling { get; init; } = RasterResampling.Bilinear;
}
