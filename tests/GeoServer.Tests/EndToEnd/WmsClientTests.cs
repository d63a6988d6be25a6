using GeoServer.Tests.Support;

namespace GeoServer.Tests.EndToEnd;

/// <summary>
/// WMS through the clients desktop GIS users have: GDAL's WMS driver (what QGIS uses underneath for rasters) and
/// OWSLib (Python; QGIS plugins and scripts). Both are required: a machine without them fails these tests.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsClientTests(GeoSdiServer server) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-wms-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Wms => new Uri(server.BaseAddress, "/wms").ToString();

    [Fact]
    public async Task Gdalinfo_lists_every_sample_layer_of_the_capabilities()
    {
        var output = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", _work, errorsFail: true, "WMS:" + Wms);

        foreach (var layer in SampleData.MapLayerIds)
            Assert.Contains("LAYERS=" + Uri.EscapeDataString(layer).Replace("%3A", ":"), Uri.UnescapeDataString(output).Replace("%3A", ":"));
    }

    [Theory]
    [InlineData("1.3.0", "EPSG:4326", "8,102,24,110")]
    [InlineData("1.3.0", "EPSG:3857", "11354588,893463,12245143,2753408")]
    [InlineData("1.1.1", "EPSG:4326", "102,8,110,24")]
    public async Task Gdal_translate_reads_a_map_as_an_image_with_ink(string version, string crs, string bbox)
    {
        string crsKey = version == "1.3.0" ? "CRS" : "SRS";
        string url = $"WMS:{Wms}?SERVICE=WMS&VERSION={version}&REQUEST=GetMap&LAYERS=vn:vn_provinces_2025&STYLES=&{crsKey}={crs}&BBOX={bbox}&FORMAT=image/png";

        await ExternalTool.RunAsync("gdal_translate", "gdal-bin", _work, errorsFail: true, "-q", "-of", "PNG", "-outsize", "256", "256", url, "map.png");
        var image = PngReader.Read(await File.ReadAllBytesAsync(Path.Combine(_work, "map.png")));

        Assert.Equal(256, image.Width);
        Assert.True(image.CountDifferentFrom(image[0, 0]) > 1000, "the provinces are drawn");
    }

    [Fact]
    public async Task OWSLib_reads_the_capabilities_a_map_and_feature_info()
    {
        const string script = """
            import sys
            from owslib.wms import WebMapService
            wms = WebMapService(sys.argv[1], version='1.3.0')
            print('LAYERS', ' '.join(sorted(n for n in wms.contents if ':' in n)))
            img = wms.getmap(layers=['vn:vn_provinces_2025'], styles=[''], srs='EPSG:4326', bbox=(8, 102, 24, 110),
                             size=(200, 400), format='image/png')
            data = img.read()
            print('PNG', data[:8] == b'\x89PNG\r\n\x1a\n', len(data))
            info = wms.getfeatureinfo(layers=['vn:vn_provinces_2025'], srs='CRS:84', bbox=(105.0, 20.3, 106.6, 21.9),
                                      size=(200, 200), format='image/png', query_layers=['vn:vn_provinces_2025'],
                                      info_format='application/json', xy=(100, 100))
            print('INFO', info.read().decode('utf-8'))
            """;
        await File.WriteAllTextAsync(Path.Combine(_work, "owslib_wms.py"), script);

        var output = await ExternalTool.RunAsync("/usr/bin/python3", "python3-owslib", _work, errorsFail: false, "owslib_wms.py", Wms);

        foreach (var layer in SampleData.MapLayerIds) Assert.Contains(layer, output);
        Assert.Contains("PNG True", output);
        Assert.Contains("Hà Nội", output);
    }
}
