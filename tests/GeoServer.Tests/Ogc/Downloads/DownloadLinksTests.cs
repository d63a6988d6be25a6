using System.Xml.Linq;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// Where clients find the packages: each collection's enclosure links, the catalog record's distributions (OGC API –
/// Records links, CSW Dublin Core and ISO 19139), and the OpenAPI definition.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class DownloadLinksTests(GeoSdiServer server)
{
    private static readonly string[] VectorFormats = ["gpkg", "shp", "geojson", "csv", "kml"];

    [Theory]
    [InlineData("vn:rivers", new[] { "gpkg", "shp", "geojson", "csv", "kml" })]
    [InlineData("vn:dem_srtm3_N21E105", new[] { "tif" })]
    public async Task A_collection_links_its_packages_as_enclosures(string collection, string[] formats)
    {
        var document = await server.Client.GetJsonAsync($"/ogc/collections/{collection}?f=json");
        var enclosures = document.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == "enclosure").ToList();
        Assert.Equal(formats.Select(f => $"{server.BaseAddress}ogc/collections/{Uri.EscapeDataString(collection)}/download?f={f}"),
            enclosures.Select(l => l.GetProperty("href").GetString()));
        Assert.All(enclosures, l => Assert.Equal("application/zip", l.GetProperty("type").GetString()));
        Assert.Contains(formats[0] == "gpkg" ? "GeoPackage" : "GeoTIFF", enclosures[0].GetProperty("title").GetString());
        foreach (var link in enclosures)
        {
            using var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, link.GetProperty("href").GetString()));
            Assert.True(response.IsSuccessStatusCode, $"HEAD {link.GetProperty("href")}: {(int)response.StatusCode}");
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_catalog_record_lists_the_packages_as_distributions()
    {
        var record = await server.Client.GetJsonAsync("/ogc/collections/catalog/items/vn:rivers?f=json");
        var downloads = record.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == "enclosure" && l.GetProperty("type").GetString() == "application/zip")
            .Select(l => l.GetProperty("href").GetString()).ToList();
        Assert.Equal(VectorFormats.Select(f => $"{server.BaseAddress}ogc/collections/vn%3Arivers/download?f={f}"), downloads);

        var dc = XDocument.Parse(await server.Client.GetStringAsync(
            "/csw?service=CSW&version=2.0.2&request=GetRecordById&id=vn:dem_srtm3_N21E105&ElementSetName=full"));
        XNamespace dct = "http://purl.org/dc/terms/", dcNs = "http://purl.org/dc/elements/1.1/";
        Assert.Contains(dc.Descendants(dct + "references"), r => (string?)r.Attribute("scheme") == "WWW:DOWNLOAD-1.0-http--download"
            && r.Value == $"{server.BaseAddress}ogc/collections/vn%3Adem_srtm3_N21E105/download?f=tif");
        Assert.Contains(dc.Descendants(dcNs + "format"), f => f.Value == "GeoTIFF");

        var iso = await server.Client.GetStringAsync(
            "/csw?service=CSW&version=2.0.2&request=GetRecordById&id=vn:rivers&ElementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd");
        Assert.Contains("ogc/collections/vn%3Arivers/download?f=shp", iso);
        Assert.Contains("ESRI Shapefile", iso);
    }

    [Fact]
    public async Task The_openapi_definition_describes_the_download()
    {
        var api = await server.Client.GetJsonAsync("/ogc/api");
        var get = api.GetProperty("paths").GetProperty("/collections/{collectionId}/download").GetProperty("get");
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/zip", out _));
        var f = api.GetProperty("components").GetProperty("parameters").GetProperty("download-f");
        Assert.Equal("f", f.GetProperty("name").GetString());
        Assert.Equal([.. VectorFormats, "tif"], f.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
