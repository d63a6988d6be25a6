using GeoServer.Core.Sources;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tests.Tiles.Styles;

/// <summary>Styles compiled against a layer: colours, opacities, scales, filters and labels resolved once.</summary>
public sealed class StyleCompilerTests
{
    private static Style Make(params StyleRule[] rules) => new() { Name = "test", Rules = rules };

    [Fact]
    public void Opacities_are_folded_into_the_alpha_of_fills_and_pens()
    {
        var style = StyleCompiler.Compile(Make(new StyleRule
        {
            Symbolizers =
            [
                new PolygonSymbolizer { Fill = "#ff0000", FillOpacity = 0.5, Stroke = "#000000", StrokeOpacity = 0.25, StrokeWidth = 2, Dash = [4, 2] },
                new LineSymbolizer { Stroke = "#00ff00", StrokeWidth = 3, Join = LineJoin.Bevel, Cap = LineCap.Square },
                new PointSymbolizer { Shape = MarkerShape.Cross, Size = 9, Fill = "#0000ff", Stroke = "#ffffff", Opacity = 0.5 },
                new PolygonSymbolizer { Fill = null },
            ],
        }), StyleTestSchemas.Provinces);

        var symbolizers = Assert.Single(style.Rules).Symbolizers;
        var polygon = Assert.IsType<CompiledPolygon>(symbolizers[0]);
        Assert.Equal(new Rgba(255, 0, 0, 128), polygon.Fill);
        Assert.Equal(new Rgba(0, 0, 0, 64), polygon.Outline!.Color);
        Assert.Equal(2, polygon.Outline.Width);
        Assert.Equal([4.0, 2.0], polygon.Outline.Dash!);
        Assert.Equal(new StrokeStyle(new Rgba(0, 255, 0), 3, null, LineJoin.Bevel, LineCap.Square), Assert.IsType<CompiledLine>(symbolizers[1]).Pen);
        var point = Assert.IsType<CompiledPoint>(symbolizers[2]);
        Assert.Equal((MarkerShape.Cross, 9.0, new Rgba(0, 0, 255, 128)), (point.Shape, point.Size, point.Fill));
        Assert.Equal(new Rgba(255, 255, 255, 128), point.Outline!.Color);
        Assert.Equal(new CompiledPolygon(null, null), symbolizers[3]);
    }

    [Fact]
    public void Rules_apply_from_their_minimum_scale_inclusive_to_their_maximum_exclusive()
    {
        var style = StyleCompiler.Compile(Make(
            new StyleRule { Name = "near", MaxScaleDenominator = 50_000 },
            new StyleRule { Name = "middle", MinScaleDenominator = 50_000, MaxScaleDenominator = 1_000_000 },
            new StyleRule { Name = "always" }), StyleTestSchemas.Provinces);

        Assert.Equal(["near", "always"], style.RulesAt(49_999).Select(r => r.Source.Name));
        Assert.Equal(["middle", "always"], style.RulesAt(50_000).Select(r => r.Source.Name));
        Assert.Equal(["always"], style.RulesAt(1_000_000).Select(r => r.Source.Name));
    }

    [Fact]
    public void A_rule_matches_by_its_filter_a_rule_without_one_matches_everything_and_the_else_rule_nothing()
    {
        var style = StyleCompiler.Compile(Make(
            new StyleRule { Filter = "ACCENTI(\"ten_tinh\") = 'Ha Noi'" },
            new StyleRule(),
            new StyleRule { ElseFilter = true }), StyleTestSchemas.Provinces);
        var hanoi = new Feature(1, null, ["01", "Hà Nội", "Thành phố", 3359.8]);
        var hue = new Feature(2, null, ["46", "Huế", "Thành phố", 4947.1]);

        Assert.Equal([true, true, false], style.Rules.Select(r => r.Matches(hanoi)));
        Assert.Equal([false, true, false], style.Rules.Select(r => r.Matches(hue)));
        Assert.True(style.Rules[2].IsElse);
    }

    [Fact]
    public void A_label_resolves_to_its_property_position_with_font_colours_and_offset()
    {
        var style = StyleCompiler.Compile(Make(new StyleRule
        {
            Symbolizers = [new TextSymbolizer { Label = "ten", FontSize = 11, Italic = true, Fill = "#202020", Halo = "#ffffffcc", HaloRadius = 2, OffsetX = 3, OffsetY = -4 }],
        }), StyleTestSchemas.Places);

        Assert.Equal(
            new CompiledText(2, new FontSpec("DejaVu Sans", 11, false, true), new Rgba(0x20, 0x20, 0x20), new Rgba(255, 255, 255, 0xcc), 2, 3, -4),
            Assert.Single(style.Rules[0].Symbolizers));
    }

    [Theory]
    [InlineData("bad colour", "fill colour 'red'")]
    [InlineData("unknown label", "'name', which is not a property")]
    [InlineData("bad filter", "bad filter")]
    [InlineData("unknown filter property", "unknown property 'population'")]
    [InlineData("scales", "never applies")]
    [InlineData("opacity", "opacity 1.5")]
    public void A_broken_rule_is_refused_naming_the_rule_and_the_problem(string rule, string problem)
    {
        StyleRule broken = rule switch
        {
            "bad colour" => new StyleRule { Name = rule, Symbolizers = [new PointSymbolizer { Fill = "red" }] },
            "unknown label" => new StyleRule { Name = rule, Symbolizers = [new TextSymbolizer { Label = "name" }] },
            "bad filter" => new StyleRule { Name = rule, Filter = "\"ten\" = " },
            "unknown filter property" => new StyleRule { Name = rule, Filter = "\"population\" > 5" },
            "scales" => new StyleRule { Name = rule, MinScaleDenominator = 10, MaxScaleDenominator = 10 },
            _ => new StyleRule { Name = rule, Symbolizers = [new PolygonSymbolizer { FillOpacity = 1.5 }] },
        };

        var e = Assert.Throws<StyleException>(() => StyleCompiler.Compile(Make(new StyleRule { Name = "fine" }, broken), StyleTestSchemas.Places));

        Assert.Contains($"rule '{rule}'", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("POINT", "default-point")]
    [InlineData("multipoint", "default-point")]
    [InlineData("MULTILINESTRING", "default-line")]
    [InlineData("POLYGON", "default-polygon")]
    [InlineData("MULTIPOLYGON", "default-polygon")]
    [InlineData("GEOMETRY", "default-geometry")]
    [InlineData(null, "default-geometry")]
    public void Every_default_style_compiles_and_suits_its_geometry_type(string? geometryType, string name)
    {
        var style = DefaultStyles.For(geometryType);

        Assert.Equal(name, style.Name);
        var symbolizers = StyleCompiler.Compile(style, StyleTestSchemas.Places).Rules.Single().Symbolizers;
        switch (name)
        {
            case "default-point":
                Assert.Equal(new CompiledPoint(MarkerShape.Circle, 6, new Rgba(0x33, 0x66, 0xcc), new StrokeStyle(Rgba.White, 1)), Assert.Single(symbolizers));
                break;
            case "default-line":
                Assert.Equal(1, Assert.IsType<CompiledLine>(Assert.Single(symbolizers)).Pen.Width);
                break;
            default:
                var polygon = Assert.IsType<CompiledPolygon>(symbolizers[0]);
                Assert.NotNull(polygon.Fill);
                Assert.Equal(1, polygon.Outline!.Width);
                break;
        }
    }
}
