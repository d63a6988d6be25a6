using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GeoServer.Data.Gdal;

/// <summary>
/// The only binding to GDAL (Debian libgdal32, GDAL 3.6): just the C calls the raster stores and imports make. Enum values are
/// GDAL's own (gdal.h, cpl_error.h); strings go as NUL-terminated UTF-8. Handles live in SafeHandles so a dataset is
/// closed exactly once, even when a request is cancelled mid-read.
/// </summary>
/// <remarks>
/// Thread rules (GDAL's): a dataset handle and its bands must be used by one thread at a time, so sources keep a pool
/// of handles (<see cref="GdalDatasetPool"/>); the driver registry, the block cache and the VSI memory file system
/// are thread-safe; the last-error state is per thread, which is why <see cref="ThrowLastError"/> reads it on the
/// thread that made the failing call.
/// </remarks>
internal static unsafe partial class GdalNative
{
    private const string Lib = "libgdal.so.32";

    // GDALAccess, GDALRWFlag, open flags
    public const int ReadOnly = 0;
    public const int Read = 0;
    public const uint OpenRaster = 0x02, OpenVector = 0x04, OpenVerboseError = 0x40;

    // CPLErr
    public const int ErrNone = 0, ErrDebug = 1, ErrWarning = 2, ErrFailure = 3, ErrFatal = 4;

    // GDALDataType
    public const int TypeByte = 1, TypeFloat32 = 6, TypeFloat64 = 7;

    /// <summary>GDALRasterIOExtraArg (version 1, as GDAL 3.6 defines it): resampling and a sub-pixel window.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RasterIOExtraArg
    {
        public int Version;
        public int ResampleAlg;
        public IntPtr Progress;
        public IntPtr ProgressData;
        public int FloatingPointWindowValidity;
        public double XOff, YOff, XSize, YSize;

        public static RasterIOExtraArg Create(int resampleAlg) => new() { Version = 1, ResampleAlg = resampleAlg };
    }

    // Library
    [LibraryImport(Lib)] public static partial void GDALAllRegister();
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr GDALVersionInfo(string request);
    [LibraryImport(Lib)] public static partial void GDALSetCacheMax64(long bytes);
    [LibraryImport(Lib)] public static partial long GDALGetCacheMax64();
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial void CPLSetConfigOption(string key, string? value);

    // Errors
    [LibraryImport(Lib)] public static partial IntPtr CPLSetErrorHandler(delegate* unmanaged[Cdecl]<int, int, IntPtr, void> handler);
    [LibraryImport(Lib)] public static partial void CPLErrorReset();
    [LibraryImport(Lib)] public static partial int CPLGetLastErrorType();
    [LibraryImport(Lib)] public static partial int CPLGetLastErrorNo();
    [LibraryImport(Lib)] public static partial IntPtr CPLGetLastErrorMsg();

    // String lists (char **), the form every GDAL option list takes
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr CSLAddString(IntPtr list, string item);
    [LibraryImport(Lib)] public static partial void CSLDestroy(IntPtr list);

    // Datasets
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GdalDatasetHandle GDALOpenEx(string path, uint flags, IntPtr allowedDrivers, IntPtr openOptions, IntPtr siblingFiles);
    [LibraryImport(Lib)] public static partial void GDALClose(IntPtr dataset);
    [LibraryImport(Lib)] public static partial int GDALGetRasterXSize(GdalDatasetHandle dataset);
    [LibraryImport(Lib)] public static partial int GDALGetRasterYSize(GdalDatasetHandle dataset);
    [LibraryImport(Lib)] public static partial int GDALGetRasterCount(GdalDatasetHandle dataset);
    [LibraryImport(Lib)] public static partial int GDALGetGeoTransform(GdalDatasetHandle dataset, Span<double> transform);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetProjectionRef(GdalDatasetHandle dataset);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetDatasetDriver(GdalDatasetHandle dataset);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetDriverShortName(IntPtr driver);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetRasterBand(GdalDatasetHandle dataset, int band);

    // Bands (owned by their dataset: plain pointers, valid while the dataset handle is)
    [LibraryImport(Lib)] public static partial int GDALGetRasterDataType(IntPtr band);
    [LibraryImport(Lib)] public static partial int GDALGetDataTypeSizeBytes(int type);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetDataTypeName(int type);
    [LibraryImport(Lib)] public static partial int GDALGetRasterBandXSize(IntPtr band);
    [LibraryImport(Lib)] public static partial int GDALGetRasterBandYSize(IntPtr band);
    [LibraryImport(Lib)] public static partial double GDALGetRasterNoDataValue(IntPtr band, out int hasNoData);
    [LibraryImport(Lib)] public static partial int GDALGetRasterColorInterpretation(IntPtr band);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetColorInterpretationName(int interpretation);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetDescription(IntPtr objectHandle);
    [LibraryImport(Lib)] public static partial int GDALGetOverviewCount(IntPtr band);
    [LibraryImport(Lib)] public static partial int GDALGetMaskFlags(IntPtr band);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetOverview(IntPtr band, int index);
    /// <remarks>void in GDAL 3.6 (CPLErr from 3.7): failures are read from the last-error state.</remarks>
    [LibraryImport(Lib)] public static partial void GDALComputeRasterMinMax(IntPtr band, int approxOk, Span<double> minMax);
    [LibraryImport(Lib)]
    public static partial int GDALRasterIOEx(IntPtr band, int rwFlag, int xOff, int yOff, int xSize, int ySize, void* buffer,
        int bufferXSize, int bufferYSize, int bufferType, long pixelSpace, long lineSpace, ref RasterIOExtraArg extra);
    [LibraryImport(Lib)]
    public static partial int GDALRasterIO(IntPtr band, int rwFlag, int xOff, int yOff, int xSize, int ySize, void* buffer,
        int bufferXSize, int bufferYSize, int bufferType, int pixelSpace, int lineSpace);

    // Reprojection
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GdalDatasetHandle GDALAutoCreateWarpedVRT(GdalDatasetHandle source, string? sourceWkt, string? targetWkt,
        int resampleAlg, double maxError, IntPtr warpOptions);

    // Spatial references
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial OsrHandle OSRNewSpatialReference(string? wkt);
    [LibraryImport(Lib)] public static partial void OSRDestroySpatialReference(IntPtr srs);
    [LibraryImport(Lib)] public static partial int OSRAutoIdentifyEPSG(OsrHandle srs);
    [LibraryImport(Lib)] public static partial IntPtr OSRGetAuthorityName(OsrHandle srs, IntPtr targetKey);
    [LibraryImport(Lib)] public static partial IntPtr OSRGetAuthorityCode(OsrHandle srs, IntPtr targetKey);
    [LibraryImport(Lib)] public static partial IntPtr* OSRFindMatches(OsrHandle srs, IntPtr options, out int count, out int* confidences);
    [LibraryImport(Lib)] public static partial void OSRFreeSRSArray(IntPtr* list);
    [LibraryImport(Lib)] public static partial int OSRExportToWkt(IntPtr srs, out IntPtr wkt);
    [LibraryImport(Lib)] public static partial int OSRExportToWkt(OsrHandle srs, out IntPtr wkt);
    [LibraryImport(Lib)] public static partial int OSRStripVertical(OsrHandle srs);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int OSRDemoteTo2D(OsrHandle srs, string? name);
    [LibraryImport(Lib)] public static partial IntPtr OSRGetAuthorityName(IntPtr srs, IntPtr targetKey);
    [LibraryImport(Lib)] public static partial IntPtr OSRGetAuthorityCode(IntPtr srs, IntPtr targetKey);

    // vector datasets: their layers (an OGRLayerH lives as long as its dataset)
    [LibraryImport(Lib)] public static partial int GDALDatasetGetLayerCount(GdalDatasetHandle dataset);
    [LibraryImport(Lib)] public static partial IntPtr GDALDatasetGetLayer(GdalDatasetHandle dataset, int index);
    [LibraryImport(Lib)] public static partial IntPtr OGR_L_GetName(IntPtr layer);
    [LibraryImport(Lib)] public static partial long OGR_L_GetFeatureCount(IntPtr layer, int force);
    [LibraryImport(Lib)] public static partial int OGR_L_GetGeomType(IntPtr layer);
    [LibraryImport(Lib)] public static partial IntPtr OGR_L_GetSpatialRef(IntPtr layer);
    [LibraryImport(Lib)] public static partial IntPtr OGRGeometryTypeToName(int type);
    [LibraryImport(Lib)] public static partial void OGR_L_ResetReading(IntPtr layer);
    /// <remarks>The feature is the caller's: free it with <see cref="OGR_F_Destroy"/>; null at the end or on a read error.</remarks>
    [LibraryImport(Lib)] public static partial IntPtr OGR_L_GetNextFeature(IntPtr layer);
    [LibraryImport(Lib)] public static partial void OGR_F_Destroy(IntPtr feature);
    /// <remarks>Owned by the feature; null when the feature has no geometry.</remarks>
    [LibraryImport(Lib)] public static partial IntPtr OGR_F_GetGeometryRef(IntPtr feature);
    [LibraryImport(Lib)] public static partial int OGR_G_GetGeometryType(IntPtr geometry);
    [LibraryImport(Lib)] public static partial int OGR_GT_Flatten(int type);
    [LibraryImport(Lib)] public static partial int OGR_GT_HasZ(int type);

    // gdal_utils: the command-line programs as functions, with their option lists
    [LibraryImport(Lib)] public static partial GdalTranslateOptionsHandle GDALTranslateOptionsNew(IntPtr argv, IntPtr forBinary);
    [LibraryImport(Lib)] public static partial void GDALTranslateOptionsFree(IntPtr options);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GdalDatasetHandle GDALTranslate(string destination, GdalDatasetHandle source, GdalTranslateOptionsHandle options, out int usageError);
    [LibraryImport(Lib)] public static partial GdalVectorTranslateOptionsHandle GDALVectorTranslateOptionsNew(IntPtr argv, IntPtr forBinary);
    [LibraryImport(Lib)] public static partial void GDALVectorTranslateOptionsFree(IntPtr options);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GdalDatasetHandle GDALVectorTranslate(string? destination, IntPtr destinationDataset, int sourceCount, IntPtr* sources,
        GdalVectorTranslateOptionsHandle options, out int usageError);
    [LibraryImport(Lib)] public static partial GdalWarpOptionsHandle GDALWarpAppOptionsNew(IntPtr argv, IntPtr forBinary);
    [LibraryImport(Lib)] public static partial void GDALWarpAppOptionsFree(IntPtr options);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GdalDatasetHandle GDALWarp(string destination, IntPtr destinationDataset, int sourceCount, IntPtr* sources,
        GdalWarpOptionsHandle options, out int usageError);

    // VSI memory files (/vsimem/…)
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr VSIFileFromMemBuffer(string path, byte* buffer, ulong length, int takeOwnership);
    [LibraryImport(Lib)] public static partial int VSIFCloseL(IntPtr file);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial byte* VSIGetMemFileBuffer(string path, out ulong length, int unlinkAndSeize);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int VSIUnlink(string path);
    [LibraryImport(Lib)] public static partial void* VSIMalloc(nuint size);
    [LibraryImport(Lib)] public static partial void VSIFree(void* pointer);

    /// <summary>GDAL's text for a char* it owns (null stays null).</summary>
    public static string? Text(IntPtr utf8) => utf8 == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(utf8);

    /// <summary>Throws the calling thread's last GDAL error, or <paramref name="fallback"/> when GDAL said nothing.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowLastError(string fallback)
    {
        var message = Text(CPLGetLastErrorMsg());
        var number = CPLGetLastErrorNo();
        throw new GdalException(number, string.IsNullOrWhiteSpace(message) ? fallback : message);
    }

    /// <summary>Throws GDAL's message when a CPLErr is a failure.</summary>
    public static void Check(int cplErr, string what)
    {
        if (cplErr >= ErrFailure) ThrowLastError($"{what} failed.");
    }

    /// <summary>Throws GDAL's message when a returned handle is null.</summary>
    public static T Check<T>(T handle, string what) where T : SafeHandle
    {
        if (!handle.IsInvalid) return handle;
        handle.Dispose();
        ThrowLastError($"{what} failed.");
        return handle;
    }

    /// <summary>
    /// Where GDAL's warnings go (its default handler would write them to stderr); failures are not passed here: they
    /// become <see cref="GdalException"/>s on the thread that made the call.
    /// </summary>
    public static Action<string>? Warnings { get; set; }

    /// <summary>Installed once by <see cref="GdalLibrary"/>: quiet for failures (thrown), warnings to <see cref="Warnings"/>.</summary>
    public static void InstallErrorHandler() => CPLSetErrorHandler(&OnError);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(int errorClass, int errorNumber, IntPtr message)
    {
        try
        {
            if (errorClass == ErrWarning) Warnings?.Invoke(Text(message) ?? $"GDAL warning {errorNumber}");
        }
        catch
        {
            // An exception must never unwind into GDAL's C frames.
        }
    }
}
