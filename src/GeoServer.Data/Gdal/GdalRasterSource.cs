using System.Collections.Concurrent;
using System.Globalization;
using GeoServer.Core.Crs;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;

namespace GeoServer.Data.Gdal;

/// <summary>
/// A raster file read through GDAL. Opened once to describe it; requests borrow a dataset from a pool (GDAL's
/// handles are single-threaded) and read the window onto the request's grid with <see cref="GridSampler"/>
/// (reprojecting, from the overview nearest the output resolution), or with gdalwarp for what it declines.
/// </summary>
public sealed class GdalRasterSource : IRasterSource, IDisposable
{
    private readonly GdalDatasetPool _pool;
    private readonly double[] _geoTransform;
    private readonly ConcurrentDictionary<int, CrsTransform?> _transforms = new();

    /// <summary>
    /// True when every band's validity is all-valid or its nodata value, which <see cref="GridSampler"/> handles;
    /// alpha bands and masks go through gdalwarp.
    /// </summary>
    private readonly bool _sampleable;

    /// <summary>Opens and describes the raster; throws <see cref="InvalidDataException"/> when it cannot be published.</summary>
    public GdalRasterSource(string path, string name, int maxIdleHandles = 0)
    {
        _pool = new GdalDatasetPool(path, maxIdleHandles > 0 ? maxIdleHandles : Environment.ProcessorCount * 2);
        using var lease = _pool.Rent();
        var dataset = lease.Dataset;
        var where = $"Raster '{path}'";
        _geoTransform = dataset.GeoTransform ?? throw new InvalidDataException($"{where} has no georeferencing (geotransform).");
        if (_geoTransform[2] != 0 || _geoTransform[4] != 0)
            throw new InvalidDataException($"{where} is rotated; warp it north-up first (gdalwarp).");
        var srid = dataset.Epsg ?? throw new InvalidDataException($"{where} has a CRS with no EPSG code: {dataset.ProjectionWkt}");
        if (dataset.BandCount == 0) throw new InvalidDataException($"{where} has no bands.");

        _sampleable = Enumerable.Range(1, dataset.BandCount).All(b => dataset.Band(b).MaskFlags is GridSampler.MaskAllValid or GridSampler.MaskNoData);
        double x0 = _geoTransform[0], y0 = _geoTransform[3];
        double x1 = x0 + _geoTransform[1] * dataset.Width, y1 = y0 + _geoTransform[5] * dataset.Height;
        var bands = new List<RasterBandInfo>(dataset.BandCount);
        for (int i = 1; i <= dataset.BandCount; i++)
        {
            var band = dataset.Band(i);
            var (min, max) = band.ComputeMinMax();
            bands.Add(new RasterBandInfo
            {
                Index = i,
                DataType = band.DataType,
                ColorInterpretation = band.ColorInterpretation,
                Description = band.Description is { Length: > 0 } d ? d : null,
                NoData = band.NoData,
                Min = min,
                Max = max,
                Overviews = band.Overviews,
            });
        }
        Info = new RasterInfo
        {
            Name = name,
            Width = dataset.Width,
            Height = dataset.Height,
            Srid = srid,
            Extent = new BBox(Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1), Math.Max(y0, y1)),
            PixelSizeX = Math.Abs(_geoTransform[1]),
            PixelSizeY = Math.Abs(_geoTransform[5]),
            Bands = bands,
        };
    }

    public RasterInfo Info { get; }

    public Task<RasterBlock> ReadAsync(RasterRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Read(request));
    }

    public Task<byte[]> ExportGeoTiffAsync(RasterRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var path = GdalMemoryFile.NewPath(".tif");
        try
        {
            using (var lease = _pool.Rent())
            using (lease.Dataset.Warp(path, [.. "-of GTiff -co COMPRESS=DEFLATE -co TILED=YES".Split(' '), .. GridOptions(request)]))
            {
                // Closing the new dataset writes the file's last blocks and directory.
            }
            return Task.FromResult(GdalMemoryFile.Read(path) ?? throw new GdalException(0, $"gdalwarp wrote no file at {path}."));
        }
        finally
        {
            GdalMemoryFile.Delete(path);
        }
    }

    /// <summary>gdalwarp's arguments for the request's grid: target CRS, extent, size and resampling.</summary>
    private static string[] GridOptions(RasterRequest request)
    {
        if (request.Width < 1 || request.Height < 1) throw new ArgumentOutOfRangeException(nameof(request), "The grid needs at least one pixel.");
        var e = request.Extent;
        if (!(e.MaxX > e.MinX && e.MaxY > e.MinY) || !double.IsFinite(e.MinX + e.MinY + e.MaxX + e.MaxY))
            throw new ArgumentOutOfRangeException(nameof(request), "The grid's extent is empty or not finite.");
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return
        [
            "-t_srs", "EPSG:" + request.Srid.ToString(CultureInfo.InvariantCulture),
            "-te", F(e.MinX), F(e.MinY), F(e.MaxX), F(e.MaxY),
            "-ts", request.Width.ToString(CultureInfo.InvariantCulture), request.Height.ToString(CultureInfo.InvariantCulture),
            "-r", Algorithm(request.Resampling),
        ];
    }

    private RasterBlock Read(RasterRequest request)
    {
        int width = request.Width, height = request.Height;
        using var lease = _pool.Rent();
        if (_sampleable && TransformTo(request.Srid) is { } toSource
            && GridSampler.TryRead(lease.Dataset, Info, _geoTransform, toSource, request) is { } sampled)
            return sampled;
        string[] options =
        [
            "-of", "MEM",
            .. GridOptions(request),
            "-ot", "Float32",
            // Coverage as an extra band: outside the raster and on nodata it is 0, whatever the bands hold there.
            "-dstalpha",
        ];
        using var warped = lease.Dataset.Warp("", options);
        int count = Info.Bands.Count;
        var bands = new float[count][];
        for (int b = 0; b < count; b++)
        {
            bands[b] = new float[width * height];
            warped.Band(b + 1).Read(0, 0, width, height, bands[b], width, height, width, GdalResampling.Nearest);
        }
        var alphaValues = new float[width * height];
        warped.Band(count + 1).Read(0, 0, width, height, alphaValues, width, height, width, GdalResampling.Nearest);
        var alpha = new byte[width * height];
        for (int i = 0; i < alpha.Length; i++) alpha[i] = (byte)Math.Clamp(alphaValues[i] + 0.5f, 0, 255);
        return new RasterBlock(width, height, bands, alpha);
    }

    /// <summary>The transform from a request's CRS to the raster's, when GeoSDI knows both (else gdalwarp does it).</summary>
    private CrsTransform? TransformTo(int srid) => _transforms.GetOrAdd(srid, s =>
    {
        if (CrsRegistry.Default.FromEpsg(s) is not { } target || CrsRegistry.Default.FromEpsg(Info.Srid) is not { } source) return null;
        try
        {
            return CrsRegistry.Default.GetTransform(target, source);
        }
        catch (NotSupportedException)
        {
            return null;   // no ProjNET path between them: gdalwarp (PROJ) reprojects
        }
    });

    public Task<double?[]?> ValuesAtAsync(double x, double y, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // As gdallocationinfo does: the pixel whose cell holds the point, at full resolution.
        double column = Math.Floor((x - _geoTransform[0]) / _geoTransform[1]);
        double row = Math.Floor((y - _geoTransform[3]) / _geoTransform[5]);
        if (!(column >= 0 && column < Info.Width && row >= 0 && row < Info.Height))
            return Task.FromResult<double?[]?>(null);
        using var lease = _pool.Rent();
        var values = new double?[Info.Bands.Count];
        for (int b = 0; b < values.Length; b++)
        {
            var value = lease.Dataset.Band(b + 1).ReadPixel((int)column, (int)row);
            values[b] = Info.Bands[b].NoData is { } noData && (value == noData || double.IsNaN(noData) && double.IsNaN(value)) ? null : value;
        }
        return Task.FromResult<double?[]?>(values);
    }

    private static string Algorithm(RasterResampling resampling) => resampling switch
    {
        RasterResampling.Nearest => "near",
        RasterResampling.Cubic => "cubic",
        RasterResampling.Average => "average",
        _ => "bilinear",
    };

    public void Dispose() => _pool.Dispose();
}
