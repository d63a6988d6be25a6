using GeoServer.Tiles.Rendering;
using System.Xml.Linq;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Wms;

[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsExceptionTests(GeoSdiServer server)
{
    private const string Map = "service=WMS&version=1.3.0&request=GetMap&layers=vn:rivers&styles=&crs=CRS:84&bbox=102,8,110,24&width=256&height=256&format=image/png";

    private async Task<XElement> ExceptionAsync(string query, string expectedMediaType = "text/xml")
    {
        var response = await server.Client.GetAsync("/wms?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(expectedMediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("   at ", body);
        var report = XDocument.Parse(body).Root!;
        Assert.Equal("ServiceExceptionReport", report.Name.LocalName);
        return report.Elements().Single();
    }

    [Theory]
    [InlineData("layers=vn:rivers", "layers=vn:nothing", "LayerNotDefined", "layers")]
    [InlineData("layers=vn:rivers", "layers=ha-noi:vn_provinces_2025", "LayerNotDefined", "layers")]
    [InlineData("styles=", "styles=fancy", "StyleNotDefined", "styles")]
    [InlineData("crs=CRS:84", "crs=EPSG:9999", "InvalidCRS", "crs")]
    [InlineData("format=image/png", "format=image/gif", "InvalidFormat", "format")]
    [InlineData("&width=256", "", "MissingParameterValue", "width")]
    [InlineData("width=256", "width=5000", "InvalidParameterValue", "width")]
    [InlineData("width=256", "width=-1", "InvalidParameterValue", "width")]
    [InlineData("bbox=102,8,110,24", "bbox=110,8,102,24", "InvalidParameterValue", "bbox")]
    [InlineData("bbox=102,8,110,24", "bbox=1,2,3", "InvalidParameterValue", "bbox")]
    [InlineData("request=GetMap", "request=Explode", "OperationNotSupported", "request")]
    [InlineData("version=1.3.0", "version=0.9", "InvalidParameterValue", "version")]
    public async Task A_bad_GetMap_parameter_gets_the_standard_exception_code_and_locator(string good, string bad, string code, string locator)
    {
        var error = await ExceptionAsync(Map.Replace(good, bad));

        Assert.Equal(code, error.Attribute("code")!.Value);
        Assert.Equal(locator, error.Attribute("locator")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(error.Value));
    }

    [Fact]
    public async Task WMS_111_reports_InvalidSRS_in_its_own_media_type()
    {
        var error = await ExceptionAsync("service=WMS&version=1.1.1&request=GetMap&layers=vn:rivers&styles=&srs=EPSG:9999&bbox=102,8,110,24&width=256&height=256&format=image/png",
            "application/vnd.ogc.se_xml");

        Assert.Equal("InvalidSRS", error.Attribute("code")!.Value);
    }

    [Theory]
    [InlineData("INIMAGE")]
    [InlineData("BLANK")]
    public async Task An_exception_asked_in_an_image_comes_as_an_image_of_the_requested_size(string mode)
    {
        var response = await server.Client.GetAsync("/wms?" + Map.Replace("styles=", "styles=fancy") + "&exceptions=" + mode);
        var image = PngReader.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal((256, 256), (image.Width, image.Height));
        int ink = image.CountDifferentFrom(Rgba.White);
        if (mode == "INIMAGE") Assert.True(ink > 50, "the message is drawn");
        else Assert.Equal(0, ink);
    }

    [Fact]
    public async Task A_click_outside_the_map_is_an_invalid_point()
    {
        var error = await ExceptionAsync(Map.Replace("GetMap", "GetFeatureInfo") + "&query_layers=vn:rivers&i=300&j=10&info_format=application/json");

        Assert.Equal("InvalidPoint", error.Attribute("code")!.Value);
    }
}
