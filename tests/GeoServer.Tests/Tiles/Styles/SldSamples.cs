namespace GeoServer.Tests.Tiles.Styles;

/// <summary>SLD documents as GeoServer, QGIS and hand editors write them.</summary>
internal static class SldSamples
{
    /// <summary>GeoServer-style classification of provinces by area: three rules, matchCase and a LIKE.</summary>
    public const string PolygonClasses = """
        <?xml version="1.0" encoding="UTF-8"?>
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
            xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <NamedLayer>
            <Name>vn:vn_provinces_2025</Name>
            <UserStyle>
              <Name>provinces-by-area</Name>
              <Title>Provinces by area</Title>
              <FeatureTypeStyle>
                <Rule>
                  <Name>small</Name>
                  <Title>&lt; 5 000 km²</Title>
                  <ogc:Filter>
                    <ogc:PropertyIsLessThan>
                      <ogc:PropertyName>dien_tich_km2</ogc:PropertyName>
                      <ogc:Literal>5000</ogc:Literal>
                    </ogc:PropertyIsLessThan>
                  </ogc:Filter>
                  <PolygonSymbolizer>
                    <Fill><CssParameter name="fill">#FFFFCC</CssParameter></Fill>
                    <Stroke>
                      <CssParameter name="stroke">#333333</CssParameter>
                      <CssParameter name="stroke-width">0.5</CssParameter>
                    </Stroke>
                  </PolygonSymbolizer>
                </Rule>
                <Rule>
                  <Name>medium</Name>
                  <ogc:Filter>
                    <ogc:And>
                      <ogc:PropertyIsBetween>
                        <ogc:PropertyName>dien_tich_km2</ogc:PropertyName>
                        <ogc:LowerBoundary><ogc:Literal>5000</ogc:Literal></ogc:LowerBoundary>
                        <ogc:UpperBoundary><ogc:Literal>15000</ogc:Literal></ogc:UpperBoundary>
                      </ogc:PropertyIsBetween>
                      <ogc:Not>
                        <ogc:PropertyIsEqualTo matchCase="false">
                          <ogc:PropertyName>loai</ogc:PropertyName>
                          <ogc:Literal>Thành phố</ogc:Literal>
                        </ogc:PropertyIsEqualTo>
                      </ogc:Not>
                    </ogc:And>
                  </ogc:Filter>
                  <PolygonSymbolizer>
                    <Fill>
                      <CssParameter name="fill">#41B6C4</CssParameter>
                      <CssParameter name="fill-opacity">0.5</CssParameter>
                    </Fill>
                  </PolygonSymbolizer>
                </Rule>
                <Rule>
                  <Name>large</Name>
                  <ElseFilter/>
                  <MaxScaleDenominator>10000000</MaxScaleDenominator>
                  <PolygonSymbolizer>
                    <Fill><CssParameter name="fill"><ogc:Literal>#253494</ogc:Literal></CssParameter></Fill>
                  </PolygonSymbolizer>
                </Rule>
              </FeatureTypeStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    /// <summary>A dashed railway line, only at large scales.</summary>
    public const string DashedLine = """
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
          <NamedLayer><Name>railways</Name>
            <UserStyle><Name>railways</Name>
              <FeatureTypeStyle>
                <Rule>
                  <Name>rail</Name>
                  <MinScaleDenominator>1000</MinScaleDenominator>
                  <MaxScaleDenominator>5000000</MaxScaleDenominator>
                  <ogc:Filter>
                    <ogc:PropertyIsLike wildCard="*" singleChar="." escape="!">
                      <ogc:PropertyName>ten</ogc:PropertyName>
                      <ogc:Literal>Đường sắt*100!%</ogc:Literal>
                    </ogc:PropertyIsLike>
                  </ogc:Filter>
                  <LineSymbolizer>
                    <Stroke>
                      <CssParameter name="stroke">#444444</CssParameter>
                      <CssParameter name="stroke-width">2</CssParameter>
                      <CssParameter name="stroke-opacity">0.8</CssParameter>
                      <CssParameter name="stroke-dasharray">6 3</CssParameter>
                      <CssParameter name="stroke-linecap">butt</CssParameter>
                      <CssParameter name="stroke-linejoin">mitre</CssParameter>
                    </Stroke>
                  </LineSymbolizer>
                </Rule>
              </FeatureTypeStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    /// <summary>Places as red stars with a haloed label, offset to the upper right.</summary>
    public const string StarWithLabel = """
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
          <NamedLayer><Name>populated_places</Name>
            <UserStyle><Name>capitals</Name>
              <FeatureTypeStyle>
                <Rule>
                  <Name>capital</Name>
                  <ogc:Filter>
                    <ogc:Or>
                      <ogc:PropertyIsEqualTo><ogc:PropertyName>loai_osm</ogc:PropertyName><ogc:Literal>national_capital</ogc:Literal></ogc:PropertyIsEqualTo>
                      <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>dan_so_osm</ogc:PropertyName><ogc:Literal>1000000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
                    </ogc:Or>
                  </ogc:Filter>
                  <PointSymbolizer>
                    <Graphic>
                      <Mark>
                        <WellKnownName>star</WellKnownName>
                        <Fill><CssParameter name="fill">#CC0000</CssParameter></Fill>
                        <Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1.5</CssParameter></Stroke>
                      </Mark>
                      <Size>14</Size>
                      <Opacity>0.9</Opacity>
                    </Graphic>
                  </PointSymbolizer>
                  <TextSymbolizer>
                    <Label><ogc:PropertyName>ten</ogc:PropertyName></Label>
                    <Font>
                      <CssParameter name="font-family">Noto Sans</CssParameter>
                      <CssParameter name="font-size">13</CssParameter>
                      <CssParameter name="font-weight">bold</CssParameter>
                      <CssParameter name="font-style">italic</CssParameter>
                    </Font>
                    <LabelPlacement>
                      <PointPlacement>
                        <Displacement><DisplacementX>8</DisplacementX><DisplacementY>4</DisplacementY></Displacement>
                      </PointPlacement>
                    </LabelPlacement>
                    <Halo>
                      <Radius>2</Radius>
                      <Fill><CssParameter name="fill">#FFFFFF</CssParameter><CssParameter name="fill-opacity">0.5</CssParameter></Fill>
                    </Halo>
                    <Fill><CssParameter name="fill">#202020</CssParameter></Fill>
                  </TextSymbolizer>
                </Rule>
              </FeatureTypeStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    /// <summary>SE 1.1 as QGIS exports it: se: symbolizers with SvgParameter, Filter 1.1, Description/Title.</summary>
    public const string Se11 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.1.0" xmlns:ogc="http://www.opengis.net/ogc"
            xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink">
          <NamedLayer>
            <se:Name>rivers</se:Name>
            <UserStyle>
              <se:Name>rivers</se:Name>
              <se:FeatureTypeStyle>
                <se:Rule>
                  <se:Name>major</se:Name>
                  <se:Description><se:Title>Major rivers</se:Title></se:Description>
                  <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">
                    <ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\" matchCase="false">
                      <ogc:PropertyName>mo_ta</ogc:PropertyName>
                      <ogc:Literal>%sông%</ogc:Literal>
                    </ogc:PropertyIsLike>
                  </ogc:Filter>
                  <se:MaxScaleDenominator>2000000</se:MaxScaleDenominator>
                  <se:LineSymbolizer>
                    <se:Stroke>
                      <se:SvgParameter name="stroke">#1f78b4</se:SvgParameter>
                      <se:SvgParameter name="stroke-width">3</se:SvgParameter>
                      <se:SvgParameter name="stroke-linejoin">bevel</se:SvgParameter>
                      <se:SvgParameter name="stroke-linecap">square</se:SvgParameter>
                    </se:Stroke>
                  </se:LineSymbolizer>
                </se:Rule>
                <se:Rule>
                  <se:Name>unnamed</se:Name>
                  <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">
                    <ogc:PropertyIsNull><ogc:PropertyName>mo_ta</ogc:PropertyName></ogc:PropertyIsNull>
                  </ogc:Filter>
                  <se:LineSymbolizer>
                    <se:Stroke><se:SvgParameter name="stroke">#a6cee3</se:SvgParameter></se:Stroke>
                  </se:LineSymbolizer>
                </se:Rule>
              </se:FeatureTypeStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    /// <summary>Pieces this importer cannot carry over: an icon, a function, a spatial filter, a line placement.</summary>
    public const string Unsupported = """
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
            xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gml="http://www.opengis.net/gml">
          <NamedLayer><Name>places</Name>
            <UserStyle><Name>odd</Name>
              <FeatureTypeStyle>
                <Rule>
                  <Name>icons</Name>
                  <PointSymbolizer>
                    <Graphic>
                      <ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/town.png"/><Format>image/png</Format></ExternalGraphic>
                      <Mark><WellKnownName>circle</WellKnownName></Mark>
                      <Size>8</Size>
                    </Graphic>
                  </PointSymbolizer>
                </Rule>
                <Rule>
                  <Name>computed</Name>
                  <ogc:Filter>
                    <ogc:PropertyIsGreaterThan>
                      <ogc:Function name="strLength"><ogc:PropertyName>ten</ogc:PropertyName></ogc:Function>
                      <ogc:Literal>10</ogc:Literal>
                    </ogc:PropertyIsGreaterThan>
                  </ogc:Filter>
                  <PointSymbolizer><Graphic><Mark><WellKnownName>square</WellKnownName></Mark></Graphic></PointSymbolizer>
                </Rule>
                <Rule>
                  <Name>north</Name>
                  <ogc:Filter>
                    <ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Box><gml:coordinates>102,20 110,24</gml:coordinates></gml:Box></ogc:BBOX>
                  </ogc:Filter>
                  <PointSymbolizer><Graphic><Mark><WellKnownName>triangle</WellKnownName></Mark></Graphic></PointSymbolizer>
                </Rule>
                <Rule>
                  <Name>along</Name>
                  <TextSymbolizer>
                    <Label><ogc:PropertyName>ten</ogc:PropertyName></Label>
                    <LabelPlacement><LinePlacement><PerpendicularOffset>5</PerpendicularOffset></LinePlacement></LabelPlacement>
                    <Fill><CssParameter name="fill">#000000</CssParameter><CssParameter name="fill-rule">evenodd</CssParameter></Fill>
                  </TextSymbolizer>
                </Rule>
              </FeatureTypeStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    /// <summary>An XML external entity: reading it would disclose a local file.</summary>
    public const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE StyledLayerDescriptor [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
          <NamedLayer><Name>&secret;</Name><UserStyle><Name>x</Name></UserStyle></NamedLayer>
        </StyledLayerDescriptor>
        """;
}
