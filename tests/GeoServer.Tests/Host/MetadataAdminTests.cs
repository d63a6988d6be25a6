using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeoServer.Host.Security;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Host;

/// <summary>
/// /admin/api/workspaces/{ws}/layers/{layer}/metadata: the descriptive ISO 19115 fields of a layer's record, put
/// through the admin API (for layers of the configuration file's workspaces too), are in CSW (Dublin Core and ISO
/// 19139) and OGC API – Records as soon as the answer arrives, while extent, CRS, access and links stay the layer's;
/// refused precisely when a field does not fit; shared by every node of a cluster.
/// </summary>
public sealed class MetadataAdminTests
{
    private const string Layer = "ha-noi:land_parcels_synthetic";
    private const string Metadata = "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic/metadata";
    private const string IsoRecord = $"csw?service=CSW&version=2.0.2&request=GetRecordById&id={Layer}&ElementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd";

    private const string Fields = """
        {
          "Title": "Thửa đất địa chính mẫu", "TitleEn": "Sample cadastral parcels",
          "Abstract": "Thửa đất tổng hợp cho thử nghiệm.", "AbstractEn": "Synthetic parcels for testing.",
          "Keywords": ["địa chính", "thửa đất"], "KeywordsEn": ["cadastre"],
          "Thesauri": [{ "Thesaurus": "GEMET", "Type": "theme", "Keywords": ["land use"] }],
          "TopicCategories": ["planningCadastre"],
          "Contacts": [
            { "Organisation": "Sở Nông nghiệp và Môi trường Hà Nội", "Email": "sonnmt@hanoi.gov.vn", "Role": "custodian" },
            { "Organisation": "Trung tâm Dữ liệu", "Url": "https://data.hanoi.gov.vn", "Role": "pointOfContact" }
          ],
          "Lineage": "Tạo tổng hợp từ bản đồ mẫu.", "LineageEn": "Generated from a sample map.",
          "QualityStatement": "Sai số vị trí ±1 m.",
          "Licence": "CC BY 4.0", "LicenceUrl": "https://creativecommons.org/licenses/by/4.0/", "UseLimitation": "Ghi nguồn khi sử dụng.",
          "UpdateFrequency": "monthly", "NextReview": "2026-06-30", "ScaleDenominator": 2000
        }
        """;

    [Fact]
    public async Task Descriptive_fields_put_for_a_layer_are_in_CSW_and_Records_at_once_and_the_derived_fields_stay()
    {
        await using var server = await AdminApi.StartWithLandCopyAsync();
        Assert.Equal("{}", (await server.GetNodeAsync(Metadata)).ToJsonString());
        var before = XDocument.Parse(await server.Client.GetStringAsync(IsoRecord));

        var clock = Stopwatch.StartNew();
        var put = await server.SendAsync(HttpMethod.Put, Metadata, Fields);
        var iso = XDocument.Parse(await server.Client.GetStringAsync(IsoRecord));
        var record = await server.Client.GetJsonAsync($"ogc/collections/catalog/items/{Layer}?f=json");
        clock.Stop();

        Assert.True(put.Status == HttpStatusCode.OK, put.Body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"visible after {clock.Elapsed}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fields), JsonNode.Parse(put.Body)), put.Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fields), await server.GetNodeAsync(Metadata)));

        string text = iso.Root!.Value;
        foreach (var expected in new[] { "Thửa đất địa chính mẫu", "Sample cadastral parcels", "Synthetic parcels for testing.", "cadastre", "GEMET", "land use",
            "sonnmt@hanoi.gov.vn", "https://data.hanoi.gov.vn", "Generated from a sample map.", "Sai số vị trí ±1 m.", "CC BY 4.0", "Ghi nguồn khi sử dụng.", "2026-06-30", "2000" })
            Assert.Contains(expected, text);
        Assert.Equal("planningCadastre", iso.Descendants(Gmd + "MD_TopicCategoryCode").Single().Value);
        Assert.Equal("monthly", iso.Descendants(Gmd + "MD_MaintenanceFrequencyCode").Single().Attribute("codeListValue")!.Value);
        Assert.Contains(iso.Descendants(Gmd + "CI_RoleCode"), r => r.Attribute("codeListValue")!.Value == "custodian");
        // Derived from the layer, whatever the metadata says: extent and reference system.
        Assert.Equal(Text(before, "EX_GeographicBoundingBox"), Text(iso, "EX_GeographicBoundingBox"));
        Assert.Equal(Text(before, "referenceSystemInfo"), Text(iso, "referenceSystemInfo"));

        var properties = record.GetProperty("properties");
        Assert.Equal("Thửa đất địa chính mẫu", properties.GetProperty("title").GetString());
        Assert.Equal("Tạo tổng hợp từ bản đồ mẫu.", properties.GetProperty("lineage").GetString());
        Assert.Equal("monthly", properties.GetProperty("updateFrequency").GetString());
        Assert.Equal("2026-06-30", properties.GetProperty("nextReview").GetString());
        Assert.Contains(properties.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("organization").GetString() == "Trung tâm Dữ liệu");
        // Found by the new words, in either language.
        Assert.Contains($"\"id\":\"{Layer}\"", await server.Client.GetStringAsync("ogc/collections/catalog/items?q=sample%20cadastral&f=json"));
        // The layer itself keeps its own title: the record's is the catalog's business.
        Assert.NotEqual("Thửa đất địa chính mẫu", (await server.Client.GetJsonAsync($"ogc/collections/{Layer}?f=json")).GetProperty("title").GetString());

        var audit = (await server.GetNodeAsync($"admin/api/audit?target={Layer}/metadata"))["entries"]!.AsArray();
        Assert.Equal("metadata.create", (string?)audit.Single()!["action"]);
        Assert.Equal("Sample cadastral parcels", (string?)audit.Single()!["after"]!["TitleEn"]);
    }

    [Fact]
    public async Task A_patch_changes_the_fields_it_names_and_null_gives_a_field_back_to_the_layer()
    {
        await using var server = await AdminApi.StartWithLandCopyAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(HttpMethod.Put, Metadata, Fields)).Status);

        var patch = await server.SendAsync(HttpMethod.Patch, Metadata, """{"titleEn":"Parcels","Title":null,"TopicCategories":["boundaries","planningCadastre"]}""",
            "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, patch.Status);
        var stored = await server.GetNodeAsync(Metadata);
        Assert.Equal("Parcels", (string?)stored["TitleEn"]);
        Assert.Null(stored["Title"]);
        Assert.Equal("monthly", (string?)stored["UpdateFrequency"]);
        var iso = XDocument.Parse(await server.Client.GetStringAsync(IsoRecord));
        Assert.Equal(["boundaries", "planningCadastre"], iso.Descendants(Gmd + "MD_TopicCategoryCode").Select(t => t.Value));
        string layerTitle = (await server.Client.GetJsonAsync($"ogc/collections/{Layer}?f=json")).GetProperty("title").GetString()!;
        Assert.Equal(layerTitle, (await server.Client.GetJsonAsync($"ogc/collections/catalog/items/{Layer}?f=json")).GetProperty("properties").GetProperty("title").GetString());
        var audit = (await server.GetNodeAsync($"admin/api/audit?target={Layer}/metadata"))["entries"]!.AsArray();
        Assert.Equal("metadata.replace", (string?)audit[0]!["action"]);
        Assert.Equal("Sample cadastral parcels", (string?)audit[0]!["before"]!["TitleEn"]);

        Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, Metadata)).Status);
        Assert.DoesNotContain("Parcels", await server.Client.GetStringAsync(IsoRecord));
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { """{"TopicCategories":["rivers"]}""", "TopicCategories[0]: not a valid ISO topic category" },
        { """{"TopicCategories":[3]}""", "TopicCategories[0]: not a valid ISO topic category" },
        { """{"UpdateFrequency":"sometimes"}""", "UpdateFrequency: not a valid update frequency" },
        { """{"Contacts":[{"Organisation":"X","Role":"boss"}]}""", "Contacts[0].Role: not a valid ISO role code" },
        { """{"Contacts":[{"Email":"a@b.vn"}]}""", "Contacts[0].Organisation: required" },
        { """{"Contacts":[{"Organisation":"X","Email":"not an address"}]}""", "Contacts[0].Email" },
        { """{"Contacts":[{"Organisation":"X","Url":"javascript:alert(1)"}]}""", "Contacts[0].Url" },
        { """{"LicenceUrl":"file:///etc/passwd"}""", "LicenceUrl" },
        { """{"NextReview":"next year"}""", "NextReview: not a valid date" },
        { """{"ScaleDenominator":0}""", "ScaleDenominator" },
        { """{"Title":" "}""", "Title: must not be blank" },
        { """{"Thesauri":[{"Thesaurus":"GEMET","Keywords":[]}]}""", "Thesauri[0].Keywords" },
        { """{"Thesauri":[{"Thesaurus":"GEMET","Type":"colour","Keywords":["x"]}]}""", "Thesauri[0].Type" },
        { """{"Extent":[0,0,1,1]}""", "'Extent' is not a field of a record's metadata" },
        { """{"Contacts":[{"Organisation":"X","Fax":"1"}]}""", "'Fax' is not a field of a record's metadata (at Contacts[0])" },
        { """["TitleEn"]""", "JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Fields_that_do_not_fit_are_refused_naming_the_field_and_nothing_is_stored(string body, string named)
    {
        await using var server = await AdminApi.StartWithLandCopyAsync();

        var (status, problem) = await server.SendAsync(HttpMethod.Put, Metadata, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, problem);
        Assert.Equal("{}", (await server.GetNodeAsync(Metadata)).ToJsonString());
    }

    [Fact]
    public async Task Metadata_is_only_for_published_layers_and_only_as_JSON()
    {
        await using var server = await AdminApi.StartWithLandCopyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Put, "admin/api/workspaces/ha-noi/layers/nope/metadata", "{}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Get, "admin/api/workspaces/nowhere/layers/x/metadata")).Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await server.SendAsync(HttpMethod.Put, Metadata, "<x/>", "application/xml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Delete, Metadata)).Status);
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Metadata_put_on_one_node_reaches_the_records_of_another_within_seconds()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("SELECT 1");
        object Node() => new
        {
            Server = new { ConfigurationDatabase = PostGisDatabase.ConnectionString + $";Search Path={schema.Name}" },
            Workspaces = new Dictionary<string, object>
            {
                ["vn"] = new { Stores = new { @base = new { Type = "geopackage", Path = SampleData.PathOf("base.gpkg") } } },
            },
            Security = new { ApiKeys = new Dictionary<string, object> { ["admin"] = new { Hash = SecretHash.OfApiKey(EditingServer.AdminKey), Role = "Admin" } } },
        };
        await using var a = await GeoSdiProcess.StartAsync(Node());
        await using var b = await GeoSdiProcess.StartAsync(Node());

        Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(HttpMethod.Put, "admin/api/workspaces/vn/layers/rivers/metadata", """{"TitleEn":"Rivers, as node A says"}""")).Status);

        const string record = "csw?service=CSW&version=2.0.2&request=GetRecordById&id=vn:rivers&ElementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool seen;
        while (!(seen = (await b.Client.GetStringAsync(record)).Contains("Rivers, as node A says")) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(seen, "node B's record has node A's metadata");
    }

    private static string Text(XDocument doc, string element) => doc.Descendants(Gmd + element).Single().ToString();
}
