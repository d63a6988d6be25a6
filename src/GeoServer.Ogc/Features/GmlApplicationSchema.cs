using System.Xml;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Features;

/// <summary>
/// The collection's schema as a GML 3.2 application schema (linked as rel="describedBy", OGC API Features
/// 7.14). Clients such as GDAL read exact field types from it (64-bit integers, dates) instead of guessing from
/// the first page, which loses values that only later pages hold.
/// </summary>
public static class GmlApplicationSchema
{
    private const string Xs = "http://www.w3.org/2001/XMLSchema";
    private const string Gml = "http://www.opengis.net/gml/3.2";
    public const string Namespace = "https://geosdi.org/ns/features";

    public static async Task Write(string collectionId, HttpContext http, LayerRegistry layers)
    {
        var layer = (layers.Find(http.User, collectionId) ?? throw OgcException.NotFound($"No collection '{collectionId}'.")).Info;
        http.Response.ContentType = "application/xml";
        await using var xml = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        string type = XmlConvert.EncodeLocalName(layer.Name) + "Type";
        await xml.WriteStartElementAsync("xs", "schema", Xs);
        await xml.WriteAttributeStringAsync("xmlns", "gml", null, Gml);
        await xml.WriteAttributeStringAsync("xmlns", "geosdi", null, Namespace);
        await xml.WriteAttributeStringAsync(null, "targetNamespace", null, Namespace);
        await xml.WriteAttributeStringAsync(null, "elementFormDefault", null, "qualified");
        await xml.WriteStartElementAsync("xs", "import", Xs);
        await xml.WriteAttributeStringAsync(null, "namespace", null, Gml);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("xs", "element", Xs);
        await xml.WriteAttributeStringAsync(null, "name", null, XmlConvert.EncodeLocalName(layer.Name));
        await xml.WriteAttributeStringAsync(null, "type", null, "geosdi:" + type);
        await xml.WriteAttributeStringAsync(null, "substitutionGroup", null, "gml:AbstractFeature");
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("xs", "complexType", Xs);
        await xml.WriteAttributeStringAsync(null, "name", null, type);
        await xml.WriteStartElementAsync("xs", "complexContent", Xs);
        await xml.WriteStartElementAsync("xs", "extension", Xs);
        await xml.WriteAttributeStringAsync(null, "base", null, "gml:AbstractFeatureType");
        await xml.WriteStartElementAsync("xs", "sequence", Xs);
        if (layer.Schema.GeometryType is { } geometryType)
            await Element(xml, "geometry", GeometryPropertyType(geometryType));
        foreach (var p in layer.Schema.Properties)
            await Element(xml, XmlConvert.EncodeLocalName(p.Name), XsdType(p.Type));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task Element(XmlWriter xml, string name, string type)
    {
        await xml.WriteStartElementAsync("xs", "element", Xs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "minOccurs", null, "0");
        await xml.WriteAttributeStringAsync(null, "nillable", null, "true");
        await xml.WriteEndElementAsync();
    }

    private static string XsdType(PropertyType type) => type switch
    {
        PropertyType.Integer => "xs:long",
        PropertyType.Number => "xs:double",
        PropertyType.Boolean => "xs:boolean",
        PropertyType.Date => "xs:date",
        PropertyType.DateTime => "xs:dateTime",
        PropertyType.Binary => "xs:base64Binary",
        _ => "xs:string",
    };

    private static string GeometryPropertyType(string geometryType) => geometryType switch
    {
        "POINT" => "gml:PointPropertyType",
        "LINESTRING" => "gml:LineStringPropertyType",
        "POLYGON" => "gml:PolygonPropertyType",
        "MULTIPOINT" => "gml:MultiPointPropertyType",
        "MULTILINESTRING" => "gml:MultiCurvePropertyType",
        "MULTIPOLYGON" => "gml:MultiSurfacePropertyType",
        _ => "gml:GeometryPropertyType",
    };
}
