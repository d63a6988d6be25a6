using GeoServer.Core.Crs;
using GeoServer.Core.Sources;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Vector;

namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// One vector tile layer from each store: PostGIS encodes it itself (ST_AsMVT, <see cref="IVectorTileSource"/>),
/// the GeoPackage through <see cref="FeatureTileEncoder"/>; both must give the same features and attributes for
/// the same sample rows, clipped at the tile plus its buffer. Tiles are read back with <see cref="MvtDecoder"/>.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class VectorTileStoreTests
{
    private static readonly FeatureTileEncoder Encoder = new(CrsRegistry.Default);

    /// <summary>The layer as PostGIS encodes it.</summary>
    private static async Task<byte[]?> PostGisTileAsync(string table, VectorTileRequest request)
    {
        var source = await VectorTileSamples.PostGisAsync(table);
        return await Assert.IsAssignableFrom<IVectorTileSource>(source).GetVectorTileAsync(request, default);
    }

    /// <summary>The layer as the in-process encoder makes it from the GeoPackage.</summary>
    private static async Task<byte[]?> GeoPackageTileAsync(string table, VectorTileRequest request)
    {
        var source = await VectorTileSamples.GeoPackageAsync(table);
        Assert.False(source is IVectorTileSource);
        return await Encoder.EncodeAsync(source, request, default);
    }

    private static DecodedLayer SingleLayer(byte[]? tile, string name)
    {
        Assert.NotNull(tile);
        var layer = Assert.Single(MvtDecoder.Decode(tile));
        Assert.Equal(name, layer.Name);
        Assert.Equal(2u, layer.Version);
        Assert.Equal(4096u, layer.Extent);
        return layer;
    }

    /// <summary>Each feature's properties by id, values as decoded (so their MVT type counts too).</summary>
    private static SortedDictionary<ulong, Dictionary<string, object>> ById(DecodedLayer layer) =>
        new(layer.Features.ToDictionary(f => f.Id ?? throw new InvalidDataException("A feature without id."), layer.PropertiesOf));

    [Theory]
    [InlineData("populated_places", 10)]
    [InlineData("populated_places", 13)]
    [InlineData("vn_provinces_2025", 8)]
    [InlineData("vn_provinces_2025", 11)]
    public async Task A_tile_over_Ha_Noi_has_the_same_feature_ids_and_attribute_values_from_PostGIS_and_from_GeoPackage(string table, int zoom)
    {
        var request = VectorTileSamples.Request(table, zoom);

        var postgis = ById(SingleLayer(await PostGisTileAsync(table, request), table));
        var geopackage = ById(SingleLayer(await GeoPackageTileAsync(table, request), table));

        Assert.NotEmpty(postgis);
        Assert.Equal(postgis.Keys, geopackage.Keys);
        foreach (var (id, properties) in postgis)
            Assert.Equal(properties.OrderBy(p => p.Key), geopackage[id].OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Points_land_on_the_same_grid_cell_from_both_stores()
    {
        var request = VectorTileSamples.Request("populated_places", 12);

        var postgis = SingleLayer(await PostGisTileAsync("populated_places", request), "populated_places");
        var geopackage = SingleLayer(await GeoPackageTileAsync("populated_places", request), "populated_places");

        var expected = postgis.Features.ToDictionary(f => f.Id!.Value, f => f.Parts[0][0]);
        Assert.NotEmpty(expected);
        foreach (var feature in geopackage.Features)
        {
            Assert.Equal(1, feature.Type);
            var (x, y) = feature.Parts[0][0];
            // Both round the same coordinates to the grid; ProjNET and PROJ may differ in the last bits only.
            Assert.InRange(Math.Abs(x - expected[feature.Id!.Value].X) + Math.Abs(y - expected[feature.Id!.Value].Y), 0, 1);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Province_outlines_are_clipped_at_the_tile_edge_plus_the_buffer(bool postgis)
    {
        // At zoom 10 the tile (39 km across) lies inside Hà Nội's province, whose outline crosses every edge.
        var request = VectorTileSamples.Request("vn_provinces_2025", 10);

        var tile = postgis ? await PostGisTileAsync("vn_provinces_2025", request) : await GeoPackageTileAsync("vn_provinces_2025", request);

        var layer = SingleLayer(tile, "vn_provinces_2025");
        var points = layer.Features.SelectMany(f => f.Parts).SelectMany(p => p).ToList();
        const int min = -VectorTileRequest.DefaultBuffer, max = VectorTileRequest.DefaultExtent + VectorTileRequest.DefaultBuffer;
        Assert.All(points, p => Assert.True(p.X is >= min and <= max && p.Y is >= min and <= max, $"{p} is beyond the buffer"));
        Assert.Contains(points, p => p.X == min);
        Assert.Contains(points, p => p.X == max);
        Assert.Contains(points, p => p.Y == min);
        Assert.Contains(points, p => p.Y == max);
        Assert.All(layer.Features, f => Assert.Equal(3, f.Type));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_tile_with_no_feature_is_null(bool postgis)
    {
        // Open sea south-east of Hawaii: no province and no populated place of Việt Nam.
        var request = VectorTileSamples.Request("vn_provinces_2025", 9, lon: -150, lat: 10);

        var tile = postgis ? await PostGisTileAsync("vn_provinces_2025", request) : await GeoPackageTileAsync("vn_provinces_2025", request);

        Assert.Null(tile);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Vietnamese_names_keep_their_diacritics(bool postgis)
    {
        var request = VectorTileSamples.Request("vn_provinces_2025", 11);

        var tile = postgis ? await PostGisTileAsync("vn_provinces_2025", request) : await GeoPackageTileAsync("vn_provinces_2025", request);

        var layer = SingleLayer(tile, "vn_provinces_2025");
        var properties = layer.PropertiesOf(Assert.Single(layer.Features, f => f.Id == 1));
        Assert.Equal("Hà Nội", properties["ten_tinh"]);
        Assert.Equal("Thành phố Hà Nội", properties["ten_day_du"]);
        // A string value (field 1), the floating area a double (field 3), as PostGIS and the encoder both type them.
        Assert.Equal(1, layer.ValueFields[layer.Values.IndexOf("Hà Nội")]);
        Assert.IsType<double>(properties["dien_tich_km2"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Only_the_requested_attributes_are_written_and_an_unknown_one_is_refused(bool postgis)
    {
        var request = VectorTileSamples.Request("populated_places", 11) with { Properties = ["ten", "dan_so_osm"] };
        Func<VectorTileRequest, Task<byte[]?>> tileOf = r => postgis ? PostGisTileAsync("populated_places", r) : GeoPackageTileAsync("populated_places", r);

        var layer = SingleLayer(await tileOf(request), "populated_places");

        Assert.Subset(new HashSet<string> { "ten", "dan_so_osm" }, layer.Keys.ToHashSet());
        Assert.Contains("ten", layer.Keys);
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => tileOf(request with { Properties = ["ten", "no_such_column"] }));
        Assert.Contains("no_such_column", e.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_more_than_the_maximum_number_of_features_is_written(bool postgis)
    {
        var request = VectorTileSamples.Request("populated_places", 9) with { MaxFeatures = 3 };

        var tile = postgis ? await PostGisTileAsync("populated_places", request) : await GeoPackageTileAsync("populated_places", request);

        Assert.Equal(3, SingleLayer(tile, "populated_places").Features.Count);
    }

    [Fact]
    public async Task PostGIS_writes_timestamps_as_the_ISO_8601_text_its_features_carry()
    {
        // A tile over northern Việt Nam with monitoring stations, whose bat_dau and ket_thuc are timestamptz.
        var stations = await VectorTileSamples.PostGisAsync("monitoring_stations");
        var request = VectorTileSamples.Request("monitoring_stations", 5);

        var layer = SingleLayer(await ((IVectorTileSource)stations).GetVectorTileAsync(request, default), "monitoring_stations");

        Assert.NotEmpty(layer.Features);
        var schema = stations.Info.Schema;
        foreach (var feature in layer.Features)
        {
            var expected = (await stations.GetAsync((long)feature.Id!.Value, default))!;
            var properties = layer.PropertiesOf(feature);
            foreach (var name in new[] { "bat_dau", "ket_thuc" })
                Assert.Equal(expected.Values[schema.IndexOf(name)], properties[name]);
        }
        Assert.Contains(layer.Values, v => v is "2025-01-01T00:00:00Z");
    }

    [Fact]
    public async Task A_request_with_an_invalid_extent_is_refused_before_any_query()
    {
        var request = VectorTileSamples.Request("populated_places", 10) with { Extent = 0 };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => PostGisTileAsync("populated_places", request));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => GeoPackageTileAsync("populated_places", request));
    }
}
