using System.Net;
using System.Text;
using GeoServer.Tests.Support;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Catalog.Csw;

/// <summary>XML from the network is parsed without DTDs or entity resolution, and within a size limit.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class CswSecurityTests(GeoSdiServer server)
{
    [Fact]
    public async Task An_external_entity_is_refused_with_an_exception_report_and_never_read()
    {
        var body = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <csw:GetRecordById xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2"><csw:Id>&xxe;</csw:Id></csw:GetRecordById>
            """;
        var response = await server.Client.PostAsync("/csw", new StringContent(body, Encoding.UTF8, "application/xml"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NoApplicableCode", ExceptionCode(System.Xml.Linq.XDocument.Parse(text)));
        Assert.DoesNotContain("root:", text);
    }

    [Fact]
    public async Task Entity_expansion_is_refused()
    {
        var body = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2"><csw:Query typeNames="csw:Record"><csw:ElementSetName>&lol3;</csw:ElementSetName></csw:Query></csw:GetRecords>
            """;
        var (status, doc) = await PostAsync(server.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("NoApplicableCode", ExceptionCode(doc));
    }

    [Fact]
    public async Task A_DTD_inside_a_KVP_FILTER_constraint_is_refused()
    {
        var filter = """<!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/hostname">]><ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsEqualTo><ogc:PropertyName>dc:title</ogc:PropertyName><ogc:Literal>&x;</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>""";
        var (status, doc) = await GetAsync(server.Client,
            $"service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&constraintLanguage=FILTER&constraint={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("NoApplicableCode", ExceptionCode(doc));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_parsing()
    {
        var body = GetRecords($"<csw:ElementSetName>brief</csw:ElementSetName><!-- {new string('x', 1_100_000)} -->");
        var (status, doc) = await PostAsync(server.Client, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("NoApplicableCode", ExceptionCode(doc));
    }

    [Fact]
    public async Task A_body_that_is_not_XML_is_an_exception_report()
    {
        var (status, doc) = await PostAsync(server.Client, "<csw:GetRecords");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("NoApplicableCode", ExceptionCode(doc));
    }
}
