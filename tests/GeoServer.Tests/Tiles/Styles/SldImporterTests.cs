using GeoServer.Core.Sources;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Styles;

namespace GeoServer.Tests.Tiles.Styles;

/// <summary>SLD 1.0 and SE 1.1 documents import to styles that compile and classify features as the SLD says.</summary>
public sealed class SldImporterTests
{
    [Fact]
    public void A_GeoServer_classification_imports_three_rules_with_filters_fills_and_an_else_rule()
    {
        var result = SldImporter.Import(SldSamples.PolygonClasses, StyleTestSchemas.Provinces);

        Assert.Empty(result.Warnings);
        var style = Assert.Single(result.Styles);
        Assert.Equal("provinces-by-area", style.Name);
        Assert.Equal("Provinces by area", style.Title);
        Assert.Equal(["small", "medium", "large"], style.Rules.Select(r => r.Name));
        Assert.Equal("\"dien_tich_km2\" < 5000", style.Rules[0].Filter);
        Assert.Equal("\"dien_tich_km2\" BETWEEN 5000 AND 15000 AND NOT CASEI(\"loai\") = CASEI('Thành phố')", style.Rules[1].Filter);
        Assert.True(style.Rules[2].ElseFilter);
        Assert.Equal(10_000_000, style.Rules[2].MaxScaleDenominator);
        var small = Assert.IsType<PolygonSymbolizer>(Assert.Single(style.Rules[0].Symbolizers));
        Assert.Equal(("#ffffcc", "#333333", 0.5), (small.Fill, small.Stroke, small.StrokeWidth));
        var medium = Assert.IsType<PolygonSymbolizer>(Assert.Single(style.Rules[1].Symbolizers));
        Assert.Equal(("#41b6c4", 0.5, (string?)null), (medium.Fill, medium.FillOpacity, medium.Stroke));
        Assert.Equal("#253494", Assert.IsType<PolygonSymbolizer>(style.Rules[2].Symbolizers[0]).Fill);
    }

    [Fact]
    public void An_imported_classification_puts_each_province_in_the_class_its_area_and_kind_say()
    {
        var style = StyleCompiler.Compile(SldImporter.Import(SldSamples.PolygonClasses, StyleTestSchemas.Provinces).Styles[0], StyleTestSchemas.Provinces);
        Feature Province(string kind, double area) => new(1, null, ["01", "x", kind, area]);

        Assert.True(style.Rules[0].Matches(Province("Tỉnh", 4000)));
        Assert.True(style.Rules[1].Matches(Province("Tỉnh", 8000)));
        Assert.False(style.Rules[1].Matches(Province("THÀNH PHỐ", 8000)));
        Assert.False(style.Rules[2].Matches(Province("Tỉnh", 20000)));
        Assert.Equal(new Rgba(0x41, 0xb6, 0xc4, 128), Assert.IsType<CompiledPolygon>(style.Rules[1].Symbolizers[0]).Fill);
    }

    [Fact]
    public void A_dashed_line_keeps_its_dash_caps_joins_scales_and_its_LIKE_pattern_with_escapes()
    {
        var result = SldImporter.Import(SldSamples.DashedLine);

        Assert.Empty(result.Warnings);
        var rule = Assert.Single(Assert.Single(result.Styles).Rules);
        Assert.Equal(@"""ten"" LIKE 'Đường sắt%100\\%'", rule.Filter);
        Assert.Equal((1000.0, 5_000_000.0), (rule.MinScaleDenominator, rule.MaxScaleDenominator));
        var line = Assert.IsType<LineSymbolizer>(Assert.Single(rule.Symbolizers));
        Assert.Equal(("#444444", 2.0, 0.8), (line.Stroke, line.StrokeWidth, line.StrokeOpacity));
        Assert.Equal([6.0, 3.0], line.Dash!);
        Assert.Equal((LineJoin.Miter, LineCap.Butt), (line.Join, line.Cap));
    }

    [Fact]
    public void A_star_mark_with_a_haloed_label_imports_shape_size_colours_font_and_offset()
    {
        var result = SldImporter.Import(SldSamples.StarWithLabel, StyleTestSchemas.Places);

        Assert.Empty(result.Warnings);
        var rule = Assert.Single(Assert.Single(result.Styles).Rules);
        Assert.Equal("\"loai_osm\" = 'national_capital' OR \"dan_so_osm\" >= 1000000", rule.Filter);
        var point = Assert.IsType<PointSymbolizer>(rule.Symbolizers[0]);
        Assert.Equal((MarkerShape.Star, 14.0, "#cc0000", "#ffffff", 1.5, 0.9),
            (point.Shape, point.Size, point.Fill, point.Stroke, point.StrokeWidth, point.Opacity));
        var text = Assert.IsType<TextSymbolizer>(rule.Symbolizers[1]);
        Assert.Equal(("ten", "Noto Sans", 13.0, true, true), (text.Label, text.FontFamily, text.FontSize, text.Bold, text.Italic));
        Assert.Equal(("#202020", "#ffffff80", 2.0, 8.0, 4.0), (text.Fill, text.Halo, text.HaloRadius, text.OffsetX, text.OffsetY));

        var compiled = StyleCompiler.Compile(result.Styles[0], StyleTestSchemas.Places);
        var label = Assert.IsType<CompiledText>(compiled.Rules[0].Symbolizers[1]);
        Assert.Equal(2, label.PropertyIndex);
        Assert.Equal(new Rgba(255, 255, 255, 128), label.Halo);
    }

    [Fact]
    public void An_SE_1_1_document_with_SvgParameters_and_a_case_insensitive_LIKE_imports()
    {
        var result = SldImporter.Import(SldSamples.Se11, StyleTestSchemas.Rivers);

        Assert.Empty(result.Warnings);
        var style = Assert.Single(result.Styles);
        Assert.Equal("rivers", style.Name);
        Assert.Equal("Major rivers", style.Rules[0].Title);
        Assert.Equal("CASEI(\"mo_ta\") LIKE CASEI('%sông%')", style.Rules[0].Filter);
        Assert.Equal(2_000_000, style.Rules[0].MaxScaleDenominator);
        var line = Assert.IsType<LineSymbolizer>(style.Rules[0].Symbolizers[0]);
        Assert.Equal(("#1f78b4", 3.0, LineJoin.Bevel, LineCap.Square), (line.Stroke, line.StrokeWidth, line.Join, line.Cap));
        Assert.Equal("\"mo_ta\" IS NULL", style.Rules[1].Filter);

        var compiled = StyleCompiler.Compile(style, StyleTestSchemas.Rivers);
        Assert.True(compiled.Rules[0].Matches(new Feature(1, null, [1L, "SÔNG Hồng", 500.0])));
        Assert.True(compiled.Rules[1].Matches(new Feature(2, null, [1L, null, 20.0])));
    }

    [Fact]
    public void Unsupported_pieces_become_warnings_naming_the_element_and_the_rule()
    {
        var result = SldImporter.Import(SldSamples.Unsupported, StyleTestSchemas.Places);

        var style = Assert.Single(result.Styles);
        // Rules whose filter cannot be carried over are skipped rather than drawn for every feature.
        Assert.Equal(["icons", "along"], style.Rules.Select(r => r.Name));
        Assert.Contains(result.Warnings, w => w.Contains("rule 'icons'") && w.Contains("<ExternalGraphic>") && w.Contains("icons/town.png"));
        Assert.Contains(result.Warnings, w => w.Contains("rule 'computed'") && w.Contains("<Function>") && w.Contains("skipped"));
        Assert.Contains(result.Warnings, w => w.Contains("rule 'north'") && w.Contains("<BBOX>") && w.Contains("skipped"));
        Assert.Contains(result.Warnings, w => w.Contains("rule 'along'") && w.Contains("<LinePlacement>"));
        Assert.Contains(result.Warnings, w => w.Contains("rule 'along'") && w.Contains("fill-rule"));
        Assert.All(result.Warnings, w => Assert.Matches(@"\(line \d+\)", w));
        Assert.Equal(MarkerShape.Circle, Assert.IsType<PointSymbolizer>(style.Rules[0].Symbolizers[0]).Shape);
    }

    [Fact]
    public void A_document_with_a_DTD_and_an_external_entity_is_refused()
    {
        var e = Assert.Throws<StyleException>(() => SldImporter.Import(SldSamples.ExternalEntity));

        Assert.Contains("DTD is prohibited", e.Message);
        Assert.DoesNotContain("root:", e.Message);
    }

    [Fact]
    public void Malformed_XML_is_refused_with_its_line_and_position()
    {
        var e = Assert.Throws<StyleException>(() => SldImporter.Import("<StyledLayerDescriptor>\n  <NamedLayer>\n</StyledLayerDescriptor>"));

        Assert.Contains("line 3, position", e.Message);
    }

    [Fact]
    public void A_document_that_is_not_SLD_is_refused_naming_its_root()
    {
        var e = Assert.Throws<StyleException>(() => SldImporter.Import("<html><body/></html>"));

        Assert.Contains("<html>", e.Message);
    }

    [Fact]
    public void Without_a_schema_plain_numbers_become_numbers_and_codes_with_leading_zeros_stay_text()
    {
        const string sld = """
            <UserStyle xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"><Name>codes</Name>
              <FeatureTypeStyle><Rule>
                <ogc:Filter><ogc:And>
                  <ogc:PropertyIsEqualTo><ogc:PropertyName>ma_tinh_2025</ogc:PropertyName><ogc:Literal>01</ogc:Literal></ogc:PropertyIsEqualTo>
                  <ogc:PropertyIsGreaterThan><ogc:PropertyName>dan_so_osm</ogc:PropertyName><ogc:Literal>2.5</ogc:Literal></ogc:PropertyIsGreaterThan>
                  <ogc:PropertyIsNotEqualTo><ogc:PropertyName>ten</ogc:PropertyName><ogc:Literal>O'Neil</ogc:Literal></ogc:PropertyIsNotEqualTo>
                </ogc:And></ogc:Filter>
                <PointSymbolizer/>
              </Rule></FeatureTypeStyle>
            </UserStyle>
            """;

        var result = SldImporter.Import(sld);

        Assert.Equal("\"ma_tinh_2025\" = '01' AND \"dan_so_osm\" > 2.5 AND \"ten\" <> 'O''Neil'", result.Styles[0].Rules[0].Filter);
        Assert.Contains(result.Warnings, w => w.Contains("<PointSymbolizer>") && w.Contains("no Graphic"));
        StyleCompiler.Compile(result.Styles[0], StyleTestSchemas.Places);
    }

    [Theory]
    [InlineData("a*b", "*", ".", "!", "a%b")]
    [InlineData("50!%.x", "*", ".", "!", @"50\%_x")]
    [InlineData("100%_\\", "*", "?", "!", @"100\%\_\\")]
    [InlineData("a!*b", "*", ".", "!", "a*b")]
    [InlineData("##x", "##", "#", "\\", "%x")]
    public void An_OGC_LIKE_pattern_becomes_the_CQL2_pattern_with_percent_underscore_and_backslash(string ogc, string wildCard, string singleChar, string escape, string cql)
    {
        var sld = $"""
            <FeatureTypeStyle xmlns="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc"><Rule>
              <ogc:Filter><ogc:PropertyIsLike wildCard="{wildCard}" singleChar="{singleChar}" escapeChar="{escape}">
                <ogc:PropertyName>ten</ogc:PropertyName><ogc:Literal>{ogc}</ogc:Literal>
              </ogc:PropertyIsLike></ogc:Filter>
            </Rule></FeatureTypeStyle>
            """;

        var filter = SldImporter.Import(sld, StyleTestSchemas.Places).Styles[0].Rules[0].Filter!;

        var pattern = Assert.IsType<GeoServer.Core.Filtering.Like>(GeoServer.Core.Filtering.CqlTextParser.Parse(filter, StyleTestSchemas.Places)).Pattern;
        Assert.Equal(cql, ((GeoServer.Core.Filtering.Literal)pattern).Value);
    }
}
