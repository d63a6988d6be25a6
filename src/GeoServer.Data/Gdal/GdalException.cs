namespace GeoServer.Data.Gdal;

/// <summary>A GDAL failure, carrying GDAL's own message (e.g. "x.tif: No such file or directory") and error number.</summary>
public sealed class GdalException(int errorNumber, string message) : Exception($"GDAL: {message}")
{
    /// <summary>GDAL's CPLErrorNum (CPLE_OpenFailed = 4, CPLE_IllegalArg = 5, …).</summary>
    public int ErrorNumber { get; } = errorNumber;

    /// <summary>GDAL's text without the "GDAL: " prefix.</summary>
    public string GdalMessage { get; } = message;
}
