using System.Text;
using System.Text.Json;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tests.Tiles.Matrices;

public sealed class TileMatrixSetJsonTests
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static TileMatrixSet Read(string json) =>
        TileMatrixSetJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), CrsRegistry.Default);

    [Fact]
    public void Every_served_set_survives_a_write_and_read_round_trip_unchanged()
    {
        foreach (var set in TileMatrixSetRegistry.Default.All)
        {
            var copy = Read(Write(w => TileMatrixSetJson.Write(w, set)));

            Assert.Equal((set.Id, set.Title, set.Description, set.Uri, set.WellKnownScaleSet, set.BoundingBox),
                (copy.Id, copy.Title, copy.Description, copy.Uri, copy.WellKnownScaleSet, copy.BoundingBox));
            Assert.Same(set.Crs, copy.Crs);
            Assert.Equal(set.OrderedAxes, copy.OrderedAxes);
            Assert.Equal(set.TileMatrices.Count, copy.TileMatrices.Count);
            foreach (var (a, b) in set.TileMatrices.Zip(copy.TileMatrices))
            {
                Assert.Equal(
                    (a.Id, a.ScaleDenominator, a.CellSize, a.CornerOfOrigin, a.OriginX, a.OriginY, a.TileWidth, a.TileHeight, a.MatrixWidth, a.MatrixHeight),
                    (b.Id, b.ScaleDenominator, b.CellSize, b.CornerOfOrigin, b.OriginX, b.OriginY, b.TileWidth, b.TileHeight, b.MatrixWidth, b.MatrixHeight));
            }
        }
    }

    [Fact]
    public void The_written_definition_has_the_TMS_2_0_members_and_numbers_as_the_standard_prints_them()
    {
        var json = Write(w => TileMatrixSetJson.Write(w, TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", root.GetProperty("crs").GetString());
        var z0 = root.GetProperty("tileMatrices")[0];
        Assert.Equal("0", z0.GetProperty("id").GetString());
        Assert.Equal("topLeft", z0.GetProperty("cornerOfOrigin").GetString());
        Assert.Equal(-20037508.3427892, z0.GetProperty("pointOfOrigin")[0].GetDouble());
        Assert.Contains("\"scaleDenominator\":559082264.028717", json);
        Assert.Equal(256, z0.GetProperty("tileWidth").GetInt32());
        Assert.Equal(1, z0.GetProperty("matrixHeight").GetInt32());
    }

    [Fact]
    public void Points_follow_the_CRS_axis_order_so_a_latitude_first_CRS_is_swapped_on_both_ways()
    {
        var epsg4326 = CrsRegistry.Default.FromEpsg(4326)!;
        var set = new TileMatrixSet("Lat-first", "t", null, null, epsg4326, ["Lat", "Lon"], null, new BBox(-180, -90, 180, 90),
            [new TileMatrix("0", 279541132.014358, 0.703125, CornerOfOrigin.TopLeft, -180, 90, 256, 256, 2, 1)]);

        var json = Write(w => TileMatrixSetJson.Write(w, set));

        Assert.Contains("\"pointOfOrigin\":[90,-180]", json);
        Assert.Contains("\"lowerLeft\":[-90,-180]", json);
        var copy = Read(json);
        Assert.Equal((-180.0, 90.0), (copy.TileMatrices[0].OriginX, copy.TileMatrices[0].OriginY));
        Assert.Equal(new BBox(-180, -90, 180, 90), copy.BoundingBox);
    }

    [Fact]
    public void The_list_names_each_set_with_its_CRS_and_a_self_link()
    {
        var json = Write(w => TileMatrixSetJson.WriteList(w, TileMatrixSetRegistry.Default.All,
            s => "https://example.org/ogc/tileMatrixSets/" + s.Id));
        using var doc = JsonDocument.Parse(json);

        var items = doc.RootElement.GetProperty("tileMatrixSets").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var wm = items.Single(i => i.GetProperty("id").GetString() == "WebMercatorQuad");
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", wm.GetProperty("crs").GetString());
        var link = wm.GetProperty("links")[0];
        Assert.Equal("self", link.GetProperty("rel").GetString());
        Assert.Equal("https://example.org/ogc/tileMatrixSets/WebMercatorQuad", link.GetProperty("href").GetString());
    }

    [Fact]
    public void A_crs_given_as_an_object_with_a_uri_is_accepted()
    {
        var set = Read("""
            {"id": "X", "crs": {"uri": "http://www.opengis.net/def/crs/EPSG/0/3405"},
             "tileMatrices": [{"id": "0", "scaleDenominator": 1e6, "cellSize": 280, "pointOfOrigin": [0, 0],
                               "cornerOfOrigin": "bottomLeft", "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1}]}
            """);
        Assert.Equal(3405, set.Crs.Epsg);
        Assert.Equal("X", set.Title);
        Assert.Equal(CornerOfOrigin.BottomLeft, set.TileMatrices[0].CornerOfOrigin);
    }

    [Theory]
    [InlineData("""{"id": "X", "crs": "EPSG:999999", "tileMatrices": []}""", "not one the server knows")]
    [InlineData("""{"id": "X", "crs": "EPSG:3857"}""", "tileMatrices")]
    [InlineData("""{"id": "X", "crs": "EPSG:3857", "tileMatrices": [{"id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1}]}""", "pointOfOrigin")]
    [InlineData("""{"id": "X", "crs": "EPSG:3857", "tileMatrices": [{"id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 0, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1}]}""", "tileWidth")]
    [InlineData("""{"id": "X", "crs": "EPSG:3857", "tileMatrices": [{"id": "0", "scaleDenominator": -1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1}]}""", "scaleDenominator")]
    [InlineData("""{"id": "X", "crs": "EPSG:3857", "tileMatrices": [{"id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1, "variableMatrixWidths": []}]}""", "variableMatrixWidths")]
    [InlineData("""{"id": "X", "crs": "EPSG:3857", "tileMatrices": [{"id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1}, {"id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1}]}""", "two tile matrices")]
    public void A_malformed_definition_is_rejected_naming_what_is_wrong(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Read(json));
        Assert.Contains(message, e.Message);
    }
}
