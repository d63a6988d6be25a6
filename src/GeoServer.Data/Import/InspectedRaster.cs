namespace GeoServer.Data.Import;

/// <summary>A georeferenced, north-up raster in a CRS the server serves, within the size limit.</summary>
public sealed class InspectedRaster : InspectedFile
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int Bands { get; init; }
}
