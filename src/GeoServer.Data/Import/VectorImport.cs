using GeoServer.Data.Gdal;

namespace GeoServer.Data.Import;

/// <summary>
/// Copies an inspected vector layer with ogr2ogr (GDALVectorTranslate) into a GeoPackage file or a PostGIS table,
/// staged under a temporary name: the attributes as GDAL reads them, the geometry type and CRS found by inspection
/// (the EPSG code assigned, never reprojected), an integer key "fid", geometry column "geom" and a spatial index
/// (the GeoPackage R-tree, a PostGIS GiST). All features are written or none: ogr2ogr stops at the first failure.
/// </summary>
public static class VectorImport
{
    /// <summary>Writes the layer as table <paramref name="name"/> of a new GeoPackage staged beside <paramref name="finalPath"/>.</summary>
    public static StagedFile ToGeoPackage(InspectedVector source, string name, string finalPath)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        Directory.CreateDirectory(folder);
        var staged = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.gpkg");
        var result = new StagedFile(staged, finalPath, "geopackage");
        try
        {
            Translate(source, staged, ["-f", "GPKG", "-nln", name, "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=YES"]);
            return result;
        }
        catch
        {
            StagedFile.Delete(staged);
            throw;
        }
    }

    /// <summary>Loads the layer into a new table of <paramref name="schema"/>, staged under a temporary name next to <paramref name="name"/>.</summary>
    public static async Task<StagedTable> ToPostGisAsync(InspectedVector source, string connectionString, string schema, string name, CancellationToken ct)
    {
        string staged = $"{name}_imp_{Guid.NewGuid().ToString("N")[..8]}";
        var result = new StagedTable(connectionString, schema, staged, name);
        try
        {
            Translate(source, LibpqConnectionString.ToGdal(connectionString),
                ["-f", "PostgreSQL", "-nln", staged, "-lco", "SCHEMA=" + schema, "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid",
                 "-lco", "SPATIAL_INDEX=GIST", "-lco", "LAUNDER=YES"]);
            return result;
        }
        catch
        {
            // A COPY cut short can leave the created table behind.
            await result.DisposeAsync();
            throw;
        }
    }

    private static void Translate(InspectedVector source, string destination, string[] format)
    {
        try
        {
            using var dataset = GdalDataset.OpenVector(source.Path, source.OpenOptions, ImportFormats.VectorDrivers);
            using var written = dataset.VectorTranslate(destination,
            [
                .. format,
                "-nlt", source.GeometryType, "-dim", source.Dimension, "-a_srs", "EPSG:" + source.Srid,
                // Features go in batches of one transaction each; with the staging name, a failure mid-way is dropped whole.
                "-gt", "65536",
                source.SourceLayer,
            ]);
        }
        catch (GdalException e)
        {
            throw new ImportException(ImportFailure.Unprocessable,
                $"'{source.FileName}' could not be copied: {ImportInspector.Quiet(e.GdalMessage, source.Path, source.FileName)}");
        }
    }
}
