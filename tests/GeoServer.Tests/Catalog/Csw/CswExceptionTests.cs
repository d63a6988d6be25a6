using System.Net;
using GeoServer.Tests.Support;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Catalog.Csw;

[Collection(GeoSdiServerCollection.Name)]
public sealed class CswExceptionTests(GeoSdiServer server)
{
    [Theory]
    [InlineData("service=CSW", "MissingParameterValue", "request")]
    [InlineData("service=CSW&request=Harvest2", "OperationNotSupported", "request")]
    [InlineData("service=WFS&request=GetCapabilities", "InvalidParameterValue", "service")]
    [InlineData("service=CSW&request=GetRecords&version=3.0.0", "InvalidParameterValue", "version")]
    [InlineData("service=CSW&request=GetCapabilities&acceptVersions=3.0.0", "VersionNegotiationFailed", "acceptVersions")]
    [InlineData("service=CSW&request=GetRecords&typeNames=wfs:FeatureType", "InvalidParameterValue", "typeNames")]
    [InlineData("service=CSW&request=GetRecords&outputSchema=urn:nothing", "InvalidParameterValue", "outputSchema")]
    [InlineData("service=CSW&request=GetRecords&ElementSetName=most", "InvalidParameterValue", "ElementSetName")]
    [InlineData("service=CSW&request=GetRecords&resultType=all", "InvalidParameterValue", "resultType")]
    [InlineData("service=CSW&request=GetRecords&maxRecords=-1", "InvalidParameterValue", "maxRecords")]
    [InlineData("service=CSW&request=GetRecords&startPosition=0", "InvalidParameterValue", "startPosition")]
    [InlineData("service=CSW&request=GetRecords&sortBy=dc:rights:A", "InvalidParameterValue", "sortBy")]
    [InlineData("service=CSW&request=GetRecords&constraint=x", "MissingParameterValue", "constraintLanguage")]
    [InlineData("service=CSW&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=dc:rights%20=%20'x'", "InvalidParameterValue", "Constraint")]
    [InlineData("service=CSW&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=title%20LIKE", "InvalidParameterValue", "Constraint")]
    [InlineData("service=CSW&request=GetRecordById", "MissingParameterValue", "id")]
    [InlineData("service=CSW&request=GetDomain", "MissingParameterValue", "ParameterName")]
    [InlineData("service=CSW&request=GetDomain&PropertyName=dc:rights", "InvalidParameterValue", "PropertyName")]
    public async Task A_bad_request_is_an_ows_exception_report_with_the_standard_code_and_locator(string query, string code, string locator)
    {
        var (status, doc) = await GetAsync(server.Client, query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, ExceptionCode(doc));
        Assert.Equal(locator, doc.Root!.Element(Ows + "Exception")!.Attribute("locator")!.Value, ignoreCase: true);
        Assert.Equal("1.2.0", doc.Root.Attribute("version")!.Value);
    }

    [Fact]
    public async Task An_unknown_filter_operator_in_XML_names_the_constraint()
    {
        var (status, doc) = await PostAsync(server.Client, GetRecords(
            "<csw:Constraint version=\"1.1.0\"><ogc:Filter><ogc:PropertyIsSimilar/></ogc:Filter></csw:Constraint>"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidParameterValue", ExceptionCode(doc));
    }
}
