using System.Globalization;
using GeoServer.Tests.Data.Gdal;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Coverages;

/// <summary>/ogc/collections/{id}/coverage: GeoTIFF subsets that GDAL opens with the source's pixels, and clear 4xx otherwise.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class CoverageDownloadTests(GeoSdiServer server)
{
    private const string Dem = "/ogc/collections/vn:dem_srtm3_N21E105/coverage";

    private async Task<string> DownloadAsync(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("image/tiff", response.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"geosdi-coverage-{Guid.NewGuid():N}.tif");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_subset_at_native_resolution_holds_the_source_pixels()
    {
        var file = await DownloadAsync(Dem + "?bbox=105.6,21.0,105.9,21.2");
        try
        {
            var info = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", SampleData.RepositoryRoot, true, file);
            // Grown to whole source pixels (0.000833°): 361 × 241 pixels, on the source's grid.
            Assert.Contains("Size is 361, 241", info);
            Assert.Contains("Origin = (105.59958333", info);
            Assert.Contains("ID[\"EPSG\",4326]", info);
            Assert.Contains("NoData Value=-32768", info);
            foreach (var (lon, lat) in new[] { (105.8542, 21.0285), (105.61, 21.19), (105.75, 21.1) })
                Assert.Equal(await GdalRasterSourceTests.LocationInfoAsync(GdalBindingTests.Dem, lon, lat),
                    await GdalRasterSourceTests.LocationInfoAsync(file, lon, lat));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_coverage_can_be_reprojected_and_resized()
    {
        var file = await DownloadAsync(Dem + "?bbox=105.6,21.0,105.9,21.2&crs=EPSG:3857&width=200");
        try
        {
            var info = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", SampleData.RepositoryRoot, true, file);
            Assert.Contains("ID[\"EPSG\",3857]", info);
            Assert.Contains("Size is 200, ", info);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_collection_links_to_its_coverage()
    {
        var collection = await server.Client.GetJsonAsync("/ogc/collections/vn:dem_srtm3_N21E105?f=json");
        Assert.EndsWith("/ogc/collections/vn%3Adem_srtm3_N21E105/coverage",
            collection.Link("http://www.opengis.net/def/rel/ogc/1.0/coverage", "image/tiff; application=geotiff"));
    }

    [Theory]
    [InlineData(Dem + "?width=20000&height=20000", "width", "limit")]
    [InlineData(Dem + "?bbox=100,0,120,30&crs=EPSG:3857&width=100000", "width", "")]
    [InlineData(Dem + "?crs=EPSG:99999", "crs", "")]
    [InlineData(Dem + "?bbox=10,10,11,11", "bbox", "does not meet")]
    [InlineData(Dem + "?bbox=1,2,3", "bbox", "")]
    [InlineData(Dem + "?width=-3", "width", "")]
    [InlineData(Dem + "?resampling=magic", "resampling", "")]
    public async Task A_bad_or_too_large_request_is_a_400_naming_the_parameter(string url, string parameter, string detail)
    {
        using var response = await server.Client.GetAsync(url);
        var problem = await HttpJson.AssertProblemAsync(response, 400, parameter);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_collection_of_features_has_no_coverage()
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:rivers/coverage");
        await HttpJson.AssertProblemAsync(response, 404, null);
    }
}
