namespace GeoServer.Core.Sources;

/// <summary>
/// A georeferenced raster (a GeoTIFF or COG, any file GDAL reads), opened once and shared by every request.
/// Implementations read only the pixels a request needs, from the overview nearest the output resolution.
/// </summary>
public interface IRasterSource
{
    RasterInfo Info { get; }

    /// <summary>
    /// The raster resampled onto the request's grid (its extent in its CRS, width × height pixels, reprojected on
    /// the fly), every band as 32-bit floats with an alpha mask that is 0 outside the data and on nodata.
    /// </summary>
    Task<RasterBlock> ReadAsync(RasterRequest request, CancellationToken ct);

    /// <summary>
    /// Every band's value at the full-resolution pixel holding the point (x = east, y = north, in the storage CRS);
    /// a band at nodata is null. Null when the point is outside the raster.
    /// </summary>
    Task<double?[]?> ValuesAtAsync(double x, double y, CancellationToken ct);

    /// <summary>
    /// The request's grid as a GeoTIFF file (DEFLATE-compressed, tiled): every band in the source's data type, with
    /// its nodata value, which also fills the grid beyond the raster.
    /// </summary>
    Task<byte[]> ExportGeoTiffAsync(RasterRequest request, CancellationToken ct);
}
