using static GeoServer.Data.Gdal.GdalNative;

namespace GeoServer.Data.Gdal;

/// <summary>One band of an open <see cref="GdalDataset"/>; valid only while that dataset is open, on its thread.</summary>
internal readonly struct GdalBand(IntPtr handle, int index)
{
    /// <summary>1-based band number.</summary>
    public int Index { get; } = index;

    /// <summary>GDAL's data type name: "Byte", "Int16", "UInt16", "Float32", …</summary>
    public string DataType => Text(GDALGetDataTypeName(GDALGetRasterDataType(handle))) ?? "Unknown";

    /// <summary>Bytes per value of the band's data type (1 for Byte, 4 for Float32, …).</summary>
    public int BytesPerValue => GDALGetDataTypeSizeBytes(GDALGetRasterDataType(handle));

    /// <summary>GDAL's colour interpretation name: "Red", "Gray", "Alpha", "Undefined", …</summary>
    public string ColorInterpretation => Text(GDALGetColorInterpretationName(GDALGetRasterColorInterpretation(handle))) ?? "Undefined";

    public string Description => Text(GDALGetDescription(handle)) ?? "";

    /// <summary>GDAL's mask flags: 0x01 all valid, 0x02 per dataset, 0x04 alpha band, 0x08 nodata value.</summary>
    public int MaskFlags => GDALGetMaskFlags(handle);

    public double? NoData
    {
        get
        {
            var value = GDALGetRasterNoDataValue(handle, out var has);
            return has != 0 ? value : null;
        }
    }

    /// <summary>Sizes of the band's overviews, largest first as GDAL lists them.</summary>
    public IReadOnlyList<(int Width, int Height)> Overviews
    {
        get
        {
            var count = GDALGetOverviewCount(handle);
            var sizes = new List<(int, int)>(count);
            for (int i = 0; i < count; i++)
            {
                var overview = GDALGetOverview(handle, i);
                sizes.Add((GDALGetRasterBandXSize(overview), GDALGetRasterBandYSize(overview)));
            }
            return sizes;
        }
    }

    /// <summary>Overview <paramref name="i"/> (0 = the largest) as a band of its own, valid while the dataset is open.</summary>
    public GdalBand Overview(int i) => new(GDALGetOverview(handle, i), Index);

    /// <summary>Minimum and maximum (approximate: from an overview when there is one, as gdalinfo -mm does), ignoring nodata.</summary>
    public (double Min, double Max) ComputeMinMax(bool approximate = true)
    {
        Span<double> minMax = stackalloc double[2];
        CPLErrorReset();
        GDALComputeRasterMinMax(handle, approximate ? 1 : 0, minMax);
        if (CPLGetLastErrorType() >= ErrFailure) ThrowLastError($"Computing band {Index}'s minimum and maximum failed.");
        return (minMax[0], minMax[1]);
    }

    /// <summary>
    /// Reads the window (pixel offsets and sizes, fractional allowed) resampled into <paramref name="buffer"/> of
    /// bufferWidth × bufferHeight Float32 values, row by row with rows <paramref name="lineStride"/> values apart.
    /// GDAL reads from the overview nearest the output resolution when the window is downsampled.
    /// </summary>
    public unsafe void Read(double x, double y, double width, double height, Span<float> buffer, int bufferWidth, int bufferHeight,
        int lineStride, GdalResampling resampling)
    {
        if (bufferWidth < 1 || bufferHeight < 1 || lineStride < bufferWidth || buffer.Length < (long)(bufferHeight - 1) * lineStride + bufferWidth)
            throw new ArgumentException("The buffer is smaller than the window asked for.", nameof(buffer));
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        int x1 = (int)Math.Ceiling(x + width), y1 = (int)Math.Ceiling(y + height);
        var extra = RasterIOExtraArg.Create((int)resampling);
        extra.FloatingPointWindowValidity = 1;
        (extra.XOff, extra.YOff, extra.XSize, extra.YSize) = (x, y, width, height);
        CPLErrorReset();
        fixed (float* data = buffer)
            Check(GDALRasterIOEx(handle, GdalNative.Read, x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0), data, bufferWidth, bufferHeight,
                TypeFloat32, sizeof(float), (long)lineStride * sizeof(float), ref extra), $"Reading band {Index}");
    }

    /// <summary>The value of one pixel at full resolution, as Float64 (what gdallocationinfo prints).</summary>
    public unsafe double ReadPixel(int column, int row)
    {
        double value;
        CPLErrorReset();
        Check(GDALRasterIO(handle, GdalNative.Read, column, row, 1, 1, &value, 1, 1, TypeFloat64, 0, 0), $"Reading band {Index} at ({column}, {row})");
        return value;
    }
}
