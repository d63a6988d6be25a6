using GeoServer.Data.Gdal;

namespace GeoServer.Data.Import;

/// <summary>
/// Converts an inspected raster to a Cloud Optimized GeoTIFF (gdal_translate -of COG: tiled, with overviews, deflate
/// compressed), staged beside its final name; the CRS found by inspection is assigned, the pixels are not resampled.
/// </summary>
public static class RasterImport
{
    public static StagedFile ToCog(InspectedRaster source, string name, string finalPath)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        Directory.CreateDirectory(folder);
        var staged = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tif");
        try
        {
            using var dataset = GdalDataset.OpenRaster(source.Path, ImportFormats.RasterDrivers);
            using var written = dataset.Translate(staged, ["-of", "COG", "-co", "COMPRESS=DEFLATE", "-a_srs", "EPSG:" + source.Srid]);
            return new StagedFile(staged, finalPath, "gdal");
        }
        catch (GdalException e)
        {
            StagedFile.Delete(staged);
            throw new ImportException(ImportFailure.Unprocessable,
                $"'{source.FileName}' could not be converted to a COG: {ImportInspector.Quiet(e.GdalMessage, source.Path, source.FileName)}");
        }
        catch
        {
            StagedFile.Delete(staged);
            throw;
        }
    }
}
