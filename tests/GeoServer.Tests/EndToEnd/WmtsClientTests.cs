using GeoServer.Tests.Support;

namespace GeoServer.Tests.EndToEnd;

/// <summary>WMTS through GDAL's WMTS driver, as QGIS and gdal_translate read it. GDAL is required.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class WmtsClientTests(GeoSdiServer server) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-wmts-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Capabilities => "WMTS:" + new Uri(server.BaseAddress, "/wmts?service=WMTS&request=GetCapabilities");

    [Fact]
    public async Task Gdalinfo_lists_every_sample_layer_on_every_tile_matrix_set()
    {
        var output = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", _work, errorsFail: true, Capabilities);

        foreach (var layer in SampleData.MapLayerIds)
            foreach (var set in new[] { "WebMercatorQuad", "WorldCRS84Quad", "VN2000UTM48Quad" })
                Assert.Contains($"layer={layer},tilematrixset={set}", output);
    }

    [Theory]
    [InlineData("WebMercatorQuad", "6")]
    [InlineData("WorldCRS84Quad", "5")]
    public async Task Gdal_translate_mosaics_the_tiles_of_a_zoom_level_into_a_map_with_ink(string set, string zoom)
    {
        await ExternalTool.RunAsync("gdal_translate", "gdal-bin", _work, errorsFail: true, "-q", "-of", "PNG", "-outsize", "256", "0",
            "-projwin", "102", "23.5", "110", "8.5", "-projwin_srs", "EPSG:4326",
            $"{Capabilities},layer=vn:vn_provinces_2025,tilematrixset={set},zoom_level={zoom}", "map.png");

        var image = PngReader.Read(await File.ReadAllBytesAsync(Path.Combine(_work, "map.png")));
        Assert.True(image.CountDifferentFrom(image[0, 0]) > 3000, "the provinces are drawn");
    }
}
