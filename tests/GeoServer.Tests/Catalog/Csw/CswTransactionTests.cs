using System.Security.Claims;
using System.Text;
using System.Xml.Linq;
using GeoServer.Catalog.Csw;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Registration;
using GeoServer.Catalog.Search;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Tests.Support;
using Microsoft.AspNetCore.Http;
using static GeoServer.Tests.Catalog.CatalogFixtures;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Catalog.Csw;

/// <summary>
/// CSW Transaction and Harvest through the CSW handler with an administrator as caller (the server has no login yet,
/// so these run the handler on a request made here), over a catalog of its own; Harvest reads the running test server.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class CswTransactionTests(GeoSdiServer server)
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AccessPolicy.AdminRole)], "test"));

    // Harvesting the test server means reaching loopback, which harvesting refuses unless allowed.
    private readonly RecordCatalog _catalog = NewCatalog(harvestAllowedHosts: ["127.0.0.0/8"]);

    public static async Task<(int Status, XDocument Xml)> SendAsync(RecordCatalog catalog, ClaimsPrincipal caller, string? body,
        string? query = null, string? workspace = null)
    {
        var http = new DefaultHttpContext { User = caller };
        http.Request.Method = body is null ? "GET" : "POST";
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        if (query is not null) http.Request.QueryString = new QueryString("?" + query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.ContentType = "application/xml";
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
        }
        var response = new MemoryStream();
        http.Response.Body = response;
        await CswEndpoints.HandleAsync(http, workspace, catalog, CrsRegistry.Default, default);
        response.Position = 0;
        return (http.Response.StatusCode, XDocument.Load(response));
    }

    private const string Reservoir = """
        <csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/" xmlns:ows="http://www.opengis.net/ows">
          <dc:identifier>ext:ho-chua</dc:identifier><dc:title>Hồ chứa thủy điện</dc:title><dc:type>dataset</dc:type>
          <dc:subject>thủy lợi</dc:subject><dc:subject>inlandWaters</dc:subject><dct:abstract>Danh sách hồ chứa.</dct:abstract>
          <dct:references scheme="OGC:WMS">https://example.org/wms</dct:references>
          <ows:BoundingBox crs="urn:ogc:def:crs:EPSG::4326"><ows:LowerCorner>20 104</ows:LowerCorner><ows:UpperCorner>22 106</ows:UpperCorner></ows:BoundingBox>
        </csw:Record>
        """;

    private static string Transaction(string actions) =>
        $"""<csw:Transaction {Namespaces} service="CSW" version="2.0.2">{actions}</csw:Transaction>""";

    private static int Total(XDocument doc, string name) => int.Parse(doc.Descendants(CswNs + name).Single().Value);

    [Fact]
    public async Task An_inserted_record_is_found_without_diacritics_updated_and_deleted()
    {
        var (status, inserted) = await SendAsync(_catalog, Admin, Transaction($"<csw:Insert>{Reservoir}</csw:Insert>"));
        Assert.Equal(200, status);
        Assert.Equal(1, Total(inserted, "totalInserted"));
        var found = _catalog.Search(Anonymous, new SearchQuery { Text = "ho chua thuy dien" }).Records.Single();
        Assert.Equal("ext:ho-chua", found.Id);
        Assert.Equal(new GeoServer.Core.Spatial.BBox(104, 20, 106, 22), found.Extent);
        Assert.Equal([TopicCategory.InlandWaters], found.TopicCategories);

        var (_, updated) = await SendAsync(_catalog, Admin, Transaction($"<csw:Update>{Reservoir.Replace("Hồ chứa thủy điện", "Hồ chứa nước")}</csw:Update>"));
        Assert.Equal(1, Total(updated, "totalUpdated"));
        Assert.Equal("Hồ chứa nước", _catalog.Find(Anonymous, "ext:ho-chua")!.Title.Text);

        var (_, deleted) = await SendAsync(_catalog, Admin, Transaction("""
            <csw:Delete typeName="csw:Record"><csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\">
              <ogc:PropertyName>csw:AnyText</ogc:PropertyName><ogc:Literal>%ho chua%</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></csw:Constraint></csw:Delete>
            """));
        Assert.Equal(1, Total(deleted, "totalDeleted"));
        Assert.Null(_catalog.Find(Anonymous, "ext:ho-chua"));
        Assert.NotNull(_catalog.Find(Anonymous, "vn:rivers"));   // the constraint matched no derived record it could delete
    }

    [Fact]
    public async Task An_ISO_record_inserts_with_its_keywords_extent_and_links()
    {
        var iso = """
            <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
              <gmd:fileIdentifier><gco:CharacterString>ext:iso-1</gco:CharacterString></gmd:fileIdentifier>
              <gmd:hierarchyLevel><gmd:MD_ScopeCode codeListValue="dataset">dataset</gmd:MD_ScopeCode></gmd:hierarchyLevel>
              <gmd:identificationInfo><gmd:MD_DataIdentification>
                <gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>Bản đồ địa chất 1:200.000</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:citation>
                <gmd:abstract><gco:CharacterString>Loạt tờ bản đồ địa chất.</gco:CharacterString></gmd:abstract>
                <gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword><gco:CharacterString>geology</gco:CharacterString></gmd:keyword>
                  <gmd:thesaurusName><gmd:CI_Citation><gmd:title><gco:CharacterString>GEMET</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:thesaurusName></gmd:MD_Keywords></gmd:descriptiveKeywords>
                <gmd:topicCategory><gmd:MD_TopicCategoryCode>geoscientificInformation</gmd:MD_TopicCategoryCode></gmd:topicCategory>
                <gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>
                  <gmd:westBoundLongitude><gco:Decimal>102</gco:Decimal></gmd:westBoundLongitude><gmd:eastBoundLongitude><gco:Decimal>110</gco:Decimal></gmd:eastBoundLongitude>
                  <gmd:southBoundLatitude><gco:Decimal>8</gco:Decimal></gmd:southBoundLatitude><gmd:northBoundLatitude><gco:Decimal>24</gco:Decimal></gmd:northBoundLatitude>
                </gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>
              </gmd:MD_DataIdentification></gmd:identificationInfo>
            </gmd:MD_Metadata>
            """;
        var (status, _) = await SendAsync(_catalog, Admin, Transaction($"<csw:Insert>{iso}</csw:Insert>"));

        Assert.Equal(200, status);
        var record = _catalog.Find(Anonymous, "ext:iso-1")!;
        Assert.Equal("GEMET", record.Keywords.Single().Thesaurus);
        Assert.Equal([TopicCategory.GeoscientificInformation], record.TopicCategories);
        Assert.Equal(new GeoServer.Core.Spatial.BBox(102, 8, 110, 24), record.Extent);
        Assert.Equal(["ext:iso-1"], _catalog.Search(Anonymous, new SearchQuery { Text = "ban do dia chat" }).Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Without_an_administrator_a_transaction_is_refused_and_nothing_changes()
    {
        var (status, doc) = await SendAsync(_catalog, Anonymous, Transaction($"<csw:Insert>{Reservoir}</csw:Insert>"));

        Assert.Equal(401, status);
        Assert.Equal("NoApplicableCode", ExceptionCode(doc));
        Assert.Null(_catalog.Find(Anonymous, "ext:ho-chua"));
    }

    [Fact]
    public async Task A_layers_record_cannot_be_replaced_by_a_transaction()
    {
        var (status, doc) = await SendAsync(_catalog, Admin, Transaction($"<csw:Insert>{Reservoir.Replace("ext:ho-chua", "vn:rivers")}</csw:Insert>"));

        Assert.Equal(400, status);
        Assert.Equal("InvalidParameterValue", ExceptionCode(doc));
        Assert.Equal(RecordOrigin.Layer, _catalog.Find(Anonymous, "vn:rivers")!.Origin);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Harvesting_another_GeoSDI_into_a_workspace_imports_every_record_it_publishes(bool iso)
    {
        var source = new Uri(server.BaseAddress, "/csw").ToString();
        string resourceType = iso ? "http://www.isotc211.org/2005/gmd" : "http://www.opengis.net/cat/csw/2.0.2";
        var (status, doc) = await SendAsync(_catalog, Admin,
            $"""<csw:Harvest {Namespaces} service="CSW" version="2.0.2"><csw:Source>{source}</csw:Source><csw:ResourceType>{resourceType}</csw:ResourceType></csw:Harvest>""",
            workspace: "ha-noi");

        Assert.Equal(200, status);
        int published = SampleData.AllCollectionIds.Count + 4;
        Assert.Equal(published, Total(doc, "totalInserted"));
        var harvested = _catalog.Search(Anonymous, new SearchQuery { Workspace = "ha-noi", Text = "song kenh" }).Records.Single();
        Assert.Equal("ha-noi:vn:rivers", harvested.Id);
        Assert.Equal(RecordOrigin.External, harvested.Origin);
        Assert.Contains(harvested.Distribution.Links, l => l.Protocol == Protocols.Wms);
        Assert.Equal(100, harvested.Extent!.Value.MinX, 6);

        var (_, again) = await SendAsync(_catalog, Admin, null,
            $"service=CSW&version=2.0.2&request=Harvest&Source={Uri.EscapeDataString(source)}&ResourceType={Uri.EscapeDataString(resourceType)}", "ha-noi");
        Assert.Equal(0, Total(again, "totalInserted"));
        Assert.Equal(published, Total(again, "totalUpdated"));
    }

    [Fact]
    public async Task Storing_an_external_record_leaves_the_layer_and_service_records_as_they_were()
    {
        var before = _catalog.Index.All.Where(r => r.Origin != RecordOrigin.External).ToDictionary(r => r.Id);
        await Task.Delay(20);
        var (status, _) = await SendAsync(_catalog, Admin, Transaction($"<csw:Insert>{Reservoir}</csw:Insert>"));
        Assert.Equal(200, status);
        var after = _catalog.Index.All.Where(r => r.Origin != RecordOrigin.External).ToList();
        Assert.Equal(before.Count, after.Count);
        // Same record objects, so the same dct:modified: nothing about the layers changed.
        Assert.All(after, r => Assert.Same(before[r.Id], r));
    }

    [Fact]
    public async Task Harvesting_records_this_catalog_derives_itself_skips_them_instead_of_failing()
    {
        // No workspace prefix: the source's ids are those of this catalog's own layer and endpoint records.
        var source = new Uri(server.BaseAddress, "/csw").ToString();
        var (status, doc) = await SendAsync(_catalog, Admin, null,
            $"service=CSW&version=2.0.2&request=Harvest&Source={Uri.EscapeDataString(source)}&ResourceType={Uri.EscapeDataString("http://www.opengis.net/cat/csw/2.0.2")}");

        Assert.Equal(200, status);
        // Only the source's records this catalog does not derive itself come in (the test server publishes more).
        Assert.InRange(Total(doc, "totalInserted"), 1, SampleData.AllCollectionIds.Count + 3);
        Assert.Equal(RecordOrigin.Layer, _catalog.Find(Anonymous, "vn:rivers")!.Origin);
    }

    [Fact]
    public async Task Harvesting_a_WMS_makes_a_record_per_named_layer()
    {
        var source = new Uri(server.BaseAddress, "/wms").ToString();
        var (status, doc) = await SendAsync(_catalog, Admin, null,
            $"service=CSW&request=Harvest&Source={Uri.EscapeDataString(source)}&ResourceType={Uri.EscapeDataString("http://www.opengis.net/wms")}", "vn");

        Assert.Equal(200, status);
        Assert.Equal(SampleData.MapLayerIds.Count(), Total(doc, "totalInserted"));
        var rivers = _catalog.Find(Anonymous, "vn:vn:rivers")!;
        Assert.Equal("Sông, kênh (GSHHG/WDBII)", rivers.Title.Text);
        Assert.Equal("vn", rivers.Workspace);
        Assert.Contains(rivers.Distribution.Links, l => l.Protocol == Protocols.Wms && l.Name == "vn:rivers");
        Assert.NotNull(rivers.Extent);
    }

    [Fact]
    public async Task A_harvest_source_that_is_not_http_is_refused()
    {
        var (status, doc) = await SendAsync(_catalog, Admin, null, "service=CSW&request=Harvest&Source=file:///etc/passwd&ResourceType=http://www.opengis.net/cat/csw/2.0.2");

        Assert.Equal(400, status);
        Assert.Equal("InvalidParameterValue", ExceptionCode(doc));
    }
}
