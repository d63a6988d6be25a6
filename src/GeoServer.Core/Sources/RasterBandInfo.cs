namespace GeoServer.Core.Sources;

/// <summary>One band of a raster: its type, meaning, nodata value, value range and overviews.</summary>
public sealed record RasterBandInfo
{
    /// <summary>1-based band number, as GDAL and styles count them.</summary>
    public required int Index { get; init; }

    /// <summary>GDAL's data type name: Byte, Int16, UInt16, Int32, UInt32, Float32, Float64.</summary>
    public required string DataType { get; init; }

    /// <summary>What the band holds for display: Red, Green, Blue, Alpha, Gray, Undefined, …</summary>
    public required string ColorInterpretation { get; init; }
    public string? Description { get; init; }
    public double? NoData { get; init; }

    /// <summary>Smallest and largest value (approximate, from an overview), the default contrast stretch.</summary>
    public required double Min { get; init; }
    public required double Max { get; init; }

    /// <summary>Sizes of the reduced-resolution copies, largest first.</summary>
    public IReadOnlyList<(int Width, int Height)> Overviews { get; init; } = [];
}
