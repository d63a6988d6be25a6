namespace GeoServer.Core.Downloads;

/// <summary>
/// One format a layer can be downloaded in: always a zip holding the data file(s) and a README, whatever the format.
/// </summary>
/// <param name="Format">What the data file is.</param>
/// <param name="Key">The value of the download's "f" parameter ("gpkg").</param>
/// <param name="Name">The format's usual name ("GeoPackage").</param>
/// <param name="Extension">The data file's extension, with the dot (".gpkg"; ".shp" for the main file of a Shapefile).</param>
/// <param name="MediaType">The data file's media type (the package itself is application/zip).</param>
public sealed record DownloadFormat(FileFormat Format, string Key, string Name, string Extension, string MediaType)
{
    /// <summary>The media type of every package.</summary>
    public const string ZipMediaType = "application/zip";

    /// <summary>True for the raster format (GeoTIFF), false for the feature formats.</summary>
    public bool IsRaster => Format == FileFormat.GeoTiff;
}
