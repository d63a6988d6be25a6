using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Spatial;
using GeoServer.Data.GeoPackage;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tests.Tiles.Rendering;

/// <summary>The renderer's protections: a feature budget and cancellation stop a render instead of exhausting the server.</summary>
public sealed class MapRendererLimitTests
{
    private static readonly MapFrame Vietnam = new(new BBox(102, 8, 110, 24), CrsRegistry.Default.Crs84, 200, 400);

    private static async Task<StyledLayer> PlacesAsync()
    {
        var store = new GeoPackageStore(SampleData.PathOf("base.gpkg"));
        var source = (await store.OpenFeatureSourcesAsync(default)).Single(s => s.Info.Name == "populated_places");
        var info = new LayerInfo
        {
            Id = "vn:populated_places", Name = "populated_places", Workspace = new Workspace("vn", "vn"), Title = "places",
            Schema = source.Info.Schema, StorageCrs = CrsRegistry.Default.FromEpsg(4326),
        };
        return new StyledLayer(new Layer(info, source), StyleCompiler.Compile(DefaultStyles.For("POINT"), source.Info.Schema));
    }

    [Fact]
    public async Task A_map_that_would_draw_more_features_than_allowed_stops_with_a_message_naming_the_limit()
    {
        var places = await PlacesAsync();
        using var canvas = new CairoCanvas(200, 400);

        var error = await Assert.ThrowsAsync<MapLimitException>(() =>
            new MapRenderer(CrsRegistry.Default).RenderAsync(canvas, Vietnam, [places], maxFeatures: 100, default));

        Assert.Contains("100 features", error.Message);
    }

    [Fact]
    public async Task Within_the_limit_every_feature_is_drawn()
    {
        var places = await PlacesAsync();
        using var canvas = new CairoCanvas(200, 400);

        await new MapRenderer(CrsRegistry.Default).RenderAsync(canvas, Vietnam, [places], maxFeatures: 10_000, default);

        Assert.NotEqual(Rgba.Transparent, canvas.GetPixel(MapPixel(105.85247, 21.0292095).X, MapPixel(105.85247, 21.0292095).Y));
    }

    [Fact]
    public async Task A_cancelled_render_stops()
    {
        var places = await PlacesAsync();
        using var canvas = new CairoCanvas(200, 400);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new MapRenderer(CrsRegistry.Default).RenderAsync(canvas, Vietnam, [places], 10_000, cancelled.Token));
    }

    private static (int X, int Y) MapPixel(double lon, double lat) =>
        ((int)Vietnam.ToPixelX(lon), (int)Vietnam.ToPixelY(lat));
}
