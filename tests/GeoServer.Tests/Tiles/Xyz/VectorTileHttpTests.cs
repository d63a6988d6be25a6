using System.IO.Compression;
using System.Net.Http.Headers;
using GeoServer.Tests.Support;
using GeoServer.Tests.Tiles.Vector;

namespace GeoServer.Tests.Tiles.Xyz;

/// <summary>Vector tiles and their TileJSON over HTTP, decoded as a client would.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class VectorTileHttpTests(GeoSdiServer server)
{
    // Zoom 10 tile x 813, y 450 holds central Hà Nội.
    private const string HaNoi = "/tiles/vn/10/813/450.mvt";

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await server.Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_workspace_tile_holds_each_layer_with_features_there_and_their_attributes()
    {
        var (response, body) = await GetAsync(HaNoi);

        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
        var layers = MvtDecoder.Decode(body).ToDictionary(l => l.Name);
        Assert.Contains("vn_provinces_2025", layers.Keys);
        Assert.Contains("populated_places", layers.Keys);
        var places = layers["populated_places"];
        Assert.Contains(places.Features, f => places.PropertiesOf(f).GetValueOrDefault("ten") as string == "Hà Nội");
        Assert.All(layers.Values, l => Assert.Equal(4096u, l.Extent));
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_same_tile_compressed()
    {
        var (_, plain) = await GetAsync(HaNoi);
        var (response, zipped) = await GetAsync(HaNoi, gzip: true);

        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        using var unzip = new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        await unzip.CopyToAsync(inflated);
        Assert.Equal(plain, inflated.ToArray());
    }

    [Fact]
    public async Task A_tile_where_no_feature_reaches_is_no_content()
    {
        var (response, _) = await GetAsync("/tiles/ha-noi:land_parcels_synthetic/10/0/0.mvt");

        Assert.Equal(204, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_vector_TileJSON_lists_each_tile_layer_and_its_fields()
    {
        var json = await server.Client.GetJsonAsync("/tiles/vn.json?format=mvt");

        Assert.EndsWith("/tiles/vn/{z}/{x}/{y}.mvt", json.GetProperty("tiles")[0].GetString());
        var places = json.GetProperty("vector_layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "populated_places");
        Assert.Equal("String", places.GetProperty("fields").GetProperty("ten").GetString());
        Assert.Equal("Number", places.GetProperty("fields").GetProperty("dan_so_osm").GetString());
    }

    [Fact]
    public async Task The_generated_MapLibre_style_draws_each_layer_from_the_vector_source_with_its_rules()
    {
        var style = await server.Client.GetJsonAsync("/tiles/vn/style.json");

        Assert.Equal(8, style.GetProperty("version").GetInt32());
        Assert.EndsWith("/tiles/vn.json?format=mvt", style.GetProperty("sources").GetProperty("geosdi").GetProperty("url").GetString());
        var layers = style.GetProperty("layers").EnumerateArray().ToList();
        var sourceLayers = layers.Where(l => l.TryGetProperty("source-layer", out _)).Select(l => l.GetProperty("source-layer").GetString()).ToHashSet();
        // Rasters have no vector symbolizers: their pictures come from the PNG tiles.
        foreach (var id in SampleData.MapLayerIds.Except(SampleData.RasterCollectionIds).Where(i => i.StartsWith("vn:", StringComparison.Ordinal)))
            Assert.Contains(id[3..], sourceLayers);
        var places = layers.Where(l => l.TryGetProperty("source-layer", out var s) && s.GetString() == "populated_places" && l.TryGetProperty("filter", out _)).ToList();
        var capital = places.Single(l => l.GetProperty("type").GetString() == "circle" && l.GetProperty("filter")[0].GetString() == "=="
                                          && l.GetProperty("filter").ToString().Contains("national_capital"));
        Assert.Equal("#d7191c", capital.GetProperty("paint").GetProperty("circle-color").GetString());
        var towns = places.First(l => l.GetProperty("filter")[0].GetString() == "==" && l.GetProperty("filter").ToString().Contains("\"town\""));
        Assert.True(towns.GetProperty("minzoom").GetDouble() > 5, "the town rule's scale limit becomes a minimum zoom");
    }
}
