using GeoServer.Tests.Support;

namespace GeoServer.Tests.EndToEnd;

/// <summary>
/// The HTML pages in a real browser (headless Chromium): the map preview loads Leaflet from the server, fetches
/// the page's GeoJSON and draws it. Chromium is required: a machine without it fails these tests.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class BrowserMapTests(GeoSdiServer server) : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("geosdi-chromium-").FullName;

    public void Dispose() => Directory.Delete(_profile, recursive: true);

    private Task<string> RenderedDomAsync(string path) => ExternalTool.RunAsync("chromium", "chromium", _profile, errorsFail: false,
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + _profile, "--virtual-time-budget=10000", "--dump-dom",
        new Uri(server.BaseAddress, path).ToString());

    [Theory]
    [InlineData("/ogc/collections/vn:vn_provinces_2025/items?limit=34&f=html", 34)]
    [InlineData("/ogc/collections/vn:populated_places/items?bbox=105.3,20.2,106.9,21.4&limit=50&f=html", 50)]
    [InlineData("/ogc/collections/vn:railways/items/1?f=html", 1)]
    public async Task The_items_page_draws_its_features_on_the_map(string path, int features)
    {
        var dom = await RenderedDomAsync(path);

        Assert.Contains("data-ready=\"true\"", dom);
        Assert.Contains($"data-features=\"{features}\"", dom);
        Assert.Contains("leaflet-interactive", dom); // Leaflet drew vector paths
    }

    [Fact]
    public async Task The_landing_page_links_to_the_collections_in_the_browser()
    {
        var dom = await RenderedDomAsync("/ogc");

        Assert.Contains("/ogc/collections?f=html", dom);
    }
}
