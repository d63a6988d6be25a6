using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using GeoServer.Tests.Support;
using GeoServer.Tests.Tiles.Vector;

namespace GeoServer.Tests.Tiles.OgcTiles;

/// <summary>OGC API – Tiles 1.0 and the TMS 2.0 resources under /ogc, through the real server.</summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class OgcTilesTests(GeoSdiServer server)
{
    private const string Rel = "http://www.opengis.net/def/rel/ogc/1.0/";

    // Zoom 10 row 450 column 813 of WebMercatorQuad (XYZ 10/813/450) holds central Hà Nội.
    private const string HaNoiTile = "WebMercatorQuad/10/450/813";

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, bool gzip = false, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        var response = await server.Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static JsonElement LinkTo(JsonElement resource, string rel) =>
        resource.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel);

    [Fact]
    public async Task The_conformance_declaration_lists_the_tiles_and_tile_matrix_set_classes()
    {
        var classes = (await server.Client.GetJsonAsync("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray()
            .Select(c => c.GetString()).ToList();

        foreach (var c in new[] { "core", "tileset", "tilesets-list", "geodata-tilesets", "dataset-tilesets", "png", "jpeg", "mvt" })
            Assert.Contains($"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/{c}", classes);
        Assert.Contains("http://www.opengis.net/spec/tms/2.0/conf/tilematrixset", classes);
        Assert.Contains("http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Equal(classes.Count, classes.Distinct().Count());
    }

    [Fact]
    public async Task The_landing_page_links_to_the_tile_matrix_sets_and_the_dataset_tilesets()
    {
        var landing = await server.Client.GetJsonAsync("/ogc");

        Assert.EndsWith("/ogc/tileMatrixSets", landing.Link(Rel + "tiling-schemes"));
        Assert.EndsWith("/ogc/tiles", landing.Link(Rel + "tilesets-vector"));
        Assert.EndsWith("/ogc/map/tiles", landing.Link(Rel + "tilesets-map"));
        var html = await server.Client.GetStringAsync("/ogc?f=html");
        Assert.Contains("/ogc/tileMatrixSets", html);
    }

    [Fact]
    public async Task A_collection_with_geometry_links_to_its_vector_and_map_tilesets_and_a_table_does_not()
    {
        var rivers = await server.Client.GetJsonAsync("/ogc/collections/vn:rivers");
        var observations = await server.Client.GetJsonAsync("/ogc/collections/vn:observations");
        var all = await server.Client.GetJsonAsync("/ogc/collections");

        Assert.EndsWith("/ogc/collections/vn%3Arivers/tiles", rivers.Link(Rel + "tilesets-vector"));
        Assert.EndsWith("/ogc/collections/vn%3Arivers/map/tiles", rivers.Link(Rel + "tilesets-map"));
        Assert.Null(observations.Link(Rel + "tilesets-vector"));
        var listed = all.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "vn:rivers");
        Assert.NotNull(listed.Link(Rel + "tilesets-map"));
        Assert.Contains("/ogc/collections/vn%3Arivers/map/tiles", await server.Client.GetStringAsync("/ogc/collections/vn:rivers?f=html"));
    }

    [Fact]
    public async Task The_tile_matrix_sets_list_links_to_each_set_in_TMS_2_0_JSON()
    {
        var list = await server.Client.GetJsonAsync("/ogc/tileMatrixSets");

        var ids = list.GetProperty("tileMatrixSets").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(["VN2000UTM48Quad", "WebMercatorQuad", "WorldCRS84Quad"], ids);
        var mercator = list.GetProperty("tileMatrixSets").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "WebMercatorQuad");
        var href = mercator.Link("self")!;
        var set = await server.Client.GetJsonAsync(href);
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", set.GetProperty("uri").GetString());
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", set.GetProperty("crs").GetString());
        var zero = set.GetProperty("tileMatrices")[0];
        Assert.Equal(1, zero.GetProperty("matrixWidth").GetInt32());
        Assert.Equal(256, zero.GetProperty("tileWidth").GetInt32());
    }

    [Fact]
    public async Task A_collections_tilesets_list_offers_vector_tiles_on_each_tile_matrix_set()
    {
        var list = await server.Client.GetJsonAsync("/ogc/collections/vn:rivers/tiles");

        var tilesets = list.GetProperty("tilesets").EnumerateArray().ToList();
        Assert.Equal(3, tilesets.Count);
        Assert.All(tilesets, t => Assert.Equal("vector", t.GetProperty("dataType").GetString()));
        var mercator = tilesets.Single(t => t.TryGetProperty("tileMatrixSetURI", out var uri)
                                            && uri.GetString()!.EndsWith("/WebMercatorQuad", StringComparison.Ordinal));
        Assert.EndsWith("/ogc/collections/vn%3Arivers/tiles/WebMercatorQuad", mercator.Link("self"));
        Assert.EndsWith("/ogc/tileMatrixSets/WebMercatorQuad", mercator.Link(Rel + "tiling-scheme"));
        var maps = await server.Client.GetJsonAsync("/ogc/collections/vn:rivers/map/tiles");
        Assert.All(maps.GetProperty("tilesets").EnumerateArray(), t => Assert.Equal("map", t.GetProperty("dataType").GetString()));
    }

    [Fact]
    public async Task A_vector_tileset_describes_its_tiling_scheme_tile_template_and_layers()
    {
        var tileset = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/tiles/WebMercatorQuad");

        Assert.Equal("vector", tileset.GetProperty("dataType").GetString());
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", tileset.GetProperty("crs").GetString());
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", tileset.GetProperty("tileMatrixSetURI").GetString());
        Assert.False(string.IsNullOrEmpty(tileset.GetProperty("title").GetString()));
        Assert.EndsWith("/ogc/collections/vn%3Apopulated_places/tiles/WebMercatorQuad", tileset.Link("self"));
        Assert.EndsWith("/ogc/tileMatrixSets/WebMercatorQuad", tileset.Link(Rel + "tiling-scheme"));
        var item = LinkTo(tileset, "item");
        Assert.EndsWith("/ogc/collections/vn%3Apopulated_places/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}",
            item.GetProperty("href").GetString());
        Assert.Equal("application/vnd.mapbox-vector-tile", item.GetProperty("type").GetString());
        Assert.True(item.GetProperty("templated").GetBoolean());
        var layer = tileset.GetProperty("layers").EnumerateArray().Single();
        Assert.Equal("populated_places", layer.GetProperty("id").GetString());
        Assert.Equal("string", layer.GetProperty("propertiesSchema").GetProperty("properties").GetProperty("ten").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_map_tileset_offers_PNG_and_JPEG_tiles()
    {
        var tileset = await server.Client.GetJsonAsync("/ogc/collections/vn:rivers/map/tiles/WorldCRS84Quad");

        Assert.Equal("map", tileset.GetProperty("dataType").GetString());
        var items = tileset.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "item")
            .Select(l => l.GetProperty("type").GetString()).ToList();
        Assert.Equal(["image/png", "image/jpeg"], items);
    }

    [Fact]
    public async Task A_vector_tile_decodes_with_the_collections_layer_and_attributes()
    {
        var (response, body) = await GetAsync($"/ogc/collections/vn:populated_places/tiles/{HaNoiTile}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
        var layer = Assert.Single(MvtDecoder.Decode(body));
        Assert.Equal("populated_places", layer.Name);
        Assert.Contains(layer.Features, f => layer.PropertiesOf(f).GetValueOrDefault("ten") as string == "Hà Nội");
    }

    [Fact]
    public async Task A_vector_tile_is_gzipped_for_a_client_that_accepts_gzip()
    {
        string url = $"/ogc/collections/vn:populated_places/tiles/{HaNoiTile}";
        var (_, plain) = await GetAsync(url);
        var (response, zipped) = await GetAsync(url, gzip: true);

        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        using var unzip = new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        await unzip.CopyToAsync(inflated);
        Assert.Equal(plain, inflated.ToArray());
    }

    [Fact]
    public async Task A_vector_tile_where_no_feature_reaches_is_no_content()
    {
        var (response, _) = await GetAsync("/ogc/collections/ha-noi:land_parcels_synthetic/tiles/WebMercatorQuad/10/0/0");

        Assert.Equal(204, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_dataset_vector_tile_holds_every_visible_layer_with_features_there()
    {
        var (response, body) = await GetAsync($"/ogc/tiles/{HaNoiTile}");

        Assert.Equal(200, (int)response.StatusCode);
        var names = MvtDecoder.Decode(body).Select(l => l.Name).ToList();
        Assert.Contains("vn_provinces_2025", names);
        Assert.Contains("populated_places", names);
        Assert.Equal(names.Count, names.Distinct().Count());
        var list = await server.Client.GetJsonAsync("/ogc/tiles");
        Assert.Equal(3, list.GetProperty("tilesets").GetArrayLength());
    }

    [Theory]
    [InlineData("vn:rivers", 6, 51, 28)]
    [InlineData("vn:vn_provinces_2025", 7, 101, 56)]
    public async Task A_map_tile_is_a_256_pixel_PNG_equal_to_the_XYZ_tile(string collection, int z, int x, int y)
    {
        var (response, png) = await GetAsync($"/ogc/collections/{collection}/map/tiles/WebMercatorQuad/{z}/{y}/{x}");
        var (_, xyz) = await GetAsync($"/tiles/{collection}/{z}/{x}/{y}.png");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var image = PngReader.Read(png);
        Assert.Equal((256, 256), (image.Width, image.Height));
        Assert.True(image.CountDifferentFrom(new(0, 0, 0, 0)) > 0, "the tile has ink");
        Assert.Equal(xyz, png);
    }

    [Fact]
    public async Task A_map_tile_is_JPEG_when_asked_by_f_or_by_Accept()
    {
        string url = "/ogc/collections/vn:rivers/map/tiles/WebMercatorQuad/6/28/51";
        var (byF, jpeg) = await GetAsync(url + "?f=jpeg");
        var (byAccept, _) = await GetAsync(url, accept: "image/jpeg");

        Assert.Equal("image/jpeg", byF.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal("image/jpeg", byAccept.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task WorldCRS84Quad_serves_vector_and_map_tiles()
    {
        // Level 5 tiles are 5.625° wide: column 50 and row 12 hold Hà Nội (105.85° E, 21.03° N).
        var (vector, mvt) = await GetAsync("/ogc/collections/vn:populated_places/tiles/WorldCRS84Quad/5/12/50");
        var (map, png) = await GetAsync("/ogc/collections/vn:vn_provinces_2025/map/tiles/WorldCRS84Quad/5/12/50");

        Assert.Equal(200, (int)vector.StatusCode);
        var layer = Assert.Single(MvtDecoder.Decode(mvt));
        Assert.Contains(layer.Features, f => layer.PropertiesOf(f).GetValueOrDefault("ten") as string == "Hà Nội");
        Assert.Equal(200, (int)map.StatusCode);
        var image = PngReader.Read(png);
        Assert.Equal((256, 256), (image.Width, image.Height));
        Assert.True(image.CountDifferentFrom(new(0, 0, 0, 0)) > 1000, "the provinces are drawn");
    }

    [Theory]
    [InlineData("/ogc/collections/vn:nowhere/tiles", "collectionId")]
    [InlineData("/ogc/collections/vn:nowhere/map/tiles/WebMercatorQuad/0/0/0", "collectionId")]
    [InlineData("/ogc/collections/vn:observations/tiles", "collectionId")]
    [InlineData("/ogc/collections/vn:observations/map/tiles/WebMercatorQuad", "collectionId")]
    [InlineData("/ogc/collections/vn:rivers/tiles/NoSuchSet", "tileMatrixSetId")]
    [InlineData("/ogc/tileMatrixSets/NoSuchSet", "tileMatrixSetId")]
    [InlineData("/ogc/collections/vn:rivers/tiles/WebMercatorQuad/6/64/0", "tileRow")]
    [InlineData("/ogc/collections/vn:rivers/map/tiles/WebMercatorQuad/6/0/64", "tileCol")]
    [InlineData("/ogc/collections/vn:rivers/tiles/WebMercatorQuad/31/0/0", "tileMatrix")]
    [InlineData("/ogc/tiles/WorldCRS84Quad/0/1/0", "tileRow")]
    public async Task Unknown_resources_and_tiles_outside_the_matrix_are_404_problems_naming_the_parameter(string url, string parameter)
    {
        using var response = await server.Client.GetAsync(url);

        await HttpJson.AssertProblemAsync(response, 404, parameter);
    }

    [Fact]
    public async Task An_image_format_not_offered_is_a_400_problem_naming_f()
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:rivers/map/tiles/WebMercatorQuad/6/28/51?f=gif");

        await HttpJson.AssertProblemAsync(response, 400, "f");
    }

    [Fact]
    public async Task The_API_definition_describes_the_tiles_paths_with_resolvable_parameters()
    {
        var api = await server.Client.GetJsonAsync("/ogc/api");
        var paths = api.GetProperty("paths");
        var components = api.GetProperty("components").GetProperty("parameters");

        foreach (var path in new[] { "/tileMatrixSets", "/tileMatrixSets/{tileMatrixSetId}", "/tiles", "/map/tiles/{tileMatrixSetId}",
                     "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                     "/collections/{collectionId}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            foreach (var parameter in get.GetProperty("parameters").EnumerateArray())
            {
                var resolved = components.GetProperty(parameter.GetProperty("$ref").GetString()!.Split('/')[^1]);
                if (resolved.GetProperty("in").GetString() == "path")
                    Assert.Contains("{" + resolved.GetProperty("name").GetString() + "}", path);
            }
        }
        var ids = paths.EnumerateObject().Select(p => p.Value.GetProperty("get").GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
