<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
    xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <se:Name>vn_provinces_2025</se:Name>
    <UserStyle>
      <se:Name>provinces-by-area</se:Name>
      <se:Description><se:Title>Diện tích tỉnh, thành phố (km²)</se:Title></se:Description>
      <se:FeatureTypeStyle>
        <se:Rule>
          <se:Name>small</se:Name>
          <se:Description><se:Title>Dưới 5.000 km²</se:Title></se:Description>
          <ogc:Filter><ogc:PropertyIsLessThan><ogc:PropertyName>dien_tich_km2</ogc:PropertyName><ogc:Literal>5000</ogc:Literal></ogc:PropertyIsLessThan></ogc:Filter>
          <se:PolygonSymbolizer>
            <se:Fill><se:SvgParameter name="fill">#fee8c8</se:SvgParameter></se:Fill>
            <se:Stroke><se:SvgParameter name="stroke">#7f6a4a</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke>
          </se:PolygonSymbolizer>
        </se:Rule>
        <se:Rule>
          <se:Name>medium</se:Name>
          <se:Description><se:Title>5.000 – 12.000 km²</se:Title></se:Description>
          <ogc:Filter><ogc:PropertyIsBetween><ogc:PropertyName>dien_tich_km2</ogc:PropertyName><ogc:LowerBoundary><ogc:Literal>5000</ogc:Literal></ogc:LowerBoundary><ogc:UpperBoundary><ogc:Literal>12000</ogc:Literal></ogc:UpperBoundary></ogc:PropertyIsBetween></ogc:Filter>
          <se:PolygonSymbolizer>
            <se:Fill><se:SvgParameter name="fill">#fdbb84</se:SvgParameter></se:Fill>
            <se:Stroke><se:SvgParameter name="stroke">#7f6a4a</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke>
          </se:PolygonSymbolizer>
        </se:Rule>
        <se:Rule>
          <se:Name>large</se:Name>
          <se:Description><se:Title>Trên 12.000 km²</se:Title></se:Description>
          <ogc:Filter><ogc:PropertyIsGreaterThan><ogc:PropertyName>dien_tich_km2</ogc:PropertyName><ogc:Literal>12000</ogc:Literal></ogc:PropertyIsGreaterThan></ogc:Filter>
          <se:PolygonSymbolizer>
            <se:Fill><se:SvgParameter name="fill">#e34a33</se:SvgParameter></se:Fill>
            <se:Stroke><se:SvgParameter name="stroke">#7f6a4a</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke>
          </se:PolygonSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
