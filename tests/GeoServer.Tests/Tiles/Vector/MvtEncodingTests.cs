using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Vector;
using NetTopologySuite.Geometries;

namespace GeoServer.Tests.Tiles.Vector;

public sealed class MvtEncodingTests
{
    private static readonly GeometryFactory Factory = new();

    // A tile whose CRS units are grid units with y flipped, so expected tile coordinates are easy to read.
    private static readonly BBox UnitTile = new(0, 0, 4096, 4096);

    private static readonly KeyValuePair<string, object?>[] NoProperties = [];

    private static Point Pt(double x, double tileY) => Factory.CreatePoint(new Coordinate(x, 4096 - tileY));

    private static Coordinate[] Coords(params (double X, double TileY)[] points) =>
        points.Select(p => new Coordinate(p.X, 4096 - p.TileY)).ToArray();

    private static Polygon Square(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon(Coords((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)));

    private static (DecodedLayer Layer, DecodedFeature Feature) EncodeOne(Geometry geometry, params (string, object?)[] properties)
    {
        var tile = new MvtTileBuilder(UnitTile);
        Assert.True(tile.AddLayer("test").AddFeature(7, geometry, properties.Select(p => KeyValuePair.Create(p.Item1, p.Item2))));
        var layer = Assert.Single(MvtDecoder.Decode(tile.ToArray()));
        return (layer, Assert.Single(layer.Features));
    }

    private static void AssertSameRing(IEnumerable<(int, int)> expected, List<(int X, int Y)> ring)
    {
        var set = expected.ToHashSet();
        Assert.Equal(set.Count, ring.Count);
        Assert.All(ring, p => Assert.Contains(p, set));
    }

    [Fact]
    public void A_multipoint_is_one_MoveTo_with_relative_zigzag_pairs_as_in_the_spec_example()
    {
        var (_, feature) = EncodeOne(Factory.CreateMultiPoint([Pt(5, 7), Pt(3, 2)]));

        Assert.Equal((int)MvtGeometryType.Point, feature.Type);
        Assert.Equal([17u, 10, 14, 3, 9], feature.Geometry);
    }

    [Fact]
    public void A_line_is_a_MoveTo_and_a_LineTo_as_in_the_spec_example()
    {
        var (_, feature) = EncodeOne(Factory.CreateLineString(Coords((2, 2), (2, 10), (10, 10))));

        Assert.Equal((int)MvtGeometryType.LineString, feature.Type);
        Assert.Equal([9u, 4, 4, 18, 0, 16, 16, 0], feature.Geometry);
    }

    [Fact]
    public void A_point_lands_on_the_tile_grid_with_y_growing_southwards_and_keeps_its_id()
    {
        var matrix = TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!.Find("1")!;
        var tile = new MvtTileBuilder(matrix.TileBounds(0, 0)); // the north-west quarter of the world
        var quarter = 20037508.3427892 / 2;
        tile.AddLayer("p").AddFeature(42, Factory.CreatePoint(new Coordinate(-quarter, quarter * 1.5)), NoProperties);

        var feature = Assert.Single(Assert.Single(MvtDecoder.Decode(tile.ToArray())).Features);

        Assert.Equal(42UL, feature.Id);
        Assert.Equal([(2048, 1024)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void A_polygon_is_MoveTo_LineTo_ClosePath_with_the_exterior_ring_positive_in_tile_coordinates()
    {
        var (_, feature) = EncodeOne(Factory.CreatePolygon(Coords((3, 6), (8, 12), (20, 34), (3, 6))));

        Assert.Equal((int)MvtGeometryType.Polygon, feature.Type);
        Assert.Equal([(1u, 1u), (2u, 2u), (7u, 1u)], feature.Commands);
        var ring = Assert.Single(feature.Parts);
        AssertSameRing([(3, 6), (8, 12), (20, 34)], ring);
        Assert.True(DecodedFeature.Area2(ring) > 0);
    }

    [Fact]
    public void Exterior_rings_are_wound_clockwise_on_screen_and_holes_the_other_way_whatever_the_input_winding()
    {
        // Shell clockwise and hole anticlockwise in the CRS (y up): the reverse of what the tile needs after the flip.
        var shell = Factory.CreateLinearRing(Coords((100, 100), (100, 900), (900, 900), (900, 100), (100, 100)).Reverse().ToArray());
        var hole = Factory.CreateLinearRing(Coords((300, 300), (300, 600), (600, 600), (600, 300), (300, 300)));
        foreach (var polygon in new[] { Factory.CreatePolygon(shell, [hole]), Factory.CreatePolygon(shell.Reverse() as LinearRing, [(LinearRing)hole.Reverse()]) })
        {
            var (_, feature) = EncodeOne(polygon);

            Assert.Equal(2, feature.Parts.Count);
            Assert.True(DecodedFeature.Area2(feature.Parts[0]) > 0, "exterior ring");
            Assert.True(DecodedFeature.Area2(feature.Parts[1]) < 0, "interior ring");
            AssertSameRing([(300, 300), (300, 600), (600, 600), (600, 300)], feature.Parts[1]);
        }
    }

    [Fact]
    public void A_multipolygon_gives_each_polygon_its_exterior_ring_in_one_feature()
    {
        var (_, feature) = EncodeOne(Factory.CreateMultiPolygon([Square(10, 10, 20, 20), Square(100, 100, 200, 150)]));

        Assert.Equal(2, feature.Parts.Count);
        Assert.All(feature.Parts, ring => Assert.True(DecodedFeature.Area2(ring) > 0));
    }

    [Fact]
    public void A_polygon_larger_than_the_tile_is_cut_to_the_tile_plus_the_64_unit_buffer()
    {
        var (_, feature) = EncodeOne(Square(-5000, -5000, 9000, 9000));

        AssertSameRing([(-64, -64), (4160, -64), (4160, 4160), (-64, 4160)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void A_polygon_crossing_the_east_edge_is_cut_at_the_buffer_line()
    {
        var (_, feature) = EncodeOne(Square(4000, 1000, 5000, 2000));

        AssertSameRing([(4000, 1000), (4160, 1000), (4160, 2000), (4000, 2000)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void A_line_crossing_the_tile_is_cut_at_the_buffer_and_one_leaving_and_returning_becomes_two_parts()
    {
        var (_, straight) = EncodeOne(Factory.CreateLineString(Coords((-1000, 2048), (5000, 2048))));
        Assert.Equal([(-64, 2048), (4160, 2048)], Assert.Single(straight.Parts));

        var (_, detour) = EncodeOne(Factory.CreateLineString(Coords((100, 100), (100, -500), (300, -500), (300, 100))));
        Assert.Equal(2, detour.Parts.Count);
        Assert.Equal([(100, 100), (100, -64)], detour.Parts[0]);
        Assert.Equal([(300, -64), (300, 100)], detour.Parts[1]);
        Assert.Equal([(1u, 1u), (2u, 1u), (1u, 1u), (2u, 1u)], detour.Commands);
    }

    [Fact]
    public void Points_in_the_buffer_are_kept_and_those_beyond_it_are_not_written()
    {
        var tile = new MvtTileBuilder(UnitTile);
        var layer = tile.AddLayer("p");

        Assert.True(layer.AddFeature(1, Pt(-30, 10), NoProperties));
        Assert.False(layer.AddFeature(2, Pt(-100, 10), NoProperties));
        Assert.False(layer.AddFeature(3, Factory.CreateLineString(Coords((5000, 0), (6000, 10))), NoProperties));
        Assert.Equal(1, layer.FeatureCount);
        Assert.Equal([(-30, 10)], Assert.Single(Assert.Single(Assert.Single(MvtDecoder.Decode(tile.ToArray())).Features).Parts));
    }

    [Fact]
    public void Vertices_that_round_to_the_same_grid_point_are_written_once()
    {
        var (_, feature) = EncodeOne(Factory.CreateLineString(Coords((10, 10), (10.2, 10.3), (10.4, 9.9), (20, 10), (20.1, 10.2))));

        Assert.Equal([(10, 10), (20, 10)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void Shapes_that_collapse_on_the_grid_are_dropped()
    {
        var layer = new MvtTileBuilder(UnitTile).AddLayer("t");

        Assert.False(layer.AddFeature(1, Factory.CreateLineString(Coords((10, 10), (10.3, 10.2))), NoProperties));
        Assert.False(layer.AddFeature(2, Square(10.1, 10.1, 10.3, 10.3), NoProperties));
        Assert.False(layer.AddFeature(3, Factory.CreatePolygon(Coords((10, 10), (500, 10), (1000, 10), (10, 10))), NoProperties));
        Assert.False(layer.AddFeature(4, Factory.CreatePolygon(), NoProperties));
    }

    [Fact]
    public void A_collection_keeps_only_its_parts_of_the_highest_dimension()
    {
        var (_, feature) = EncodeOne(Factory.CreateGeometryCollection([Pt(1, 1), Square(10, 10, 20, 20), Factory.CreateLineString(Coords((0, 0), (5, 5)))]));

        Assert.Equal((int)MvtGeometryType.Polygon, feature.Type);
        AssertSameRing([(10, 10), (20, 10), (20, 20), (10, 20)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void Keys_and_values_are_shared_between_features_through_the_layer_tables()
    {
        var tile = new MvtTileBuilder(UnitTile);
        var layer = tile.AddLayer("roads");
        layer.AddFeature(1, Pt(1, 1), [new("kind", "primary"), new("lanes", 2)]);
        layer.AddFeature(2, Pt(2, 2), [new("kind", "primary"), new("lanes", 4)]);
        layer.AddFeature(3, Pt(3, 3), [new("lanes", 2), new("kind", "secondary")]);

        var decoded = Assert.Single(MvtDecoder.Decode(tile.ToArray()));

        Assert.Equal(["kind", "lanes"], decoded.Keys);
        Assert.Equal(4, decoded.Values.Count); // "primary", 2, 4, "secondary"
        Assert.Equal([0u, 0, 1, 1], decoded.Features[0].Tags);
        Assert.Equal([1u, 1, 0, 3], decoded.Features[2].Tags);
        Assert.Equal("secondary", decoded.PropertiesOf(decoded.Features[2])["kind"]);
    }

    [Fact]
    public void Each_property_type_is_written_to_its_own_member_of_the_value_message()
    {
        var (layer, feature) = EncodeOne(Pt(1, 1),
            ("name", "Hà Nội"), ("area", 3358.6), ("ratio", 0.5f), ("population", 8_435_700), ("delta", -12L),
            ("big", ulong.MaxValue), ("capital", true), ("explicit", MvtValue.Int(-3)), ("founded", new DateOnly(1010, 7, 1)));

        var properties = layer.PropertiesOf(feature);
        var fields = layer.Keys.Zip(feature.Tags.Where((_, i) => i % 2 == 1).Select(v => layer.ValueFields[(int)v]))
            .ToDictionary(p => p.First, p => p.Second);

        Assert.Equal("Hà Nội", properties["name"]);
        Assert.Equal(1, fields["name"]);
        Assert.Equal(3358.6, properties["area"]);
        Assert.Equal(3, fields["area"]);
        Assert.Equal(0.5f, properties["ratio"]);
        Assert.Equal(2, fields["ratio"]);
        Assert.Equal(8_435_700UL, properties["population"]);
        Assert.Equal(5, fields["population"]);
        Assert.Equal(-12L, properties["delta"]);
        Assert.Equal(6, fields["delta"]);
        Assert.Equal(ulong.MaxValue, properties["big"]);
        Assert.Equal(true, properties["capital"]);
        Assert.Equal(7, fields["capital"]);
        Assert.Equal(-3L, properties["explicit"]);
        Assert.Equal(4, fields["explicit"]);
        Assert.Equal("1010-07-01", properties["founded"]);
    }

    [Fact]
    public void Null_properties_are_left_out_and_a_repeated_name_keeps_its_first_value()
    {
        var (layer, feature) = EncodeOne(Pt(1, 1), ("a", null), ("b", 1), ("b", 2));

        Assert.Equal(new Dictionary<string, object> { ["b"] = 1UL }, layer.PropertiesOf(feature));
    }

    [Fact]
    public void Layers_without_features_are_left_out_and_a_tile_without_any_is_empty()
    {
        var tile = new MvtTileBuilder(UnitTile);
        tile.AddLayer("empty");
        var full = tile.AddLayer("full");
        Assert.True(tile.IsEmpty);
        Assert.Empty(tile.ToArray());

        full.AddFeature(1, Pt(1, 1), NoProperties);

        Assert.False(tile.IsEmpty);
        Assert.Equal(["full"], MvtDecoder.Decode(tile.ToArray()).Select(l => l.Name));
    }

    [Fact]
    public void Layers_declare_version_2_and_their_extent()
    {
        var tile = new MvtTileBuilder(UnitTile, extent: 512, buffer: 8);
        tile.AddLayer("small").AddFeature(1, Factory.CreatePoint(new Coordinate(4096, 0)), NoProperties);

        var layer = Assert.Single(MvtDecoder.Decode(tile.ToArray()));

        Assert.Equal((2u, 512u), (layer.Version, layer.Extent));
        Assert.Equal([(512, 512)], Assert.Single(layer.Features[0].Parts));
    }

    [Fact]
    public void Two_layers_with_one_name_are_refused_and_negative_ids_are_not_written()
    {
        var tile = new MvtTileBuilder(UnitTile);
        tile.AddLayer("a").AddFeature(-1, Pt(1, 1), NoProperties);

        Assert.Throws<ArgumentException>(() => tile.AddLayer("a"));
        Assert.Null(Assert.Single(Assert.Single(MvtDecoder.Decode(tile.ToArray())).Features).Id);
    }

    [Fact]
    public void Writing_to_a_stream_gives_the_same_bytes_as_ToArray()
    {
        var tile = new MvtTileBuilder(UnitTile);
        tile.AddLayer("a").AddFeature(1, Square(0, 0, 100, 100), [new("n", "x")]);
        using var stream = new MemoryStream();

        tile.WriteTo(stream);

        Assert.Equal(tile.ToArray(), stream.ToArray());
    }

    [Fact]
    public void The_buffered_bounds_of_a_tile_grow_by_the_buffer_in_CRS_units()
    {
        var transform = new TileTransform(new BBox(1000, 2000, 1256, 2256), extent: 256);

        Assert.Equal(new BBox(990, 1990, 1266, 2266), transform.BufferedBounds(10));
        Assert.Equal((0.0, 256.0), (transform.ToTileX(1000), transform.ToTileY(2000)));
    }
}
