using System.Net;
using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Catalog.Records;

[Collection(GeoSdiServerCollection.Name)]
public sealed class RecordsApiTests(GeoSdiServer server)
{
    private const string Items = "/ogc/collections/catalog/items";

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await server.Client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Ids(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task The_catalog_is_a_record_collection_in_collections_and_its_classes_are_declared()
    {
        var collections = await JsonAsync("/ogc/collections?f=json");
        var catalog = collections.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "catalog");
        var conformance = await JsonAsync("/ogc/conformance?f=json");
        var document = await JsonAsync("/ogc/collections/catalog");

        Assert.Equal("record", catalog.GetProperty("itemType").GetString());
        Assert.Contains(catalog.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "items");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core",
            conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("record", document.GetProperty("itemType").GetString());
        Assert.Equal(4, document.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].GetArrayLength());
    }

    [Fact]
    public async Task A_workspaces_catalog_lists_that_workspaces_records_only()
    {
        var all = await JsonAsync(Items + "?limit=1000&f=json");
        var scoped = await JsonAsync("/ws/ha-noi" + Items + "?limit=1000&f=json");

        var workspaces = scoped.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").TryGetProperty("workspace", out var w) ? w.GetString() : null).ToList();
        Assert.NotEmpty(workspaces);
        Assert.All(workspaces, w => Assert.Equal("ha-noi", w));
        Assert.True(Ids(all).Count > workspaces.Count);
    }

    [Fact]
    public async Task A_layers_collection_links_to_its_record()
    {
        var rivers = await JsonAsync("/ogc/collections/vn:rivers?f=json");

        var link = rivers.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "describedby");
        var record = await JsonAsync(link.GetProperty("href").GetString()!);
        Assert.Equal("vn:rivers", record.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("q=ha%20noi", "ha-noi:osm_landuse_hanoi")]
    [InlineData("q=SONG,%20KENH", "vn:rivers")]
    [InlineData("q=dat%20lien", "vn:land_islands")]
    [InlineData("q=mainland%20islands", "vn:land_islands")]
    [InlineData("filter=topiccategory%20%3D%20'inlandWaters'", "vn:rivers")]
    [InlineData("filter=title%20LIKE%20'%25song%25'", "vn:rivers")]
    [InlineData("filter-lang=cql2-json&filter=%7B%22op%22%3A%22%3D%22%2C%22args%22%3A%5B%7B%22property%22%3A%22id%22%7D%2C%22vn%3Arivers%22%5D%7D", "vn:rivers")]
    [InlineData("externalIds=vn:rivers,nothing", "vn:rivers")]
    [InlineData("bbox=105.80,21.12,105.85,21.15&type=dataset", "ha-noi:land_parcels_synthetic")]
    public async Task Items_are_searched_by_text_filter_ids_and_box(string query, string expected)
    {
        var page = await JsonAsync($"{Items}?{query}&limit=100");

        Assert.Contains(expected, Ids(page));
        Assert.Equal(page.GetProperty("numberMatched").GetInt32(), page.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task The_best_match_of_a_text_query_comes_first()
    {
        var page = await JsonAsync($"{Items}?q=ha%20noi");

        // Hà Nội's own layers rank above others that merely mention it (the DEM tile N21E105 covers the city).
        Assert.StartsWith("ha-noi:", Ids(page)[0]);
        Assert.All(Ids(page).TakeWhile(id => id.StartsWith("ha-noi:", StringComparison.Ordinal)), id => Assert.StartsWith("ha-noi:", id));
        Assert.Equal(SampleData.CollectionIds.Count(id => id.StartsWith("ha-noi:", StringComparison.Ordinal)),
            Ids(page).TakeWhile(id => id.StartsWith("ha-noi:", StringComparison.Ordinal)).Count());
    }

    [Fact]
    public async Task Type_service_finds_the_four_endpoints_and_sortby_orders_them()
    {
        var page = await JsonAsync($"{Items}?type=service&sortby=-id");

        Assert.Equal(["service:wmts", "service:wms", "service:ogcapi", "service:csw"], Ids(page));
    }

    [Fact]
    public async Task Next_links_page_through_every_record_once()
    {
        var all = new List<string>();
        string? url = $"{Items}?limit=7";
        int matched = 0;
        while (url is not null)
        {
            var page = await JsonAsync(url);
            matched = page.GetProperty("numberMatched").GetInt32();
            all.AddRange(Ids(page));
            url = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
        }
        Assert.Equal(SampleData.AllCollectionIds.Count + 4, matched);
        Assert.Equal(matched, all.Distinct().Count());
        Assert.Equal(matched, all.Count);
    }

    [Fact]
    public async Task A_record_is_GeoJSON_with_the_record_core_properties_and_service_links()
    {
        var record = await JsonAsync($"{Items}/vn:rivers");

        Assert.Equal("Feature", record.GetProperty("type").GetString());
        Assert.Equal("Polygon", record.GetProperty("geometry").GetProperty("type").GetString());
        var p = record.GetProperty("properties");
        Assert.Equal("dataset", p.GetProperty("type").GetString());
        Assert.Equal("Sông, kênh (GSHHG/WDBII)", p.GetProperty("title").GetString());
        Assert.Equal("vi", p.GetProperty("language").GetProperty("code").GetString());
        Assert.True(p.TryGetProperty("updated", out _));
        Assert.NotEmpty(p.GetProperty("contacts").EnumerateArray());
        // From the default configuration's Catalog section: what the layer itself cannot tell.
        Assert.Equal("Rivers and canals (GSHHG/WDBII)", p.GetProperty("translations").GetProperty("en").GetProperty("title").GetString());
        Assert.Contains(p.GetProperty("themes").EnumerateArray(), t => t.GetProperty("concepts")[0].GetProperty("id").GetString() == "inlandWaters");
        Assert.Equal("LGPL-3.0", p.GetProperty("license").GetString());
        Assert.Equal("notPlanned", p.GetProperty("updateFrequency").GetString());
        var rels = record.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("self", rels);
        Assert.Contains("service", rels);
        Assert.Contains("enclosure", rels);
    }

    [Fact]
    public async Task Facets_count_types_and_workspaces_of_the_matches()
    {
        var page = await JsonAsync($"{Items}?q=ha%20noi&facets=true&limit=1");

        var facets = page.GetProperty("facets");
        Assert.Contains(facets.GetProperty("workspace").EnumerateArray(), v => v.GetProperty("value").GetString() == "ha-noi");
        Assert.Equal(page.GetProperty("numberMatched").GetInt32(), facets.GetProperty("type").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()));
    }

    [Theory]
    [InlineData("bogus=1", "bogus")]
    [InlineData("limit=0", "limit")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("type=map", "type")]
    [InlineData("sortby=rights", "sortby")]
    [InlineData("filter=rights%20%3D%20'x'", "filter")]
    [InlineData("filter-lang=ecql&filter=x", "filter-lang")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var problem = await JsonAsync($"{Items}?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_unknown_record_is_404()
    {
        await JsonAsync($"{Items}/vn:nothing", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_HTML_pages_search_and_show_a_record()
    {
        var list = await server.Client.GetStringAsync($"{Items}?f=html&q=song");
        var item = await server.Client.GetStringAsync($"{Items}/vn:rivers?f=html");

        Assert.Contains("<form", list);
        Assert.Contains("vn:rivers", list);
        Assert.Contains("OGC:WMS", item);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_record_operations()
    {
        var api = await JsonAsync("/ogc/api");

        Assert.True(api.GetProperty("paths").TryGetProperty("/collections/catalog/items", out _));
    }
}
