using System.Globalization;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Data;
using GeoServer.Data.Gdal;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.Gdal;

/// <summary>The GDAL raster source over the sample COGs, checked against GDAL's own tools.</summary>
public sealed class GdalRasterSourceTests
{
    private static readonly Lazy<GdalRasterSource> DemSource = new(() => new GdalRasterSource(GdalBindingTests.Dem, "dem"));
    private static GdalRasterSource Dem => DemSource.Value;

    /// <summary>What gdallocationinfo -wgs84 prints for each band at (lon, lat), null where it reports nodata or nothing.</summary>
    public static async Task<double[]> LocationInfoAsync(string file, double lon, double lat)
    {
        var output = await ExternalTool.RunAsync("gdallocationinfo", "gdal-bin", SampleData.RepositoryRoot, true,
            "-valonly", "-wgs84", file, lon.ToString("R", CultureInfo.InvariantCulture), lat.ToString("R", CultureInfo.InvariantCulture));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void The_source_describes_extent_CRS_bands_nodata_and_overviews()
    {
        var info = Dem.Info;
        Assert.Equal(4326, info.Srid);
        Assert.Equal((1201, 1201), (info.Width, info.Height));
        Assert.Equal(104.999583333333334, info.Extent.MinX, 9);
        Assert.Equal(22.000416666666666, info.Extent.MaxY, 9);
        Assert.Equal(106.000416666666666, info.Extent.MaxX, 9);
        Assert.Equal(20.999583333333334, info.Extent.MinY, 9);
        var band = Assert.Single(info.Bands);
        Assert.Equal(("Int16", -32768d, 3), (band.DataType, band.NoData!.Value, band.Overviews.Count));
        Assert.InRange(band.Min, -60, 100);
        Assert.InRange(band.Max, 1200, 1582);   // approximate (from an overview); gdalinfo -mm: -60, 1582
    }

    [Theory]
    [InlineData(105.8542, 21.0285)]   // Hà Nội, Hoàn Kiếm
    [InlineData(105.3, 21.6)]         // Ba Vì – Tam Đảo hills
    [InlineData(105.5, 21.2)]
    [InlineData(105.0003, 21.9999)]   // the north-west corner pixel
    public async Task The_value_at_a_coordinate_is_what_gdallocationinfo_reports(double lon, double lat)
    {
        var expected = await LocationInfoAsync(GdalBindingTests.Dem, lon, lat);
        var values = await Dem.ValuesAtAsync(lon, lat, default);
        Assert.NotNull(values);
        Assert.Equal(expected[0], values![0]);
    }

    [Fact]
    public async Task A_point_outside_the_raster_has_no_values()
    {
        Assert.Null(await Dem.ValuesAtAsync(104.5, 21.5, default));
    }

    [Fact]
    public async Task A_read_in_the_storage_CRS_matches_gdallocationinfo_pixel_for_pixel_with_nearest_resampling()
    {
        // A grid that lands exactly on source pixels: 0.0025° cells are 3 × 3 source pixels, their centres are pixel centres.
        var e = Dem.Info.Extent;
        double size = 0.0008333333333333333;
        var box = new BBox(e.MinX + 300 * size, e.MaxY - 340 * size, e.MinX + 340 * size, e.MaxY - 300 * size);
        var block = await Dem.ReadAsync(new RasterRequest(box, 4326, 40, 40) { Resampling = RasterResampling.Nearest }, default);
        Assert.All(block.Alpha, a => Assert.Equal(255, a));
        foreach (var (col, row) in new[] { (0, 0), (17, 5), (39, 39) })
        {
            double lon = box.MinX + (col + 0.5) * size, lat = box.MaxY - (row + 0.5) * size;
            var expected = await LocationInfoAsync(GdalBindingTests.Dem, lon, lat);
            Assert.Equal(expected[0], block.Bands[0][row * 40 + col]);
        }
    }

    [Fact]
    public async Task A_Web_Mercator_read_is_georeferenced_and_transparent_beyond_the_raster()
    {
        var crs = CrsRegistry.Default;
        var toMercator = crs.GetTransform(crs.Crs84, crs.FromEpsg(3857)!);
        // Half the grid west of the raster's western edge (105°E).
        double x0 = 104.9, x1 = 105.1, y0 = 21.4, y1 = 21.6;
        toMercator.Transform(ref x0, ref y0);
        toMercator.Transform(ref x1, ref y1);
        var block = await Dem.ReadAsync(new RasterRequest(new BBox(x0, y0, x1, y1), 3857, 64, 64) { Resampling = RasterResampling.Nearest }, default);
        Assert.Equal(0, block.Alpha[32 * 64 + 5]);      // west of 105°E: no data
        Assert.Equal(255, block.Alpha[32 * 64 + 60]);   // east of it
        // The pixel at 105.05°E has the value gdallocationinfo gives there (within a source pixel: nearest resampling
        // of a 3857 grid cell can land in the neighbouring source pixel, so compare with both).
        double px = x0 + (48 + 0.5) * (x1 - x0) / 64, py = y1 - (32 + 0.5) * (y1 - y0) / 64;
        var toWgs = crs.GetTransform(crs.FromEpsg(3857)!, crs.Crs84);
        toWgs.Transform(ref px, ref py);
        var around = new List<double>();
        foreach (var dx in new[] { -0.0005, 0, 0.0005 })
        foreach (var dy in new[] { -0.0005, 0, 0.0005 })
            around.Add((await LocationInfoAsync(GdalBindingTests.Dem, px + dx, py + dy))[0]);
        Assert.Contains((double)block.Bands[0][32 * 64 + 48], around);
    }

    [Theory]
    [InlineData(9, 406, 224)]      // part beyond the raster; read from an overview
    [InlineData(12, 3248, 1797)]   // inside it, at about full resolution
    [InlineData(14, 12993, 7189)]  // upsampled
    public async Task A_Web_Mercator_tile_has_the_values_gdalwarp_gives_it(int z, int x, int y)
    {
        double size = 2 * 20037508.342789244 / (1 << z), left = -20037508.342789244 + x * size, top = 20037508.342789244 - y * size;
        var box = new BBox(left, top - size, left + size, top);
        var block = await Dem.ReadAsync(new RasterRequest(box, 3857, 256, 256) { Resampling = RasterResampling.Nearest }, default);
        string folder = Directory.CreateTempSubdirectory("geosdi-warp-").FullName;
        try
        {
            string warped = Path.Combine(folder, "tile.tif");
            string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
            await ExternalTool.RunAsync("gdalwarp", "gdal-bin", folder, true, "-q", "-t_srs", "EPSG:3857", "-te", F(box.MinX), F(box.MinY), F(box.MaxX),
                F(box.MaxY), "-ts", "256", "256", "-r", "near", "-ot", "Float32", "-dstnodata", "-32768", GdalBindingTests.Dem, warped);
            using var expected = GdalDataset.OpenRaster(warped);
            var values = new float[256 * 256];
            expected.Band(1).Read(0, 0, 256, 256, values, 256, 256, 256, GdalResampling.Nearest);
            int covered = 0, same = 0, coverageDiffers = 0;
            for (int i = 0; i < values.Length; i++)
            {
                bool data = values[i] != -32768;
                if (data != (block.Alpha[i] == 255)) coverageDiffers++;
                if (!data || block.Alpha[i] != 255) continue;
                covered++;
                if (values[i] == block.Bands[0][i]) same++;
            }
            Assert.True(covered > 1000, $"{covered} pixels with data");
            // Nearest neighbours agree but where a pixel centre falls within rounding of a source pixel's edge.
            Assert.True(same >= 0.97 * covered, $"{same} of {covered} values as gdalwarp's");
            Assert.True(coverageDiffers <= 0.01 * values.Length, $"{coverageDiffers} pixels covered by one and not the other");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Nodata_pixels_are_transparent()
    {
        using var file = new TemporaryRaster();
        var raster = new GdalRasterSource(file.Path, "holes");
        var block = await raster.ReadAsync(new RasterRequest(raster.Info.Extent, 4326, 4, 4) { Resampling = RasterResampling.Nearest }, default);
        Assert.Equal(0, block.Alpha[0]);       // the nodata corner
        Assert.Equal(255, block.Alpha[15]);
        Assert.Null((await raster.ValuesAtAsync(raster.Info.Extent.MinX + 0.1, raster.Info.Extent.MaxY - 0.1, default))![0]);
        raster.Dispose();
    }

    [Fact]
    public async Task Concurrent_reads_share_the_source_safely_and_agree()
    {
        var box = new BBox(105.2, 21.2, 105.6, 21.6);
        var first = await Dem.ReadAsync(new RasterRequest(box, 4326, 128, 128), default);
        var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Dem.ReadAsync(new RasterRequest(box, 4326, 128, 128), default))));
        Assert.All(reads, r => Assert.Equal(first.Bands[0], r.Bands[0]));
    }

    [Fact]
    public async Task The_gdal_store_type_opens_a_raster_named_after_its_file()
    {
        var options = new StoreOptions { Type = "gdal", Path = "data-samples/raster/bluemarble_vn.tif" };
        await using var store = SourceFactory.OpenStore(options, SampleData.RepositoryRoot);
        Assert.Empty(await store.OpenFeatureSourcesAsync(default));
        var raster = Assert.Single(await store.OpenRasterSourcesAsync(default));
        Assert.Equal("bluemarble_vn", raster.Info.Name);
        Assert.Equal(["Red", "Green", "Blue"], raster.Info.Bands.Select(b => b.ColorInterpretation));
    }

    [Fact]
    public async Task A_gdal_store_on_a_missing_file_fails_with_GDALs_message()
    {
        var options = new StoreOptions { Type = "gdal", Path = "data-samples/raster/missing.tif" };
        await using var store = SourceFactory.OpenStore(options, SampleData.RepositoryRoot);
        var e = await Assert.ThrowsAsync<GdalException>(() => store.OpenRasterSourcesAsync(default));
        Assert.Contains("missing.tif", e.Message);
    }

    /// <summary>A 4 × 4 Byte GeoTIFF in /tmp whose top-left pixel is nodata, made with gdal_translate.</summary>
    private sealed class TemporaryRaster : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"geosdi-{Guid.NewGuid():N}.tif");

        public TemporaryRaster()
        {
            var asc = System.IO.Path.ChangeExtension(Path, ".asc");
            File.WriteAllText(asc, "ncols 4\nnrows 4\nxllcorner 105\nyllcorner 21\ncellsize 0.25\nNODATA_value 7\n7 1 2 3\n4 5 6 8\n9 10 11 12\n13 14 15 16\n");
            using (var source = GdalDataset.OpenRaster(asc))
            using (source.Translate(Path, ["-of", "GTiff", "-a_srs", "EPSG:4326"])) { }
            File.Delete(asc);
        }

        public void Dispose() => File.Delete(Path);
    }
}
