using System.Globalization;
using System.Text.RegularExpressions;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Vector;
using NetTopologySuite.Geometries;

namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// GDAL's MVT driver (ogrinfo) reads a tile written by the encoder: a second, independent decoder. A single tile
/// file is georeferenced in WebMercatorQuad by the X, Y, Z open options. GDAL is required, as for the other
/// GDAL tests.
/// </summary>
public sealed partial class MvtGdalCrossCheckTests : IDisposable
{
    private const int Zoom = 14;
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-mvt-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Ogrinfo_reads_the_layers_features_properties_and_positions_of_an_encoded_tile()
    {
        var crs = CrsRegistry.Default;
        var toMercator = crs.GetTransform(crs.Crs84, crs.FromEpsg(3857)!);
        var factory = new GeometryFactory();
        Point Mercator(double lon, double lat)
        {
            double x = lon, y = lat;
            toMercator.Transform(ref x, ref y);
            return factory.CreatePoint(new Coordinate(x, y));
        }

        var lake = Mercator(105.8524, 21.0287);   // Hồ Hoàn Kiếm
        var matrix = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!.Find(Zoom.ToString(CultureInfo.InvariantCulture))!;
        var range = matrix.TileRangeCovering(new BBox(lake.X, lake.Y, lake.X, lake.Y))!.Value;
        var bounds = matrix.TileBounds(range.MinRow, range.MinCol);
        var tile = new MvtTileBuilder(bounds);
        var places = tile.AddLayer("places");
        places.AddFeature(1, lake, [new("name", "Hồ Hoàn Kiếm"), new("visitors", 12000), new("area_ha", 12.5)]);
        places.AddFeature(2, factory.CreatePoint(new Coordinate((bounds.MinX + bounds.MaxX) / 2, (bounds.MinY + bounds.MaxY) / 2)),
            [new("name", "centre"), new("visitors", 1)]);
        places.AddFeature(3, factory.CreatePoint(new Coordinate(bounds.MaxX + 10_000, bounds.MaxY)), [new("name", "far away")]);
        var blocks = tile.AddLayer("blocks");
        blocks.AddFeature(10, factory.ToGeometry(new Envelope(bounds.MinX - 500, bounds.MinX + 500, bounds.MinY + 100, bounds.MinY + 900)),
            [new("kind", "park")]);
        tile.AddLayer("nothing");
        var path = Path.Combine(_work, "tile.mvt");
        await File.WriteAllBytesAsync(path, tile.ToArray());
        string[] open = ["-oo", $"X={range.MinCol}", "-oo", $"Y={range.MinRow}", "-oo", $"Z={Zoom}", "-oo", "CLIP=NO"];

        var summary = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", _work, errorsFail: true, ["-ro", "-so", "-al", .. open, path]);
        var details = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", _work, errorsFail: true, ["-ro", "-al", .. open, path, "places"]);

        var counts = FeatureCount().Matches(summary).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(new Dictionary<string, int> { ["places"] = 2, ["blocks"] = 1 }, counts);
        Assert.Contains("name (String) = Hồ Hoàn Kiếm", details);
        Assert.Contains("visitors (Integer", details);
        var first = PointLine().Match(details);
        Assert.True(first.Success, details);
        // One grid unit at zoom 14 is 2446 m / 4096 ≈ 0.6 m; rounding moves a point by at most half of one per axis.
        Assert.Equal(lake.X, double.Parse(first.Groups[1].Value, CultureInfo.InvariantCulture), 0.5);
        Assert.Equal(lake.Y, double.Parse(first.Groups[2].Value, CultureInfo.InvariantCulture), 0.5);
    }

    [GeneratedRegex(@"^Layer name: (\S+)[\s\S]*?^Feature Count: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FeatureCount();

    [GeneratedRegex(@"POINT \((-?[\d.]+) (-?[\d.]+)\)")]
    private static partial Regex PointLine();
}
