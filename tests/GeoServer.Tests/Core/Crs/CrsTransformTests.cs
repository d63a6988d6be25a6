using System.Collections.Concurrent;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;

namespace GeoServer.Tests.Core.Crs;

public sealed class CrsTransformTests
{
    private static readonly CrsRegistry Registry = CrsRegistry.Default;
    private static readonly CrsDefinition Wgs84 = Registry.FromEpsg(4326)!;
    private static readonly CrsDefinition WebMercator = Registry.FromEpsg(3857)!;
    private static readonly CrsDefinition HaNoiTm3 = Registry.FromEpsg(5897)!;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Fact]
    public void CRS84_and_EPSG_4326_are_the_identity_both_ways()
    {
        var there = Registry.GetTransform(Registry.Crs84, Wgs84);
        var back = Registry.GetTransform(Wgs84, Registry.Crs84);
        var (x, y) = (105.85, 21.03);

        there.Transform(ref x, ref y);

        Assert.True(there.IsIdentity);
        Assert.True(back.IsIdentity);
        Assert.Equal((105.85, 21.03), (x, y));
    }

    [Fact]
    public void A_CRS_to_itself_is_the_identity_and_returns_the_same_geometry()
    {
        var transform = Registry.GetTransform(HaNoiTm3, HaNoiTm3);
        var point = Factory.CreatePoint(new Coordinate(588000, 2326000));

        Assert.True(transform.IsIdentity);
        Assert.Same(point, transform.Transform(point));
        Assert.Equal(new BBox(1, 2, 3, 4), transform.Transform(new BBox(1, 2, 3, 4)));
    }

    [Fact]
    public void A_datum_shift_is_not_the_identity()
    {
        Assert.False(Registry.GetTransform(Registry.Crs84, Registry.FromEpsg(4756)!).IsIdentity);
    }

    [Theory]
    [InlineData(105.85, 21.03)]
    [InlineData(-179.9, -85)]
    [InlineData(179.9, 85)]
    [InlineData(0, 0)]
    [InlineData(-73.98, 40.75)]
    public void EPSG_3857_round_trips_to_within_a_nanodegree(double lon, double lat)
    {
        var (x, y) = (lon, lat);

        Registry.GetTransform(Registry.Crs84, WebMercator).Transform(ref x, ref y);
        Registry.GetTransform(WebMercator, Registry.Crs84).Transform(ref x, ref y);

        Assert.Equal(lon, x, 1e-9);
        Assert.Equal(lat, y, 1e-9);
    }

    [Theory]
    [InlineData(5897, 105.85, 21.03)]
    [InlineData(5899, 108.2, 16.05)]
    [InlineData(9210, 106.7, 10.78)]
    [InlineData(3405, 105.85, 21.03)]
    public void VN_2000_round_trips_through_WGS_84_to_within_half_a_centimetre(int epsg, double lon, double lat)
    {
        var vn2000 = Registry.FromEpsg(epsg)!;
        var (x, y) = (lon, lat);
        Registry.GetTransform(Registry.Crs84, vn2000).Transform(ref x, ref y);
        var (easting, northing) = (x, y);

        Registry.GetTransform(vn2000, Registry.Crs84).Transform(ref x, ref y);
        Registry.GetTransform(Registry.Crs84, vn2000).Transform(ref x, ref y);

        // Each datum shift puts latitude up to 1.5 mm north of PROJ's (ProjNET's one-step geocentric-to-geodetic
        // formula), and the round trip holds two of them.
        Assert.Equal(easting, x, 0.005);
        Assert.Equal(northing, y, 0.005);
    }

    [Fact]
    public void A_geometry_transform_returns_a_copy_with_every_vertex_moved_and_heights_kept()
    {
        var transform = Registry.GetTransform(Wgs84, HaNoiTm3);
        var ring = new[]
        {
            new CoordinateZ(105.8, 21.0, 10), new CoordinateZ(105.9, 21.0, 11), new CoordinateZ(105.9, 21.1, 12),
            new CoordinateZ(105.8, 21.0, 10),
        };
        var polygon = Factory.CreatePolygon(ring);

        var projected = transform.Transform(polygon);

        Assert.NotSame(polygon, projected);
        Assert.Equal(105.8, polygon.Coordinates[0].X);
        Assert.Equal(5897, projected.SRID);
        for (var i = 0; i < ring.Length; i++)
        {
            var (x, y) = (ring[i].X, ring[i].Y);
            transform.Transform(ref x, ref y);
            Assert.Equal(x, projected.Coordinates[i].X);
            Assert.Equal(y, projected.Coordinates[i].Y);
            Assert.Equal(ring[i].Z, projected.Coordinates[i].Z);
        }
        Assert.Equal(projected.Coordinates.Min(c => c.X), projected.EnvelopeInternal.MinX);
    }

    [Fact]
    public void A_geometry_collection_is_transformed_part_by_part()
    {
        var transform = Registry.GetTransform(Registry.Crs84, WebMercator);
        var parts = Factory.CreateMultiPoint([Factory.CreatePoint(new Coordinate(0, 0)), Factory.CreatePoint(new Coordinate(180, 0))]);

        var projected = transform.Transform(parts);

        Assert.Equal(3857, projected.SRID);
        Assert.Equal(0, projected.GetGeometryN(0).Coordinate.X, 1e-6);
        Assert.Equal(20037508.342789244, projected.GetGeometryN(1).Coordinate.X, 1e-6);
    }

    [Fact]
    public void A_bbox_transform_covers_the_images_of_its_corners_and_edges()
    {
        // Thanh Hóa to Hà Giang: three degrees wide across the zone's central meridian (105°E), placed so that
        // no densified point falls on the meridian, where the southern edge dips lowest.
        var box = new BBox(103.55, 19.3, 106.5, 23.4);
        var transform = Registry.GetTransform(Registry.Crs84, HaNoiTm3);

        var projected = transform.Transform(box);

        foreach (var (lon, lat) in AlongEdges(box, pointsPerEdge: 400))
        {
            var (x, y) = (lon, lat);
            transform.Transform(ref x, ref y);
            // CrsTransform promises the curve between two of its 20 points per edge to within 2 m at this size.
            Assert.InRange(x, projected.MinX - 2, projected.MaxX + 2);
            Assert.InRange(y, projected.MinY - 2, projected.MaxY + 2);
        }
    }

    [Fact]
    public void A_bbox_transform_reaches_the_bulge_of_an_edge_beyond_its_corners()
    {
        var box = new BBox(103.5, 19.3, 106.5, 23.4);
        var transform = Registry.GetTransform(Registry.Crs84, HaNoiTm3);
        double southWestX = 103.5, southWestY = 19.3, southEastX = 106.5, southEastY = 19.3;
        transform.Transform(ref southWestX, ref southWestY);
        transform.Transform(ref southEastX, ref southEastY);

        var projected = transform.Transform(box);

        // In Transverse Mercator parallels curve poleward away from the central meridian, so the southern edge
        // dips lowest at 105°E, some 680 m below its corners.
        Assert.True(projected.MinY < Math.Min(southWestY, southEastY) - 500,
            $"MinY {projected.MinY} does not reach below the corners ({southWestY}, {southEastY})");
    }

    [Fact]
    public void A_world_bbox_into_Web_Mercator_is_the_Web_Mercator_square()
    {
        var projected = Registry.GetTransform(Registry.Crs84, WebMercator).Transform(new BBox(-180, -90, 180, 90));

        const double half = 20037508.342789244;
        Assert.Equal(-half, projected.MinX, 0.01);
        Assert.Equal(-half, projected.MinY, 0.01);
        Assert.Equal(half, projected.MaxX, 0.01);
        Assert.Equal(half, projected.MaxY, 0.01);
    }

    [Fact]
    public void A_bbox_with_no_image_intersects_nothing()
    {
        var projected = Registry.GetTransform(Registry.Crs84, WebMercator).Transform(new BBox(0, 86, 10, 90));

        Assert.True(double.IsNaN(projected.MinX));
        Assert.False(projected.Intersects(new BBox(-1e9, -1e9, 1e9, 1e9)));
    }

    [Fact]
    public void A_projected_bbox_transforms_back_to_degrees()
    {
        var transform = Registry.GetTransform(HaNoiTm3, Registry.Crs84);

        var geographic = transform.Transform(new BBox(570000, 2310000, 600000, 2340000));

        Assert.InRange(geographic.MinX, 105.6, 105.7);
        Assert.InRange(geographic.MaxX, 105.9, 106.0);
        Assert.InRange(geographic.MinY, 20.8, 20.9);
        Assert.InRange(geographic.MaxY, 21.1, 21.2);
    }

    [Fact]
    public void Concurrent_use_from_many_threads_gives_the_same_results()
    {
        // A registry of its own, so that the threads also race to build the transforms.
        using var json = typeof(CrsRegistry).Assembly.GetManifestResourceStream("crs-definitions.json")!;
        var fresh = CrsRegistry.Load(json);
        var from = fresh.Crs84;
        var targets = new[] { 5897, 5899, 9210, 3405, 4756, 3857 }.Select(code => fresh.FromEpsg(code)!).ToArray();
        var points = Enumerable.Range(0, 500)
            .Select(i => (X: 102.2 + 7.2 * (i % 25) / 25.0, Y: 8.6 + 14.7 * (i / 25) / 20.0))
            .ToArray();
        var expected = targets
            .Select(to => Registry.GetTransform(Registry.Crs84, Registry.FromEpsg(to.Epsg!.Value)!))
            .Select(single => points.Select(p => TransformOnce(single, p)).ToArray())
            .ToArray();
        var seen = targets.Select(_ => new ConcurrentBag<CrsTransform>()).ToArray();
        var failures = new ConcurrentQueue<string>();

        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 32 }, worker =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var t = 0; t < targets.Length; t++)
                {
                    var k = (t + worker) % targets.Length;
                    var transform = fresh.GetTransform(from, targets[k]);
                    seen[k].Add(transform);
                    for (var i = 0; i < points.Length; i++)
                    {
                        if (TransformOnce(transform, points[i]) != expected[k][i])
                            failures.Enqueue($"{targets[k].Uri} point {i} on worker {worker}");
                    }
                }
            }
        });

        Assert.Empty(failures);
        Assert.All(seen, bag => Assert.Single(bag.Distinct()));
    }

    private static (double X, double Y) TransformOnce(CrsTransform transform, (double X, double Y) point)
    {
        var (x, y) = point;
        transform.Transform(ref x, ref y);
        return (x, y);
    }

    private static IEnumerable<(double X, double Y)> AlongEdges(BBox box, int pointsPerEdge)
    {
        for (var i = 0; i <= pointsPerEdge; i++)
        {
            var t = (double)i / pointsPerEdge;
            var x = box.MinX + t * (box.MaxX - box.MinX);
            var y = box.MinY + t * (box.MaxY - box.MinY);
            yield return (x, box.MinY);
            yield return (x, box.MaxY);
            yield return (box.MinX, y);
            yield return (box.MaxX, y);
        }
    }
}
