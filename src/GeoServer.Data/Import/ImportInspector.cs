using GeoServer.Data.Gdal;

namespace GeoServer.Data.Import;

/// <summary>
/// Looks at a file before anything is written: unpacks an archive safely, lets GDAL open it (vector first, then
/// raster, only through <see cref="ImportFormats"/>' drivers) and checks that it can be published as it is. Every
/// refusal is an <see cref="ImportException"/> saying what is wrong with the file and, where there is one, what to do.
/// </summary>
public static class ImportInspector
{
    /// <summary>
    /// Inspects <paramref name="path"/>, known to the importer as <paramref name="fileName"/>; an archive is unpacked
    /// into <paramref name="workFolder"/> (a folder of the import's own, deleted afterwards by the caller).
    /// </summary>
    public static InspectedFile Inspect(string path, string fileName, string workFolder, ImportSettings settings)
    {
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        string defaultName = LayerName.Sanitise(Path.GetFileNameWithoutExtension(fileName));
        if (ImportFormats.IsArchive(extension))
        {
            var unpacked = Path.Combine(workFolder, "unpacked");
            SafeArchive.Extract(path, unpacked, fileName, settings.Limits);
            path = Locate(unpacked, fileName);
            extension = Directory.Exists(path) ? ".shp" : Path.GetExtension(path).ToLowerInvariant();
        }
        var openOptions = extension == ".csv" ? ImportFormats.CsvOpenOptions : [];
        string? vectorError;
        try
        {
            using var vector = GdalDataset.OpenVector(path, openOptions, ImportFormats.VectorDrivers);
            var layers = vector.VectorLayers();
            if (layers.Count > 0) return InspectVector(vector, layers, path, fileName, defaultName, openOptions, settings);
            vectorError = null;
        }
        catch (GdalException e)
        {
            vectorError = e.GdalMessage;
        }
        try
        {
            using var raster = GdalDataset.OpenRaster(path, ImportFormats.RasterDrivers);
            return InspectRaster(raster, path, fileName, defaultName, settings);
        }
        catch (GdalException rasterError)
        {
            if (extension == ".shp" && !Directory.Exists(path))
                throw Unprocessable($"'{fileName}' cannot be read: a shapefile needs its .shx and .dbf (and .prj) beside it; zip them together.");
            if (ImportFormats.Describe(extension) is { } format)
                throw Unprocessable($"'{fileName}' cannot be read as {format}: {Quiet(vectorError ?? rasterError.GdalMessage, path, fileName)}");
            throw Unprocessable($"'{fileName}' is of no format GeoSDI imports. Accepted: {ImportFormats.Accepted}.");
        }
    }

    private static InspectedVector InspectVector(GdalDataset dataset, IReadOnlyList<GdalVectorLayer> layers, string path, string fileName,
        string defaultName, IReadOnlyList<string> openOptions, ImportSettings settings)
    {
        var spatial = layers.Where(l => l.GeometryType != "None").ToList();
        GdalVectorLayer layer;
        if (settings.SourceLayer is { } wanted)
            layer = layers.FirstOrDefault(l => l.Name == wanted)
                    ?? throw Unprocessable($"'{fileName}' has no layer '{wanted}'; it has {List(layers)}.");
        else if (layers.Count == 1) layer = layers[0];
        else if (spatial.Count == 1) layer = spatial[0];
        else throw Unprocessable($"'{fileName}' holds {layers.Count} layers ({List(layers)}); name the one to import (--source-layer, or sourceLayer in the API).");
        if (layers.Count > 1) defaultName = LayerName.Sanitise(layer.Name);

        GdalGeometryCensus census;
        try
        {
            census = dataset.GeometryCensus(IndexOf(layers, layer));
        }
        catch (GdalException e)
        {
            throw Unprocessable($"'{fileName}' is damaged: {Quiet(e.GdalMessage, path, fileName)}");
        }
        long features = census.Counts.Values.Sum() + census.Missing;
        if (features == 0) throw Unprocessable($"'{fileName}' has no features: there is nothing to publish.");
        if (census.Counts.Count == 0)
            throw Unprocessable($"'{fileName}' has {features} features but no geometries" +
                                (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
                                    ? ": name the coordinate columns x/y, lon/lat or longitude/latitude, or put WKT in a column named wkt or geometry."
                                    : "; GeoSDI imports spatial layers."));
        var unsupported = census.Counts.Keys.Where(t => t is < 1 or > 6).ToList();
        if (unsupported.Count > 0)
            throw Unprocessable($"'{fileName}' holds geometry types GeoSDI does not publish: {string.Join(", ", unsupported.Select(GdalGeometryCensus.Name))}; " +
                                "convert them to points, lines or polygons first.");
        // Point/MultiPoint, LineString/MultiLineString and Polygon/MultiPolygon are the three families (wkb codes 1–3 and 4–6).
        var families = census.Counts.Keys.Select(t => (t - 1) % 3).Distinct().ToList();
        if (families.Count > 1)
            throw Unprocessable($"'{fileName}' mixes geometry types in one layer: {census.Describe()}. A layer has one geometry type: " +
                                "split the file by type first (for example ogr2ogr -where \"OGR_GEOMETRY='POINT'\").");
        string type = (families[0], census.Counts.Keys.Any(t => t >= 4)) switch
        {
            (0, false) => "POINT", (0, true) => "MULTIPOINT",
            (1, false) => "LINESTRING", (1, true) => "MULTILINESTRING",
            (_, false) => "POLYGON", (_, true) => "MULTIPOLYGON",
        };
        return new InspectedVector
        {
            Path = path,
            FileName = fileName,
            DefaultName = defaultName,
            Srid = SridOf(layer.CrsWkt, fileName, settings),
            SourceLayer = layer.Name,
            OpenOptions = openOptions,
            GeometryType = type,
            Dimension = census.HasZ ? "XYZ" : "XY",
            Features = features,
        };
    }

    private static InspectedRaster InspectRaster(GdalDataset raster, string path, string fileName, string defaultName, ImportSettings settings)
    {
        var transform = raster.GeoTransform
            ?? throw Unprocessable($"'{fileName}' is a raster without georeferencing: GeoSDI cannot place it on a map.");
        if (transform[2] != 0 || transform[4] != 0)
            throw Unprocessable($"'{fileName}' is a rotated raster; warp it north-up first (gdalwarp).");
        if (raster.BandCount == 0) throw Unprocessable($"'{fileName}' has no bands.");
        long bytes = (long)raster.Width * raster.Height * Enumerable.Range(1, raster.BandCount).Sum(b => raster.Band(b).BytesPerValue);
        if (bytes > (long)settings.Limits.MaxUnpackedMegabytes << 20)
            throw new ImportException(ImportFailure.TooLarge,
                $"'{fileName}' holds {bytes >> 20} MiB of pixels; at most {settings.Limits.MaxUnpackedMegabytes} MiB is accepted.");
        return new InspectedRaster
        {
            Path = path,
            FileName = fileName,
            DefaultName = defaultName,
            Srid = SridOf(raster.ProjectionWkt, fileName, settings),
            Width = raster.Width,
            Height = raster.Height,
            Bands = raster.BandCount,
        };
    }

    /// <summary>The importer's CRS when given; else the file's, when it has one that has an EPSG code the server serves.</summary>
    private static int SridOf(string wkt, string fileName, ImportSettings settings)
    {
        int srid;
        if (settings.Srid is { } given) srid = given;
        else if (string.IsNullOrWhiteSpace(wkt))
            throw Unprocessable($"'{fileName}' does not say which CRS its coordinates are in; give it (--crs EPSG:4326, or crs in the API).");
        else
        {
            srid = GdalDataset.EpsgOf(wkt)
                   ?? throw Unprocessable($"'{fileName}' is in a CRS that has no EPSG code ({CrsName(wkt)}); give the right one (--crs EPSG:code, or crs in the API).");
            // Heights ride along as Z: the layer's CRS is the horizontal one (WGS 84 3D, or UTM + a height system).
            if (settings.Crs.FromEpsg(srid) is null && GdalDataset.HorizontalEpsgOf(wkt) is { } horizontal && settings.Crs.FromEpsg(horizontal) is not null)
                srid = horizontal;
        }
        if (settings.Crs.FromEpsg(srid) is null)
            throw Unprocessable($"'{fileName}' is in EPSG:{srid}, which GeoSDI does not serve (it serves {string.Join(", ", settings.Crs.All.Where(c => c.Epsg is not null).Select(c => "EPSG:" + c.Epsg))}); " +
                                "reproject it first (for example ogr2ogr -t_srs EPSG:4326).");
        return srid;
    }

    /// <summary>The CRS's name from its WKT (the first quoted string), for messages.</summary>
    private static string CrsName(string wkt)
    {
        int start = wkt.IndexOf('"');
        int end = start < 0 ? -1 : wkt.IndexOf('"', start + 1);
        return end > start ? wkt[(start + 1)..end] : "unnamed";
    }

    /// <summary>The one dataset of an unpacked archive: its only data file, or the folder when it holds only shapefiles.</summary>
    private static string Locate(string folder, string archiveName)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.') || s == "__MACOSX"))
            .ToList();
        var datasets = files.Where(f => ImportFormats.Describe(Path.GetExtension(f).ToLowerInvariant()) is not null
                                        && !ImportFormats.IsArchive(Path.GetExtension(f).ToLowerInvariant())).ToList();
        // A MapInfo .mif comes with a .mid; a .tab with .dat/.map/.id: the .tab or .mif is the dataset.
        if (datasets.Count == 1) return datasets[0];
        if (datasets.Count > 1 && datasets.All(f => f.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
                               && datasets.Select(Path.GetDirectoryName).Distinct().Count() == 1)
            return Path.GetDirectoryName(datasets[0])!;
        if (datasets.Count == 0)
            throw Unprocessable($"'{archiveName}' holds no file GeoSDI imports" +
                                (files.Count > 0 ? $" (it holds {string.Join(", ", files.Take(10).Select(f => Path.GetRelativePath(folder, f)))})" : "") +
                                $". Accepted: {ImportFormats.Accepted}.");
        throw Unprocessable($"'{archiveName}' holds several datasets ({string.Join(", ", datasets.Take(10).Select(f => Path.GetRelativePath(folder, f)))}); " +
                            "import one archive per dataset.");
    }

    private static int IndexOf(IReadOnlyList<GdalVectorLayer> layers, GdalVectorLayer layer)
    {
        for (int i = 0; i < layers.Count; i++)
            if (ReferenceEquals(layers[i], layer)) return i;
        throw new InvalidOperationException("The layer is not among the dataset's.");
    }

    private static string List(IReadOnlyList<GdalVectorLayer> layers) => string.Join(", ", layers.Select(l => $"'{l.Name}'"));

    /// <summary>GDAL's message with the server's own paths replaced by the file's name.</summary>
    internal static string Quiet(string message, string path, string fileName) =>
        message.Replace(path, fileName, StringComparison.Ordinal);

    private static ImportException Unprocessable(string message) => new(ImportFailure.Unprocessable, message);
}
