using System.IO.Compression;
using GeoServer.Core.Crs;
using GeoServer.Tiles.Vector;

namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// Tiles of several layers: PostGIS layers (encoded by the database) and GeoPackage layers (encoded in-process)
/// concatenated into one tile, in the tileset's order, optionally gzipped.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class VectorTilesetEncoderTests
{
    private static readonly VectorTilesetEncoder Encoder = new(CrsRegistry.Default);

    /// <summary>Provinces from PostGIS, places from the GeoPackage and stations from PostGIS, in that order.</summary>
    private static async Task<List<TilesetLayer>> MixedTilesetAsync() =>
    [
        new("provinces", await VectorTileSamples.LayerAsync(await VectorTileSamples.PostGisAsync("vn_provinces_2025")), ["ten_tinh"]),
        new("places", await VectorTileSamples.LayerAsync(await VectorTileSamples.GeoPackageAsync("populated_places")), ["ten", "loai_osm"]),
        new("stations", await VectorTileSamples.LayerAsync(await VectorTileSamples.PostGisAsync("monitoring_stations"))),
    ];

    [Fact]
    public async Task A_tile_of_several_layers_has_each_layer_with_features_in_the_tilesets_order()
    {
        var (matrix, row, col) = VectorTileSamples.TileAt(7, VectorTileSamples.HaNoiLon, VectorTileSamples.HaNoiLat);

        var tile = await Encoder.EncodeAsync(await MixedTilesetAsync(), VectorTileSamples.WebMercatorQuad, matrix, row, col, null, gzip: false, default);

        Assert.NotNull(tile);
        var layers = MvtDecoder.Decode(tile);
        Assert.Equal(["provinces", "places", "stations"], layers.Select(l => l.Name));
        Assert.All(layers, l => Assert.NotEmpty(l.Features));
        Assert.Equal(["ten_tinh"], layers[0].Keys);
        Assert.Contains("Hà Nội", layers[0].Values);
        Assert.Subset(new HashSet<string> { "ten", "loai_osm" }, layers[1].Keys.ToHashSet());
    }

    [Fact]
    public async Task A_layer_with_nothing_in_the_tile_is_left_out_and_a_tile_with_nothing_is_null()
    {
        var tileset = await MixedTilesetAsync();
        // Zoom 12 over the west of Hà Nội: the province and a place, but no monitoring station.
        var (matrix, row, col) = VectorTileSamples.TileAt(12, 105.65, 21.05);
        var (sea, seaRow, seaCol) = VectorTileSamples.TileAt(6, -150, 10);

        var tile = await Encoder.EncodeAsync(tileset, VectorTileSamples.WebMercatorQuad, matrix, row, col, null, gzip: false, default);
        var empty = await Encoder.EncodeAsync(tileset, VectorTileSamples.WebMercatorQuad, sea, seaRow, seaCol, null, gzip: true, default);

        Assert.Equal(["provinces", "places"], MvtDecoder.Decode(tile!).Select(l => l.Name));
        Assert.Null(empty);
    }

    [Fact]
    public async Task A_gzipped_tile_decompresses_to_the_plain_tile()
    {
        var tileset = await MixedTilesetAsync();
        var (matrix, row, col) = VectorTileSamples.TileAt(8, VectorTileSamples.HaNoiLon, VectorTileSamples.HaNoiLat);

        var plain = await Encoder.EncodeAsync(tileset, VectorTileSamples.WebMercatorQuad, matrix, row, col, null, gzip: false, default);
        var zipped = await Encoder.EncodeAsync(tileset, VectorTileSamples.WebMercatorQuad, matrix, row, col, null, gzip: true, default);

        Assert.NotNull(plain);
        Assert.NotNull(zipped);
        Assert.Equal(new byte[] { 0x1f, 0x8b }, zipped[..2]);
        Assert.True(zipped.Length < plain.Length, $"{zipped.Length} gzipped bytes for {plain.Length}");
        using var unzip = new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress);
        using var back = new MemoryStream();
        await unzip.CopyToAsync(back);
        Assert.Equal(plain, back.ToArray());
    }

    [Fact]
    public async Task Two_layers_with_one_name_and_a_tile_outside_the_matrix_are_refused()
    {
        var tileset = await MixedTilesetAsync();
        var (matrix, row, col) = VectorTileSamples.TileAt(8, VectorTileSamples.HaNoiLon, VectorTileSamples.HaNoiLat);
        var set = VectorTileSamples.WebMercatorQuad;

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Encoder.EncodeAsync([tileset[0], tileset[1] with { Name = "provinces" }], set, matrix, row, col, null, false, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Encoder.EncodeAsync(tileset, set, matrix, matrix.MatrixHeight, col, null, false, default));
    }
}
