using System.Globalization;
using GeoServer.Data.Gdal;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.Gdal;

/// <summary>The thin GDAL binding itself, checked against GDAL's own command-line tools on the sample rasters.</summary>
public sealed class GdalBindingTests
{
    public static string Dem => Path.Combine(SampleData.RepositoryRoot, "data-samples", "raster", "dem_srtm3_N21E105.tif");
    public static string BlueMarble => Path.Combine(SampleData.RepositoryRoot, "data-samples", "raster", "bluemarble_vn.tif");

    [Fact]
    public void The_library_is_the_distributions_GDAL_3()
    {
        Assert.StartsWith("3.", GdalLibrary.Version);
    }

    [Fact]
    public void Opening_a_COG_reads_its_size_georeferencing_CRS_and_bands()
    {
        using var dem = GdalDataset.OpenRaster(Dem);
        Assert.Equal("GTiff", dem.Driver);
        Assert.Equal((1201, 1201, 1), (dem.Width, dem.Height, dem.BandCount));
        var gt = dem.GeoTransform!;
        Assert.Equal(104.999583333333334, gt[0], 9);
        Assert.Equal(22.000416666666666, gt[3], 9);
        Assert.Equal(0.000833333333333, gt[1], 12);
        Assert.Equal(-0.000833333333333, gt[5], 12);
        Assert.Equal(4326, dem.Epsg);
        var band = dem.Band(1);
        Assert.Equal("Int16", band.DataType);
        Assert.Equal(-32768, band.NoData);
        Assert.Equal([(600, 600), (300, 300), (150, 150)], band.Overviews);
    }

    [Fact]
    public void A_CRS_without_an_authority_is_identified_as_its_EPSG_code()
    {
        const string utm48 = """PROJCS["UTM 48N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";
        Assert.Equal(32648, GdalDataset.EpsgOf(utm48));
    }

    [Fact]
    public async Task A_full_resolution_window_holds_the_values_gdallocationinfo_reads()
    {
        using var dem = GdalDataset.OpenRaster(Dem);
        var buffer = new float[4 * 3];
        dem.Band(1).Read(500, 700, 4, 3, buffer, 4, 3, 4, GdalResampling.Nearest);
        foreach (var (column, row) in new[] { (500, 700), (503, 700), (501, 702) })
        {
            var expected = await ExternalTool.RunAsync("gdallocationinfo", "gdal-bin", SampleData.RepositoryRoot, true,
                "-valonly", Dem, column.ToString(CultureInfo.InvariantCulture), row.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(double.Parse(expected.Trim(), CultureInfo.InvariantCulture), buffer[(row - 700) * 4 + column - 500]);
            Assert.Equal(double.Parse(expected.Trim(), CultureInfo.InvariantCulture), dem.Band(1).ReadPixel(column, row));
        }
    }

    [Fact]
    public void A_downsampled_window_averages_the_source_pixels()
    {
        using var dem = GdalDataset.OpenRaster(Dem);
        var full = new float[8 * 8];
        dem.Band(1).Read(400, 400, 8, 8, full, 8, 8, 8, GdalResampling.Nearest);
        var reduced = new float[1];
        dem.Band(1).Read(400, 400, 8, 8, reduced, 1, 1, 1, GdalResampling.Average);
        Assert.InRange(reduced[0], full.Min(), full.Max());
    }

    [Fact]
    public void A_missing_file_becomes_an_exception_with_GDALs_message()
    {
        var e = Assert.Throws<GdalException>(() => GdalDataset.OpenRaster("/nonexistent/nothing-here.tif"));
        Assert.Contains("nothing-here.tif", e.Message);
        Assert.Contains("No such file or directory", e.GdalMessage);
    }

    [Fact]
    public void A_file_that_is_not_a_raster_becomes_an_exception_with_GDALs_message()
    {
        var e = Assert.Throws<GdalException>(() => GdalDataset.OpenRaster(Path.Combine(SampleData.RepositoryRoot, "data-samples", "PROVENANCE.md")));
        Assert.Contains("not recognized as a supported file format", e.GdalMessage);
    }

    [Fact]
    public void A_bad_option_list_becomes_an_exception_with_GDALs_message()
    {
        using var dem = GdalDataset.OpenRaster(Dem);
        var e = Assert.Throws<GdalException>(() => dem.Warp("", ["-of", "MEM", "-no-such-option"]));
        Assert.Contains("-no-such-option", e.GdalMessage);
    }

    [Fact]
    public void Reading_outside_the_raster_becomes_an_exception_with_GDALs_message()
    {
        using var dem = GdalDataset.OpenRaster(Dem);
        var e = Assert.Throws<GdalException>(() => dem.Band(1).ReadPixel(5000, 0));
        Assert.Contains("Access window out of range", e.GdalMessage);
    }

    [Fact]
    public void Translate_writes_a_GeoTIFF_into_a_memory_file_that_reads_back()
    {
        var path = GdalMemoryFile.NewPath(".tif");
        try
        {
            using (var dem = GdalDataset.OpenRaster(Dem))
            using (dem.Translate(path, ["-of", "GTiff", "-srcwin", "100", "100", "50", "40"])) { }
            var bytes = GdalMemoryFile.Read(path)!;
            Assert.Equal("II*\0"u8.ToArray(), bytes[..4]);

            var copy = GdalMemoryFile.NewPath(".tif");
            GdalMemoryFile.Create(copy, bytes);
            using var reopened = GdalDataset.OpenRaster(copy);
            Assert.Equal((50, 40), (reopened.Width, reopened.Height));
            using var dem2 = GdalDataset.OpenRaster(Dem);
            Assert.Equal(dem2.Band(1).ReadPixel(110, 120), reopened.Band(1).ReadPixel(10, 20));
            GdalMemoryFile.Delete(copy);
            Assert.Null(GdalMemoryFile.Read(copy));
        }
        finally
        {
            GdalMemoryFile.Delete(path);
        }
    }

    [Fact]
    public void Warp_reprojects_onto_a_Web_Mercator_grid()
    {
        using var blueMarble = GdalDataset.OpenRaster(BlueMarble);
        using var warped = blueMarble.Warp("", ["-of", "MEM", "-t_srs", "EPSG:3857", "-te", "11500000", "2000000", "11700000", "2200000", "-ts", "64", "64"]);
        Assert.Equal(3857, warped.Epsg);
        Assert.Equal((64, 64, 3), (warped.Width, warped.Height, warped.BandCount));
        Assert.Equal(11500000, warped.GeoTransform![0], 6);
    }

    [Fact]
    public void An_automatic_warped_VRT_covers_the_raster_in_the_target_CRS()
    {
        using var blueMarble = GdalDataset.OpenRaster(BlueMarble);
        using var mercator = GdalDataset.OpenRaster(BlueMarble);
        using var reference = mercator.Warp("", ["-of", "MEM", "-t_srs", "EPSG:3857", "-ts", "8", "8"]);
        using var vrt = blueMarble.AutoWarpedVrt(reference.ProjectionWkt);
        Assert.Equal("VRT", vrt.Driver);
        Assert.Equal(3857, vrt.Epsg);
        Assert.Equal(100 * 20037508.342789244 / 180, vrt.GeoTransform![0], 0);
    }

    [Fact]
    public void The_block_cache_size_is_configurable()
    {
        var before = GdalLibrary.CacheMaxBytes;
        GdalLibrary.CacheMaxBytes = 64L << 20;
        Assert.Equal(64L << 20, GdalLibrary.CacheMaxBytes);
        GdalLibrary.CacheMaxBytes = before;
    }

    [Fact]
    public async Task Ogr2ogr_as_a_function_copies_every_feature_into_another_format()
    {
        string folder = Directory.CreateTempSubdirectory("geosdi-ogr-").FullName;
        try
        {
            string source = Path.Combine(SampleData.RepositoryRoot, "data-samples", "land.gpkg");
            using (var gpkg = GdalDataset.OpenVector(source))
            {
                var parcels = gpkg.VectorLayers().Single(l => l.Name == "land_parcels_synthetic");
                Assert.True(parcels.FeatureCount > 0);
                Assert.Contains("WGS", parcels.CrsWkt);
                using var written = gpkg.VectorTranslate(Path.Combine(folder, "parcels.geojson"), ["-f", "GeoJSON", "land_parcels_synthetic"]);
            }
            var info = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", folder, true, "-so", "-al", Path.Combine(folder, "parcels.geojson"));
            using var again = GdalDataset.OpenVector(source);
            long expected = again.VectorLayers().Single(l => l.Name == "land_parcels_synthetic").FeatureCount;
            Assert.Contains($"Feature Count: {expected}", info);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_GDAL_cannot_read_as_vector_fails_with_GDALs_message()
    {
        var error = Assert.Throws<GdalException>(() => GdalDataset.OpenVector(Dem));
        Assert.Contains("dem_srtm3", error.Message);
    }
}
