namespace GeoServer.Core.Configuration;

/// <summary>
/// Limits and place of imports (<c>geosdi import</c> and the admin API's upload): what a file may weigh, how far an
/// archive may unpack, and where the server keeps the GeoPackages and COGs it makes.
/// </summary>
public sealed class ImportOptions
{
    /// <summary>Largest upload through the admin API, in MiB; beyond it a 413.</summary>
    public int MaxUploadMegabytes { get; init; } = 200;

    /// <summary>
    /// Most an archive (.zip, .kmz) may unpack to, all entries together, and most a raster may hold uncompressed
    /// (width × height × bands × bytes per value), in MiB.
    /// </summary>
    public int MaxUnpackedMegabytes { get; init; } = 2048;

    /// <summary>Largest ratio of unpacked to packed size an archive may claim (a zip bomb claims thousands).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Most entries an archive may hold.</summary>
    public int MaxArchiveEntries { get; init; } = 1000;

    /// <summary>
    /// Where imported GeoPackages and COGs go (one folder per workspace), relative to the configuration's folder:
    /// the server's state folder by default.
    /// </summary>
    public string Folder { get; init; } = ".geosdi/imports";
}
