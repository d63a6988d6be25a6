using static GeoServer.Data.Gdal.GdalNative;

namespace GeoServer.Data.Gdal;

/// <summary>
/// One open GDAL dataset with managed accessors. Like GDAL's handle it is for one thread at a time: share a
/// <see cref="GdalDatasetPool"/>, not a dataset.
/// </summary>
internal sealed unsafe class GdalDataset : IDisposable
{
    private readonly GdalDatasetHandle _handle;

    private GdalDataset(GdalDatasetHandle handle) => _handle = handle;

    /// <summary>
    /// Opens a raster read-only; GDAL's message (missing file, not a raster, …) when it cannot. With
    /// <paramref name="drivers"/> (short names: "GTiff", …) only those drivers may open it.
    /// </summary>
    public static GdalDataset OpenRaster(string path, IEnumerable<string>? drivers = null)
    {
        GdalLibrary.Initialise();
        using var allowed = CslHandle.From(drivers ?? []);
        CPLErrorReset();
        return new GdalDataset(Check(GDALOpenEx(path, GdalNative.OpenRaster | OpenVerboseError, allowed.Pointer, IntPtr.Zero, IntPtr.Zero), $"Opening '{path}'"));
    }

    internal GdalDatasetHandle Handle => _handle;

    /// <summary>
    /// Opens a vector dataset read-only (any format GDAL reads: Shapefile, GeoJSON, KML, GeoPackage, CSV, /vsizip/…);
    /// GDAL's message when it cannot. <paramref name="openOptions"/> are the driver's -oo options ("X_POSSIBLE_NAMES=lon");
    /// with <paramref name="drivers"/> (short names: "GeoJSON", "ESRI Shapefile", …) only those drivers may open it.
    /// </summary>
    public static GdalDataset OpenVector(string path, IEnumerable<string>? openOptions = null, IEnumerable<string>? drivers = null)
    {
        GdalLibrary.Initialise();
        using var options = CslHandle.From(openOptions ?? []);
        using var allowed = CslHandle.From(drivers ?? []);
        CPLErrorReset();
        return new GdalDataset(Check(GDALOpenEx(path, GdalNative.OpenVector | OpenVerboseError, allowed.Pointer, options.Pointer, IntPtr.Zero), $"Opening '{path}'"));
    }

    /// <summary>The layers of a vector dataset, with their feature counts (GDAL counts them when the format does not say).</summary>
    public IReadOnlyList<GdalVectorLayer> VectorLayers()
    {
        int count = GDALDatasetGetLayerCount(_handle);
        var layers = new List<GdalVectorLayer>(count);
        for (int i = 0; i < count; i++)
        {
            var layer = GDALDatasetGetLayer(_handle, i);
            string wkt = "";
            if (OGR_L_GetSpatialRef(layer) is var srs && srs != IntPtr.Zero && OSRExportToWkt(srs, out var text) == ErrNone)
            {
                wkt = Text(text) ?? "";
                VSIFree((void*)text);
            }
            layers.Add(new GdalVectorLayer(Text(OGR_L_GetName(layer)) ?? "", OGR_L_GetFeatureCount(layer, 1),
                Text(OGRGeometryTypeToName(OGR_L_GetGeomType(layer))) ?? "", wkt));
        }
        return layers;
    }

    /// <summary>
    /// Reads every feature of layer <paramref name="index"/> (0-based) and counts its geometries by type, so a layer
    /// that declares one type but holds several (a shapefile's polygons and multipolygons, a KML's mix) is seen as it
    /// is. Throws GDAL's message when a feature cannot be read (a damaged file).
    /// </summary>
    public GdalGeometryCensus GeometryCensus(int index)
    {
        var layer = GDALDatasetGetLayer(_handle, index);
        if (layer == IntPtr.Zero) throw new ArgumentOutOfRangeException(nameof(index), $"The dataset has no layer {index}.");
        var byType = new Dictionary<int, long>();
        long missing = 0;
        bool hasZ = false;
        OGR_L_ResetReading(layer);
        CPLErrorReset();
        for (var feature = OGR_L_GetNextFeature(layer); feature != IntPtr.Zero; feature = OGR_L_GetNextFeature(layer))
        {
            try
            {
                var geometry = OGR_F_GetGeometryRef(feature);
                if (geometry == IntPtr.Zero)
                {
                    missing++;
                    continue;
                }
                int type = OGR_G_GetGeometryType(geometry);
                hasZ |= OGR_GT_HasZ(type) != 0;
                int flat = OGR_GT_Flatten(type);
                byType[flat] = byType.GetValueOrDefault(flat) + 1;
            }
            finally
            {
                OGR_F_Destroy(feature);
            }
        }
        // The loop also ends at a feature GDAL could not read; only the error state tells it from the end.
        if (CPLGetLastErrorType() >= ErrFailure) ThrowLastError("Reading the features failed.");
        OGR_L_ResetReading(layer);
        return new GdalGeometryCensus(byType, missing, hasZ);
    }

    public int Width => GDALGetRasterXSize(_handle);
    public int Height => GDALGetRasterYSize(_handle);
    public int BandCount => GDALGetRasterCount(_handle);

    /// <summary>GDAL's driver short name ("GTiff", "MEM", …).</summary>
    public string Driver => Text(GDALGetDriverShortName(GDALGetDatasetDriver(_handle))) ?? "";

    /// <summary>The affine pixel-to-map transform (x0, dx, rx, y0, ry, dy); null when the dataset has none.</summary>
    public double[]? GeoTransform
    {
        get
        {
            var transform = new double[6];
            CPLErrorReset();
            return GDALGetGeoTransform(_handle, transform) == ErrNone ? transform : null;
        }
    }

    /// <summary>The CRS as WKT; empty when the dataset has none.</summary>
    public string ProjectionWkt => Text(GDALGetProjectionRef(_handle)) ?? "";

    /// <summary>The EPSG code of the CRS, when it has one or GDAL can identify one; null otherwise.</summary>
    public int? Epsg => EpsgOf(ProjectionWkt);

    /// <summary>
    /// The EPSG code of a WKT CRS: its own authority, else OSRAutoIdentifyEPSG, else the best match in PROJ's
    /// database when it is at least 70 % sure (what gdalsrsinfo -e reports for a WKT1 UTM zone without codes).
    /// </summary>
    public static unsafe int? EpsgOf(string wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt)) return null;
        GdalLibrary.Initialise();
        CPLErrorReset();
        using var srs = OSRNewSpatialReference(wkt);
        if (srs.IsInvalid) return null;
        if (Code(OSRGetAuthorityName(srs, IntPtr.Zero), OSRGetAuthorityCode(srs, IntPtr.Zero)) is { } own) return own;
        if (OSRAutoIdentifyEPSG(srs) == ErrNone
            && Code(OSRGetAuthorityName(srs, IntPtr.Zero), OSRGetAuthorityCode(srs, IntPtr.Zero)) is { } identified)
            return identified;
        var matches = OSRFindMatches(srs, IntPtr.Zero, out var count, out var confidences);
        try
        {
            return count > 0 && confidences[0] >= 70 ? Code(OSRGetAuthorityName(matches[0], IntPtr.Zero), OSRGetAuthorityCode(matches[0], IntPtr.Zero)) : null;
        }
        finally
        {
            if (matches is not null) OSRFreeSRSArray(matches);
            if (confidences is not null) VSIFree(confidences);
            CPLErrorReset();
        }
    }

    /// <summary>
    /// The EPSG code of a CRS's horizontal part: a compound CRS without its vertical CRS, a 3D geographic CRS as its 2D
    /// one (EPSG:4979 gives 4326, as GDAL reads a GeoJSON whose points have heights); null when it has none.
    /// </summary>
    public static unsafe int? HorizontalEpsgOf(string wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt)) return null;
        GdalLibrary.Initialise();
        CPLErrorReset();
        using var srs = OSRNewSpatialReference(wkt);
        if (srs.IsInvalid || OSRStripVertical(srs) != ErrNone || OSRDemoteTo2D(srs, null) != ErrNone || OSRExportToWkt(srs, out var text) != ErrNone)
        {
            CPLErrorReset();
            return null;
        }
        try
        {
            return EpsgOf(Text(text) ?? "");
        }
        finally
        {
            VSIFree((void*)text);
        }
    }

    private static int? Code(IntPtr authority, IntPtr code) =>
        Text(authority) == "EPSG" && int.TryParse(Text(code), out var value) ? value : null;

    /// <summary>Band <paramref name="index"/> (1-based), valid while this dataset is open.</summary>
    public GdalBand Band(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, BandCount);
        return new GdalBand(GDALGetRasterBand(_handle, index), index);
    }

    /// <summary>
    /// gdal_translate as a function: <paramref name="options"/> are its command-line arguments ("-of", "GTiff", …);
    /// the result is the new dataset (close it to finish writing a file).
    /// </summary>
    public GdalDataset Translate(string destination, IEnumerable<string> options)
    {
        using var argv = CslHandle.From(options);
        using var parsed = Check(GDALTranslateOptionsNew(argv.Pointer, IntPtr.Zero), "Parsing gdal_translate options");
        CPLErrorReset();
        return new GdalDataset(Check(GDALTranslate(destination, _handle, parsed, out _), "gdal_translate"));
    }

    /// <summary>
    /// gdalwarp as a function over this dataset: <paramref name="options"/> are its command-line arguments ("-t_srs",
    /// "EPSG:3857", "-of", "MEM", …); the result is the new dataset.
    /// </summary>
    public unsafe GdalDataset Warp(string destination, IEnumerable<string> options)
    {
        using var argv = CslHandle.From(options);
        using var parsed = Check(GDALWarpAppOptionsNew(argv.Pointer, IntPtr.Zero), "Parsing gdalwarp options");
        return FromThis(source => GDALWarp(destination, IntPtr.Zero, 1, &source, parsed, out _), "gdalwarp");
    }

    /// <summary>
    /// ogr2ogr as a function from this dataset: <paramref name="options"/> are its command-line arguments ("-f",
    /// "GPKG", "-nln", "parcels", …); the result is the written dataset (close it to finish writing).
    /// </summary>
    public unsafe GdalDataset VectorTranslate(string destination, IEnumerable<string> options)
    {
        using var argv = CslHandle.From(options);
        using var parsed = Check(GDALVectorTranslateOptionsNew(argv.Pointer, IntPtr.Zero), "Parsing ogr2ogr options");
        return FromThis(source => GDALVectorTranslate(destination, IntPtr.Zero, 1, &source, parsed, out _), "ogr2ogr");
    }

    /// <summary>
    /// Runs a gdal_utils function that takes source datasets as a raw array, with this dataset's handle kept alive
    /// for the call; the result is the new dataset, or GDAL's message as a <see cref="GdalException"/>.
    /// </summary>
    private GdalDataset FromThis(Func<IntPtr, GdalDatasetHandle> utility, string what)
    {
        bool added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            CPLErrorReset();
            return new GdalDataset(Check(utility(_handle.DangerousGetHandle()), what));
        }
        finally
        {
            if (added) _handle.DangerousRelease();
        }
    }

    /// <summary>A virtual dataset reprojecting this one to <paramref name="targetWkt"/> (GDALAutoCreateWarpedVRT); it reads through this dataset, so dispose it first.</summary>
    public GdalDataset AutoWarpedVrt(string targetWkt, GdalResampling resampling = GdalResampling.Nearest)
    {
        CPLErrorReset();
        return new GdalDataset(Check(GDALAutoCreateWarpedVRT(_handle, null, targetWkt, (int)resampling, 0.125, IntPtr.Zero), "GDALAutoCreateWarpedVRT"));
    }

    public void Dispose() => _handle.Dispose();
}
