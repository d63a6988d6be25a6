using System.Net;
using GeoServer.Tests.Support;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Catalog.Csw;

[Collection(GeoSdiServerCollection.Name)]
public sealed class CswGetRecordsTests(GeoSdiServer server)
{
    private const string Kvp = "service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record";

    [Fact]
    public async Task Without_resultType_only_the_count_of_every_layer_and_service_is_returned()
    {
        var (status, doc) = await GetAsync(server.Client, Kvp);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = doc.Root!.Element(CswNs + "SearchResults")!;
        Assert.Equal((SampleData.AllCollectionIds.Count + 4).ToString(), results.Attribute("numberOfRecordsMatched")!.Value);
        Assert.Equal("0", results.Attribute("numberOfRecordsReturned")!.Value);
        Assert.Empty(results.Elements());
    }

    [Theory]
    [InlineData("csw:AnyText like '%song, kenh%'")]
    [InlineData("AnyText ILIKE '%SÔNG, KÊNH%'")]
    [InlineData("dc:title = 'Sông, kênh (GSHHG/WDBII)'")]
    [InlineData("dc:identifier = 'vn:rivers'")]
    public async Task A_CQL_TEXT_constraint_finds_the_rivers_without_regard_to_case_or_diacritics(string cql)
    {
        var (_, doc) = await GetAsync(server.Client, $"{Kvp}&resultType=results&constraintLanguage=CQL_TEXT&constraint={Uri.EscapeDataString(cql)}");

        Assert.Equal(["vn:rivers"], Identifiers(doc));
    }

    [Theory]
    [InlineData("apiso:TopicCategory = 'inlandWaters'")]
    [InlineData("apiso:Title LIKE '%rivers and canals%'")]
    [InlineData("dc:subject = 'hydrography'")]
    public async Task ISO_queryables_and_English_translations_are_searchable(string cql)
    {
        var (_, doc) = await GetAsync(server.Client, $"{Kvp}&resultType=results&constraintLanguage=CQL_TEXT&constraint={Uri.EscapeDataString(cql)}");

        Assert.Equal(["vn:rivers"], Identifiers(doc));
    }

    [Fact]
    public async Task A_BBOX_in_CQL_TEXT_and_a_type_select_datasets_in_the_box()
    {
        var cql = "BBOX(ows:BoundingBox, 105.80, 21.12, 105.85, 21.15) AND dc:type = 'dataset'";
        var (_, doc) = await GetAsync(server.Client, $"{Kvp}&resultType=results&maxRecords=100&constraintLanguage=CQL_TEXT&constraint={Uri.EscapeDataString(cql)}");

        var ids = Identifiers(doc);
        Assert.Contains("ha-noi:land_parcels_synthetic", ids);
        Assert.DoesNotContain("ha-noi:land_use_codes", ids);   // no geometry, no extent
        Assert.DoesNotContain(ids, id => id.StartsWith("service:"));
    }

    [Fact]
    public async Task An_XML_POST_with_a_PropertyIsLike_on_AnyText_uses_the_requests_wildcards()
    {
        var body = GetRecords("""
            <csw:ElementSetName>brief</csw:ElementSetName>
            <csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="?" escapeChar="!">
              <ogc:PropertyName>csw:AnyText</ogc:PropertyName><ogc:Literal>*s?ng, k?nh*</ogc:Literal>
            </ogc:PropertyIsLike></ogc:Filter></csw:Constraint>
            """);
        var (status, doc) = await PostAsync(server.Client, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["vn:rivers"], Identifiers(doc));
        Assert.Single(doc.Descendants(CswNs + "BriefRecord"));
    }

    [Fact]
    public async Task And_Or_Not_EqualTo_and_BBOX_combine_in_a_Filter()
    {
        var body = GetRecords("""
            <csw:ElementSetName>summary</csw:ElementSetName>
            <csw:Constraint version="1.1.0"><ogc:Filter><ogc:And>
              <ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName>
                <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>21.12 105.80</gml:lowerCorner><gml:upperCorner>21.15 105.85</gml:upperCorner></gml:Envelope></ogc:BBOX>
              <ogc:Or>
                <ogc:PropertyIsEqualTo><ogc:PropertyName>dc:subject</ogc:PropertyName><ogc:Literal>HA-NOI</ogc:Literal></ogc:PropertyIsEqualTo>
                <ogc:PropertyIsEqualTo><ogc:PropertyName>dc:type</ogc:PropertyName><ogc:Literal>service</ogc:Literal></ogc:PropertyIsEqualTo>
              </ogc:Or>
              <ogc:Not><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\"><ogc:PropertyName>dc:title</ogc:PropertyName><ogc:Literal>%WMTS%</ogc:Literal></ogc:PropertyIsLike></ogc:Not>
            </ogc:And></ogc:Filter></csw:Constraint>
            """, "resultType=\"results\" maxRecords=\"100\"");
        var (_, doc) = await PostAsync(server.Client, body);

        var ids = Identifiers(doc);
        Assert.Contains("ha-noi:land_parcels_synthetic", ids);
        Assert.Contains("service:wms", ids);
        Assert.DoesNotContain("service:wmts", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("vn:"));
    }

    [Fact]
    public async Task PropertyIsBetween_on_Modified_takes_dates()
    {
        var body = GetRecords("""
            <csw:ElementSetName>brief</csw:ElementSetName>
            <csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsBetween><ogc:PropertyName>dct:modified</ogc:PropertyName>
              <ogc:LowerBoundary><ogc:Literal>2000-01-01</ogc:Literal></ogc:LowerBoundary><ogc:UpperBoundary><ogc:Literal>2000-12-31T23:59:59Z</ogc:Literal></ogc:UpperBoundary>
            </ogc:PropertyIsBetween></ogc:Filter></csw:Constraint>
            """, "resultType=\"hits\"");
        var (_, doc) = await PostAsync(server.Client, body);

        Assert.Equal("0", doc.Root!.Element(CswNs + "SearchResults")!.Attribute("numberOfRecordsMatched")!.Value);
    }

    [Fact]
    public async Task Pages_of_three_follow_nextRecord_to_every_record_once_and_end_with_zero()
    {
        var seen = new List<string>();
        int start = 1, matched = 0;
        while (start != 0)
        {
            var (_, doc) = await GetAsync(server.Client, $"{Kvp}&resultType=results&ElementSetName=brief&maxRecords=3&startPosition={start}");
            var results = doc.Root!.Element(CswNs + "SearchResults")!;
            matched = int.Parse(results.Attribute("numberOfRecordsMatched")!.Value);
            seen.AddRange(Identifiers(doc));
            start = int.Parse(results.Attribute("nextRecord")!.Value);
            Assert.True(seen.Count <= matched);
        }
        Assert.Equal(matched, seen.Count);
        Assert.Equal(matched, seen.Distinct().Count());
    }

    [Fact]
    public async Task SortBy_orders_by_title_descending_in_KVP_and_XML()
    {
        var (_, kvp) = await GetAsync(server.Client, $"{Kvp}&resultType=results&ElementSetName=brief&maxRecords=100&sortBy=dc:title:D");
        var (_, xml) = await PostAsync(server.Client, GetRecords("""
            <csw:ElementSetName>brief</csw:ElementSetName>
            <ogc:SortBy><ogc:SortProperty><ogc:PropertyName>dc:title</ogc:PropertyName><ogc:SortOrder>DESC</ogc:SortOrder></ogc:SortProperty></ogc:SortBy>
            """, "resultType=\"results\" maxRecords=\"100\""));

        // The first title of each record is its own; translations follow it.
        var titles = kvp.Descendants(CswNs + "BriefRecord").Select(r => GeoServer.Catalog.Search.TextFolding.Fold(r.Element(Dc + "title")!.Value)).ToList();
        Assert.Equal(titles.OrderDescending(StringComparer.Ordinal), titles);
        Assert.Equal(Identifiers(kvp), Identifiers(xml));
    }

    [Fact]
    public async Task Validate_acknowledges_without_searching()
    {
        var (status, doc) = await PostAsync(server.Client, GetRecords("<csw:ElementSetName>full</csw:ElementSetName>", "resultType=\"validate\""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(CswNs + "Acknowledgement", doc.Root!.Name);
        Assert.NotNull(doc.Root.Element(CswNs + "EchoedRequest")!.Element(CswNs + "GetRecords"));
    }

    [Fact]
    public async Task Full_records_carry_links_with_their_protocols_and_the_box_comes_last()
    {
        var (_, doc) = await GetAsync(server.Client, $"{Kvp}&resultType=results&ElementSetName=full&constraintLanguage=CQL_TEXT&constraint={Uri.EscapeDataString("dc:identifier = 'vn:rivers'")}");

        var record = doc.Descendants(CswNs + "Record").Single();
        var schemes = record.Elements(Dct + "references").Select(r => r.Attribute("scheme")!.Value).ToList();
        Assert.Contains("OGC:WMS", schemes);
        Assert.Contains("OGC:WMTS", schemes);
        Assert.Contains(record.Elements(Dct + "references"), r => r.Value == server.BaseAddress + "ogc/collections/vn%3Arivers/items");
        Assert.Equal(Ows + "BoundingBox", record.Elements().Last().Name);
        Assert.Equal("5 100", record.Element(Ows + "BoundingBox")!.Element(Ows + "LowerCorner")!.Value);
    }

    [Fact]
    public async Task A_workspace_endpoint_finds_only_that_workspaces_records()
    {
        var (_, doc) = await GetAsync(server.Client, "service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&maxRecords=100", "/ws/ha-noi/csw");

        var ids = Identifiers(doc);
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("ha-noi:", id));
        var (status, byId) = await GetAsync(server.Client, "service=CSW&request=GetRecordById&id=vn:rivers", "/ws/ha-noi/csw");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(byId.Root!.Elements());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/ws/nowhere/csw?service=CSW&request=GetCapabilities")).StatusCode);
    }
}
