using System.Xml.Linq;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Wms;

[Collection(GeoSdiServerCollection.Name)]
public sealed class WmsCapabilitiesTests(GeoSdiServer server)
{
    private static readonly XNamespace Wms = "http://www.opengis.net/wms";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private async Task<XDocument> CapabilitiesAsync(string query)
    {
        var response = await server.Client.GetAsync("/wms?" + query);
        Assert.Equal(200, (int)response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_130_capabilities_list_every_sample_layer_with_geometry_under_its_workspace()
    {
        var doc = await CapabilitiesAsync("service=WMS&request=GetCapabilities");

        Assert.Equal("1.3.0", doc.Root!.Attribute("version")!.Value);
        var root = doc.Root.Element(Wms + "Capability")!.Element(Wms + "Layer")!;
        var groups = root.Elements(Wms + "Layer").Select(g => g.Element(Wms + "Name")!.Value).ToList();
        Assert.Equal(["ha-noi", "vn"], groups.Order());
        var named = root.Descendants(Wms + "Layer").Where(l => l.Attribute("queryable") is not null)
            .Select(l => l.Element(Wms + "Name")!.Value).ToList();
        Assert.Equal(SampleData.MapLayerIds.Order(), named.Order());
    }

    [Fact]
    public async Task Each_layer_has_a_geographic_box_boxes_in_the_usual_CRSs_and_a_legend_per_style()
    {
        var doc = await CapabilitiesAsync("service=WMS&request=GetCapabilities&version=1.3.0");

        var provinces = doc.Descendants(Wms + "Layer").Single(l => l.Element(Wms + "Name")?.Value == "vn:vn_provinces_2025");
        var geo = provinces.Element(Wms + "EX_GeographicBoundingBox")!;
        Assert.InRange(double.Parse(geo.Element(Wms + "westBoundLongitude")!.Value), 101, 103);
        Assert.InRange(double.Parse(geo.Element(Wms + "northBoundLatitude")!.Value), 23, 24);
        var crss = provinces.Elements(Wms + "BoundingBox").Select(b => b.Attribute("CRS")!.Value).ToList();
        Assert.Contains("CRS:84", crss);
        Assert.Contains("EPSG:4326", crss);
        Assert.Contains("EPSG:3857", crss);
        // EPSG:4326 in WMS 1.3.0 is latitude first.
        var wgs = provinces.Elements(Wms + "BoundingBox").Single(b => b.Attribute("CRS")!.Value == "EPSG:4326");
        Assert.InRange(double.Parse(wgs.Attribute("minx")!.Value), 6, 9); // the southern islands reach 7.2 N
        var legend = provinces.Element(Wms + "Style")!.Element(Wms + "LegendURL")!;
        Assert.Contains("request=GetLegendGraphic", legend.Element(Wms + "OnlineResource")!.Attribute(XLink + "href")!.Value);
        var response = await server.Client.GetAsync(legend.Element(Wms + "OnlineResource")!.Attribute(XLink + "href")!.Value);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("1.1.1", "1.1.1")]
    [InlineData("1.1.0", "1.1.1")]
    [InlineData("1.0.0", "1.1.1")]
    [InlineData("1.2.0", "1.1.1")]
    [InlineData("1.3.0", "1.3.0")]
    [InlineData("2.0.0", "1.3.0")]
    public async Task Version_negotiation_answers_with_a_served_version(string asked, string answered)
    {
        var doc = await CapabilitiesAsync("service=WMS&request=GetCapabilities&version=" + asked);

        Assert.Equal(answered, doc.Root!.Attribute("version")!.Value);
        Assert.Equal(answered == "1.3.0" ? "WMS_Capabilities" : "WMT_MS_Capabilities", doc.Root.Name.LocalName);
    }

    [Fact]
    public async Task The_111_capabilities_use_SRS_and_LatLonBoundingBox()
    {
        var doc = await CapabilitiesAsync("service=WMS&request=GetCapabilities&version=1.1.1");

        var layer = doc.Descendants("Layer").Single(l => l.Element("Name")?.Value == "vn:rivers");
        Assert.NotNull(layer.Element("LatLonBoundingBox"));
        Assert.Contains(doc.Descendants("SRS"), s => s.Value == "EPSG:3405");
    }

    [Fact]
    public async Task A_workspace_endpoint_lists_only_its_layers_by_their_short_names()
    {
        var response = await server.Client.GetStringAsync("/ws/ha-noi/wms?service=WMS&request=GetCapabilities");
        var doc = XDocument.Parse(response);

        var names = doc.Descendants(Wms + "Layer").Select(l => l.Element(Wms + "Name")?.Value).OfType<string>().ToList();
        Assert.Contains("land_parcels_synthetic", names);
        Assert.DoesNotContain(names, n => n.StartsWith("vn", StringComparison.Ordinal));
        Assert.Equal(404, (int)(await server.Client.GetAsync("/ws/nowhere/wms?request=GetCapabilities")).StatusCode);
    }
}
