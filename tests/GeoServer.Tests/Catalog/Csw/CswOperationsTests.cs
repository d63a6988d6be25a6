using System.Net;
using GeoServer.Tests.Support;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Catalog.Csw;

[Collection(GeoSdiServerCollection.Name)]
public sealed class CswOperationsTests(GeoSdiServer server)
{
    [Fact]
    public async Task The_capabilities_offer_every_operation_by_GET_and_POST_with_parameter_domains()
    {
        var (status, doc) = await GetAsync(server.Client, "service=CSW&request=GetCapabilities");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2.0.2", doc.Root!.Attribute("version")!.Value);
        var operations = doc.Descendants(Ows + "Operation").ToList();
        Assert.Equal(["GetCapabilities", "DescribeRecord", "GetRecords", "GetRecordById", "GetDomain", "Transaction", "Harvest"], operations.Select(o => o.Attribute("name")!.Value));
        XNamespaceXlink(operations);
        var getRecords = operations.Single(o => o.Attribute("name")!.Value == "GetRecords");
        var schemas = getRecords.Elements(Ows + "Parameter").Single(p => p.Attribute("name")!.Value == "outputSchema").Elements(Ows + "Value").Select(v => v.Value);
        Assert.Equal(["http://www.opengis.net/cat/csw/2.0.2", "http://www.isotc211.org/2005/gmd"], schemas);
        Assert.Contains(getRecords.Elements(Ows + "Constraint"), c => c.Attribute("name")!.Value == "SupportedDublinCoreQueryables");
        Assert.NotNull(doc.Root.Element((System.Xml.Linq.XNamespace)"http://www.opengis.net/ogc" + "Filter_Capabilities"));
    }

    private void XNamespaceXlink(List<System.Xml.Linq.XElement> operations)
    {
        System.Xml.Linq.XNamespace xlink = "http://www.w3.org/1999/xlink";
        foreach (var o in operations)
        {
            Assert.Equal(server.BaseAddress + "csw?", o.Descendants(Ows + "Get").Single().Attribute(xlink + "href")!.Value);
            Assert.Equal(server.BaseAddress + "csw", o.Descendants(Ows + "Post").Single().Attribute(xlink + "href")!.Value);
        }
    }

    [Fact]
    public async Task Sections_limit_the_capabilities()
    {
        var (_, doc) = await GetAsync(server.Client, "service=CSW&request=GetCapabilities&sections=ServiceIdentification");

        Assert.Single(doc.Root!.Elements());
        Assert.Equal(Ows + "ServiceIdentification", doc.Root.Elements().Single().Name);
    }

    [Fact]
    public async Task DescribeRecord_gives_a_schema_component_per_type()
    {
        var (_, both) = await GetAsync(server.Client, "service=CSW&version=2.0.2&request=DescribeRecord");
        var (_, dc) = await PostAsync(server.Client,
            $"""<csw:DescribeRecord {Namespaces} service="CSW" version="2.0.2"><csw:TypeName>csw:Record</csw:TypeName></csw:DescribeRecord>""");

        Assert.Equal(2, both.Root!.Elements(CswNs + "SchemaComponent").Count());
        Assert.Equal("http://www.opengis.net/cat/csw/2.0.2", dc.Root!.Elements(CswNs + "SchemaComponent").Single().Attribute("targetNamespace")!.Value);
    }

    [Fact]
    public async Task GetDomain_lists_parameter_values_and_record_types_with_counts()
    {
        var (_, parameter) = await GetAsync(server.Client, "service=CSW&version=2.0.2&request=GetDomain&ParameterName=GetRecords.resultType");
        var (_, property) = await PostAsync(server.Client,
            $"""<csw:GetDomain {Namespaces} service="CSW" version="2.0.2"><csw:PropertyName>dc:type</csw:PropertyName></csw:GetDomain>""");

        Assert.Equal(["hits", "results", "validate"], parameter.Descendants(CswNs + "Value").Select(v => v.Value));
        var types = property.Descendants(CswNs + "Value").ToDictionary(v => v.Value, v => int.Parse(v.Attribute("count")!.Value));
        Assert.Equal(4, types["service"]);
        Assert.True(types["dataset"] > 10);
    }

    [Fact]
    public async Task GetRecordById_returns_the_records_asked_in_order_and_leaves_out_unknown_ids()
    {
        var (_, doc) = await GetAsync(server.Client, "service=CSW&version=2.0.2&request=GetRecordById&id=vn:rivers,nothing,service:wms&ElementSetName=brief");

        Assert.Equal(["vn:rivers", "service:wms"], Identifiers(doc));
        Assert.All(doc.Root!.Elements(), e => Assert.Equal(CswNs + "BriefRecord", e.Name));
    }

    [Fact]
    public async Task KVP_may_also_be_posted_as_a_form()
    {
        var response = await server.Client.PostAsync("/csw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service"] = "CSW", ["request"] = "GetRecordById", ["id"] = "vn:rivers",
        }));

        var doc = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["vn:rivers"], Identifiers(doc));
    }
}
