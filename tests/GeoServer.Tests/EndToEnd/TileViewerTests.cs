using GeoServer.Tests.Support;

namespace GeoServer.Tests.EndToEnd;

/// <summary>The tile viewer in Chromium (through Playwright): OpenLayers loads every sample layer's tiles.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class TileViewerTests(GeoSdiServer server)
{
    [Theory]
    [InlineData("xyz")]
    [InlineData("wmts")]
    public async Task The_tile_viewer_shows_every_sample_layer_as_tiles_without_a_failed_tile(string mode)
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseAddress, $"/tiles?tileset=*&mode={mode}").ToString());
        await page.WaitForSelectorAsync("#map[data-rendered='true']", new() { Timeout = 90_000 });

        int loaded = int.Parse((await page.GetAttributeAsync("#map", "data-tiles-loaded"))!);
        Assert.Equal("0", await page.GetAttributeAsync("#map", "data-tile-errors"));
        int layers = SampleData.MapLayerIds.Count();
        Assert.True(loaded >= layers * 4, $"{loaded} tiles loaded for {layers} layers");
        var listed = await page.InnerTextAsync("nav");
        foreach (var layer in SampleData.MapLayerIds) Assert.Contains(layer, listed);
    }

    [Theory]
    [InlineData("vn", 10)]
    [InlineData("ha-noi", 2)]
    public async Task MapLibre_draws_a_workspace_from_its_vector_tiles_with_the_generated_style(string tileset, int minimumLayers)
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseAddress, $"/tiles?tileset={tileset}&mode=vector").ToString());
        await page.WaitForSelectorAsync("#map[data-rendered='true']", new() { Timeout = 90_000 });

        Assert.Equal("0", await page.GetAttributeAsync("#map", "data-errors"));
        Assert.True(int.Parse((await page.GetAttributeAsync("#map", "data-features"))!) > 50, "features are drawn");
        Assert.True(int.Parse((await page.GetAttributeAsync("#map", "data-layers"))!) >= minimumLayers, "most tile layers are drawn");
    }
}
