using GeoServer.Core.Spatial;

namespace GeoServer.Core.Sources;

/// <summary>What a raster store tells about one raster when it is opened.</summary>
public sealed record RasterInfo
{
    /// <summary>The raster's name in its store; becomes the layer name.</summary>
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>Size of the full-resolution grid in pixels.</summary>
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>EPSG code of the raster's CRS.</summary>
    public required int Srid { get; init; }

    /// <summary>The raster's outer edges in its CRS.</summary>
    public required BBox Extent { get; init; }

    /// <summary>Ground size of a full-resolution pixel, in CRS units (x, and y as a positive number).</summary>
    public required double PixelSizeX { get; init; }
    public required double PixelSizeY { get; init; }

    public required IReadOnlyList<RasterBandInfo> Bands { get; init; }
}
