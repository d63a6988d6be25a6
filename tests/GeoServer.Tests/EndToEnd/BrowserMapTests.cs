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

    private Task<string> RenderedDomAsync(string path, int virtualMilliseconds = 10_000) => ExternalTool.RunAsync("chromium", "chromium", _profile, errorsFail: false,
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + _profile, $"--virtual-time-budget={virtualMilliseconds}", "--dump-dom",
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

    [Theory]
    [InlineData("xyz")]
    [InlineData("wmts")]
    public async Task The_tile_viewer_shows_every_sample_layer_as_tiles_without_a_failed_tile(string mode)
    {
        var dom = await RenderedDomAsync($"/tiles?tileset=*&mode={mode}", 60_000);

        var map = System.Text.RegularExpressions.Regex.Match(dom, "<div id=\"map\"[^>]*>").Value;
        Assert.Contains("data-ready=\"true\"", map);
        Assert.Contains("data-rendered=\"true\"", map);
        Assert.Contains("data-tile-errors=\"0\"", map);
        int loaded = int.Parse(System.Text.RegularExpressions.Regex.Match(map, "data-tiles-loaded=\"(\\d+)\"").Groups[1].Value);
        Assert.True(loaded >= SampleData.MapLayerIds.Count() * 4, $"{loaded} tiles loaded for {SampleData.MapLayerIds.Count()} layers");
        foreach (var layer in SampleData.MapLayerIds) Assert.Contains(layer, dom);
    }
}
