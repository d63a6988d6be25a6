using GeoServer.Tests.Support;

namespace GeoServer.Tests.EndToEnd;

/// <summary>
/// OGC API – Tiles read by GDAL. GDAL 3.6's OGCAPI driver (API=TILES) follows our tilesets list and tileset links but
/// then fails on the tile matrix set: its parser reads only the TMS 1.0 JSON encoding ("type": "TileMatrixSetType"),
/// not the 2.0 encoding OGC API – Tiles 1.0 requires. So GDAL's MVT driver reads a tile fetched through the tileset's
/// item template instead, as an independent decoder of what /ogc serves. GDAL is required.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class OgcTilesGdalTests(GeoSdiServer server) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-ogctiles-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Ogrinfo_reads_the_features_and_attributes_of_a_vector_tile_from_the_tilesets_item_template()
    {
        var tileset = await server.Client.GetJsonAsync("/ogc/collections/vn:populated_places/tiles/WebMercatorQuad");
        string template = tileset.Link("item", "application/vnd.mapbox-vector-tile")!;
        var url = template.Replace("{tileMatrix}", "10").Replace("{tileRow}", "450").Replace("{tileCol}", "813");
        var path = Path.Combine(_work, "tile.mvt");
        await File.WriteAllBytesAsync(path, await server.Client.GetByteArrayAsync(url));

        var output = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", _work, errorsFail: true,
            "-ro", "-al", "-oo", "X=813", "-oo", "Y=450", "-oo", "Z=10", path);

        Assert.Contains("Layer name: populated_places", output);
        Assert.Contains("ten (String) = Hà Nội", output);
        Assert.Contains("POINT (1178", output);   // EPSG:3857 metres: 105.8° E
    }
}
