using System.Xml.Linq;
using GeoServer.Tests.Support;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Catalog.Csw;

/// <summary>
/// The ISO 19139 output checked for the structure the gmd schema requires (the XSDs are not available offline):
/// mandatory elements present and in schema order, code lists with values, extents and links.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class CswIsoTests(GeoSdiServer server)
{
    private const string Iso = "outputSchema=http://www.isotc211.org/2005/gmd";

    private async Task<XElement> RecordAsync(string id, string set = "full")
    {
        var (_, doc) = await GetAsync(server.Client, $"service=CSW&version=2.0.2&request=GetRecordById&id={id}&{Iso}&ElementSetName={set}");
        return doc.Root!.Elements(Gmd + "MD_Metadata").Single();
    }

    // gmd:MD_Metadata's sequence (ISO 19139 metadataEntity.xsd), of the elements written.
    private static readonly string[] MetadataOrder =
        ["fileIdentifier", "language", "characterSet", "hierarchyLevel", "contact", "dateStamp", "metadataStandardName",
         "metadataStandardVersion", "locale", "referenceSystemInfo", "identificationInfo", "distributionInfo", "dataQualityInfo"];

    private static readonly string[] DataIdentificationOrder =
        ["citation", "abstract", "credit", "pointOfContact", "resourceMaintenance", "descriptiveKeywords", "resourceConstraints",
         "spatialResolution", "language", "characterSet", "topicCategory", "extent"];

    [Fact]
    public async Task A_dataset_record_has_the_mandatory_elements_in_schema_order()
    {
        var md = await RecordAsync("vn:rivers");

        AssertOrder(md, MetadataOrder);
        Assert.Equal("vn:rivers", md.Element(Gmd + "fileIdentifier")!.Element(Gco + "CharacterString")!.Value);
        Assert.Equal("dataset", md.Element(Gmd + "hierarchyLevel")!.Element(Gmd + "MD_ScopeCode")!.Attribute("codeListValue")!.Value);
        Assert.NotNull(md.Element(Gmd + "contact")!.Descendants(Gmd + "CI_RoleCode").Single().Attribute("codeList"));
        Assert.NotNull(md.Element(Gmd + "dateStamp")!.Element(Gco + "DateTime"));
        var id = md.Element(Gmd + "identificationInfo")!.Element(Gmd + "MD_DataIdentification")!;
        AssertOrder(id, DataIdentificationOrder);
        var citation = id.Element(Gmd + "citation")!.Element(Gmd + "CI_Citation")!;
        Assert.Equal("Sông, kênh (GSHHG/WDBII)", citation.Element(Gmd + "title")!.Element(Gco + "CharacterString")!.Value);
        Assert.NotNull(citation.Element(Gmd + "date")!.Descendants(Gmd + "CI_DateTypeCode").Single());
        Assert.NotEmpty(id.Element(Gmd + "abstract")!.Element(Gco + "CharacterString")!.Value);
        Assert.NotNull(id.Element(Gmd + "language")!.Element(Gmd + "LanguageCode"));
        var box = id.Element(Gmd + "extent")!.Descendants(Gmd + "EX_GeographicBoundingBox").Single();
        Assert.Equal(["westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude"], box.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("100", box.Element(Gmd + "westBoundLongitude")!.Element(Gco + "Decimal")!.Value);
        Assert.Equal("EPSG", md.Element(Gmd + "referenceSystemInfo")!.Descendants(Gco + "CharacterString").Single().Value.Split('/')[^3]);
        var links = md.Element(Gmd + "distributionInfo")!.Descendants(Gmd + "CI_OnlineResource").ToList();
        Assert.Contains(links, l => l.Element(Gmd + "protocol")!.Element(Gco + "CharacterString")!.Value == "OGC:WMS"
            && l.Element(Gmd + "linkage")!.Element(Gmd + "URL")!.Value == server.BaseAddress + "wms");
        Assert.All(md.Descendants().Where(e => e.Attribute("codeList") is not null), e => Assert.False(string.IsNullOrEmpty(e.Attribute("codeListValue")?.Value)));
        Assert.All(md.Descendants(Gmd + "MD_Format"), f => Assert.NotNull(f.Element(Gmd + "version")));
    }

    [Fact]
    public async Task A_service_record_is_an_SV_ServiceIdentification_with_coupling_and_an_operation()
    {
        var md = await RecordAsync("service:wms");

        Assert.Equal("service", md.Element(Gmd + "hierarchyLevel")!.Element(Gmd + "MD_ScopeCode")!.Attribute("codeListValue")!.Value);
        var sv = md.Element(Gmd + "identificationInfo")!.Element(Srv + "SV_ServiceIdentification")!;
        Assert.Equal("OGC:WMS", sv.Element(Srv + "serviceType")!.Element(Gco + "LocalName")!.Value);
        Assert.NotNull(sv.Element(Srv + "couplingType")!.Element(Srv + "SV_CouplingType"));
        var op = sv.Element(Srv + "containsOperations")!.Element(Srv + "SV_OperationMetadata")!;
        Assert.Equal(["operationName", "DCP", "connectPoint"], op.Elements().Select(e => e.Name.LocalName));
        var order = sv.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(order.IndexOf("serviceType") < order.IndexOf("extent") && order.IndexOf("extent") < order.IndexOf("couplingType"));
    }

    [Fact]
    public async Task GetRecords_in_ISO_writes_MD_Metadata_records_and_names_the_schema()
    {
        var (_, doc) = await GetAsync(server.Client, $"service=CSW&version=2.0.2&request=GetRecords&typeNames=gmd:MD_Metadata&resultType=results&{Iso}&ElementSetName=brief&maxRecords=5");

        var results = doc.Root!.Element(CswNs + "SearchResults")!;
        Assert.Equal("http://www.isotc211.org/2005/gmd", results.Attribute("recordSchema")!.Value);
        Assert.Equal(5, results.Elements(Gmd + "MD_Metadata").Count());
        Assert.All(results.Elements(), md => AssertOrder(md, MetadataOrder));
    }

    private static void AssertOrder(XElement parent, string[] order)
    {
        var names = parent.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.All(names, n => Assert.Contains(n, order));
        var positions = names.Select(n => Array.IndexOf(order, n)).ToList();
        Assert.Equal(positions.Order(), positions);
    }
}
