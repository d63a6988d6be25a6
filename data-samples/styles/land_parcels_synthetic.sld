<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>land_parcels_synthetic</Name>
    <UserStyle>
      <Name>land-use-groups</Name>
      <Title>Nhóm đất (Luật Đất đai 2024)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>NNP</Name>
          <Title>Nhóm đất nông nghiệp</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>nhom_dat</ogc:PropertyName><ogc:Literal>NNP</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#b7e07f</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#5b7f2a</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>PNN</Name>
          <Title>Nhóm đất phi nông nghiệp</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>nhom_dat</ogc:PropertyName><ogc:Literal>PNN</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#f4a582</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#a0522d</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CSD</Name>
          <Title>Nhóm đất chưa sử dụng</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>nhom_dat</ogc:PropertyName><ogc:Literal>CSD</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#7f7f7f</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>labels</Name>
          <MaxScaleDenominator>5000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>ma_loai_dat</ogc:PropertyName></Label>
            <Font><CssParameter name="font-family">DejaVu Sans</CssParameter><CssParameter name="font-size">10</CssParameter></Font>
            <Halo><Radius>1</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
