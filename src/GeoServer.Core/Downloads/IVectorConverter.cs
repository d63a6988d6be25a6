namespace GeoServer.Core.Downloads;

/// <summary>
/// Turns a file of features written by the server into a file format others read (GeoPackage, Shapefile, …). The
/// contract lives in Core so that the OGC API (which writes the features) and the storage drivers (which know the
/// formats) meet without referencing each other. Implementations read and write files only, streaming, and are
/// thread-safe.
/// </summary>
public interface IVectorConverter
{
    /// <summary>Writes <see cref="VectorConversion.Source"/> in the asked format into the asked folder.</summary>
    /// <exception cref="ArgumentException">The format is not a feature format.</exception>
    Task<VectorConversionResult> ConvertAsync(VectorConversion conversion, CancellationToken ct);
}
