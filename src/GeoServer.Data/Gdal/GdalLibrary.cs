using static GeoServer.Data.Gdal.GdalNative;

namespace GeoServer.Data.Gdal;

/// <summary>
/// GDAL's process-wide set-up, done once before any other call: drivers registered, errors routed to exceptions and
/// the log instead of stderr, and the block cache sized.
/// </summary>
public static class GdalLibrary
{
    private static readonly Lazy<string> Initialised = new(() =>
    {
        GDALAllRegister();
        InstallErrorHandler();
        // A COG is opened by path at every pool miss; listing its folder each time is wasted I/O.
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
        return Text(GDALVersionInfo("RELEASE_NAME")) ?? "unknown";
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the drivers and the error handler (idempotent); returns GDAL's release name, e.g. "3.6.2".</summary>
    public static string Initialise() => Initialised.Value;

    /// <summary>GDAL's release name ("3.6.2").</summary>
    public static string Version => Initialise();

    /// <summary>Where GDAL's warnings go (nowhere by default); failures become <see cref="GdalException"/>s instead.</summary>
    public static void OnWarning(Action<string>? sink) => Warnings = sink;

    /// <summary>GDAL's block cache limit in bytes, shared by every dataset of the process.</summary>
    public static long CacheMaxBytes
    {
        get { Initialise(); return GDALGetCacheMax64(); }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1L << 20);
            Initialise();
            GDALSetCacheMax64(value);
        }
    }
}
