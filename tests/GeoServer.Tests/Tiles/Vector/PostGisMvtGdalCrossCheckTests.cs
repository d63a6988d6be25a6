using System.Globalization;
using System.Text.RegularExpressions;
using GeoServer.Core.Sources;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// GDAL's MVT driver (ogrinfo) reads a tile that PostGIS encoded through the source (ST_AsMVT with our
/// parameters), as <see cref="MvtGdalCrossCheckTests"/> does for the in-process encoder: the layer, its feature
/// count, Vietnamese text and the key as feature id.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed partial class PostGisMvtGdalCrossCheckTests : IDisposable
{
    private const int Zoom = 11;
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-mvt-pg-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Ogrinfo_reads_a_PostGIS_encoded_tile_of_populated_places_over_Ha_Noi()
    {
        var source = await VectorTileSamples.PostGisAsync("populated_places");
        var request = VectorTileSamples.Request("places", Zoom);
        var (_, row, col) = VectorTileSamples.TileAt(Zoom, VectorTileSamples.HaNoiLon, VectorTileSamples.HaNoiLat);
        var tile = await ((IVectorTileSource)source).GetVectorTileAsync(request, default);
        Assert.NotNull(tile);
        var expected = MvtDecoder.Decode(tile).Single().Features.Count;
        var path = Path.Combine(_work, "tile.mvt");
        await File.WriteAllBytesAsync(path, tile);
        string[] open = ["-oo", $"X={col}", "-oo", $"Y={row}", "-oo", $"Z={Zoom}", "-oo", "CLIP=NO"];

        var summary = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", _work, errorsFail: true, ["-ro", "-so", "-al", .. open, path]);
        var details = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", _work, errorsFail: true, ["-ro", "-al", .. open, path]);

        var count = FeatureCount().Match(summary);
        Assert.True(count.Success, summary);
        Assert.Equal("places", count.Groups[1].Value);
        Assert.Equal(expected, int.Parse(count.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Contains("ten (String) = ", details);
        Assert.Contains("ten_tinh_2025 (String) = Hà Nội", details);
        Assert.Contains("dan_so_osm (Integer", details);
        Assert.DoesNotContain("geosdi_mvt", details);
        // Every point GDAL places inside the tile's lon/lat box (plus its buffer), in Web Mercator metres.
        var bounds = request.BufferedBounds;
        var points = PointLine().Matches(details).Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(expected, points.Count);
        Assert.All(points, p => Assert.True(p.X >= bounds.MinX && p.X <= bounds.MaxX && p.Y >= bounds.MinY && p.Y <= bounds.MaxY, $"{p}"));
    }

    [GeneratedRegex(@"^Layer name: (\S+)[\s\S]*?^Feature Count: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FeatureCount();

    [GeneratedRegex(@"POINT \((-?[\d.]+) (-?[\d.]+)\)")]
    private static partial Regex PointLine();
}
