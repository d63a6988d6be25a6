namespace GeoServer.Data.Gdal;

/// <summary>
/// GDAL's resampling algorithms; the values are GDALRIOResampleAlg's (RasterIO) and GDALResampleAlg's (warper), which
/// agree for these. <see cref="GdalBand.Read"/> and the warper pick the overview nearest the output resolution.
/// </summary>
public enum GdalResampling
{
    Nearest = 0,
    Bilinear = 1,
    Cubic = 2,
    CubicSpline = 3,
    Lanczos = 4,
    Average = 5,
    Mode = 6,
}
