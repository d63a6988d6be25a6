using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tests.Tiles.Styles;

/// <summary>Styles read from and written to JSON, and malformed documents refused with their JSON path.</summary>
public sealed class StyleJsonTests
{
    private const string Places = """
        {
          // Hand-written styles carry comments…
          "name": "places",
          "title": "Populated places",
          "rules": [
            {
              "name": "cities",
              "filter": "\"loai_osm\" = 'city'",
              "maxScaleDenominator": 5000000,
              "symbolizers": [
                { "type": "point", "shape": "star", "size": 10, "fill": "#cc0000", "stroke": "#ffffff" },
                { "shape": "circle", "type": "point" },
                { "type": "text", "label": "ten", "bold": true, "halo": null, },
              ],
            },
            { "elseFilter": true, "symbolizers": [ { "type": "line", "stroke": "#333333", "dash": [4, 2], "cap": "butt" } ] }
          ]
        }
        """;

    [Fact]
    public void A_hand_written_style_with_comments_and_trailing_commas_reads_with_every_symbolizer_type()
    {
        var style = StyleJson.Read(Places);

        Assert.Equal(("places", "Populated places"), (style.Name, style.Title));
        var cities = style.Rules[0];
        Assert.Equal(("cities", "\"loai_osm\" = 'city'", 5_000_000.0), (cities.Name, cities.Filter, cities.MaxScaleDenominator));
        var star = Assert.IsType<PointSymbolizer>(cities.Symbolizers[0]);
        Assert.Equal((MarkerShape.Star, 10.0, "#cc0000", "#ffffff"), (star.Shape, star.Size, star.Fill, star.Stroke));
        Assert.Equal(MarkerShape.Circle, Assert.IsType<PointSymbolizer>(cities.Symbolizers[1]).Shape);
        var label = Assert.IsType<TextSymbolizer>(cities.Symbolizers[2]);
        Assert.Equal(("ten", true, (string?)null), (label.Label, label.Bold, label.Halo));
        Assert.True(style.Rules[1].ElseFilter);
        var line = Assert.IsType<LineSymbolizer>(style.Rules[1].Symbolizers[0]);
        Assert.Equal([4.0, 2.0], line.Dash!);
        Assert.Equal(LineCap.Butt, line.Cap);
    }

    [Fact]
    public void A_written_style_reads_back_to_the_same_JSON_with_camelCase_names_and_enum_strings()
    {
        var style = StyleJson.Read(Places);

        var json = StyleJson.Write(style);

        Assert.Contains("\"type\": \"point\"", json);
        Assert.Contains("\"shape\": \"star\"", json);
        Assert.Contains("\"maxScaleDenominator\": 5000000", json);
        Assert.Contains("\"cap\": \"butt\"", json);
        Assert.Contains("\"halo\": null", json);
        Assert.DoesNotContain("\"abstract\"", json);
        Assert.Equal(json, StyleJson.Write(StyleJson.Read(json)));
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", \"rules\": [ { \"symbolizers\": [ { \"type\": \"polygon\", \"strokeWidht\": 2 } ] } ] }", "$.rules[0].symbolizers[0].strokeWidht")]
    [InlineData("{ \"name\": \"x\", \"rules\": [ { \"symbolizers\": [ { \"type\": \"hexagon\" } ] } ] }", "$.rules[0].symbolizers[0]")]
    [InlineData("{ \"name\": \"x\", \"rules\": [ { \"minScaleDenominator\": \"big\" } ] }", "$.rules[0].minScaleDenominator")]
    [InlineData("{ \"name\": \"x\", \"rules\": [ { \"symbolizers\": [ { \"type\": \"point\", \"shape\": \"hexagon\" } ] } ] }", "$.rules[0].symbolizers[0].shape")]
    [InlineData("{ \"title\": \"no name\" }", "$")]
    [InlineData("{ \"name\": \"\" }", "$.name")]
    [InlineData("{ \"name\": \"x\", \"rules\": [ { \"symbolizers\": [ { \"type\": \"text\" } ] } ] }", "$.rules[0].symbolizers[0]")]
    [InlineData("{ \"name\": \"x\", ", "$")]
    public void A_malformed_style_is_refused_naming_the_JSON_path(string json, string path)
    {
        var e = Assert.Throws<StyleException>(() => StyleJson.Read(json));

        Assert.Contains($"at {path}", e.Message);
    }

    [Fact]
    public void A_symbolizer_without_a_type_is_refused_saying_which_types_exist()
    {
        var e = Assert.Throws<StyleException>(() => StyleJson.Read("{ \"name\": \"x\", \"rules\": [ { \"symbolizers\": [ { \"fill\": \"#ffffff\" } ] } ] }"));

        Assert.Contains("polygon, line, point or text", e.Message);
    }
}
