using System.Globalization;
using System.Xml;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Http;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Tilesets;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>
/// WMTS 1.0.0 GetCapabilities (OGC 07-057r7 7.1): the service, its KVP operations, every tileset the caller may see
/// as a layer (each workspace, then each layer) with its styles, formats, grids and RESTful ResourceURL templates,
/// and the tile matrix sets.
/// </summary>
public static class WmtsCapabilities
{
    private const string WmtsNs = "http://www.opengis.net/wmts/1.0";
    private const string Ows = WmtsExceptionReport.Ows;
    private const string XLink = "http://www.w3.org/1999/xlink";

    public static Task WriteAsync(HttpContext http, TileServices services, CancellationToken ct)
    {
        var tilesets = TilesetResolver.All(services.Layers, http.User).ToList();
        string baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/wmts";
        return XmlResponse.WriteAsync(http.Response, "application/xml", xml =>
        {
            xml.WriteStartElement("Capabilities", WmtsNs);
            xml.WriteAttributeString("version", "1.0.0");
            xml.WriteAttributeString("xmlns", "ows", null, Ows);
            xml.WriteAttributeString("xmlns", "xlink", null, XLink);
            xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            xml.WriteAttributeString("xsi", "schemaLocation", null,
                "http://www.opengis.net/wmts/1.0 http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd");
            ServiceIdentification(xml, services);
            ServiceProvider(xml, services);
            OperationsMetadata(xml, baseUrl);
            xml.WriteStartElement("Contents", WmtsNs);
            foreach (var tileset in tilesets) Layer(xml, services, tileset, baseUrl);
            foreach (var set in services.Grids.All) MatrixSet(xml, set, services.Crs);
            xml.WriteEndElement();
            xml.WriteStartElement("ServiceMetadataURL", WmtsNs);
            xml.WriteAttributeString("xlink", "href", XLink, baseUrl + "/1.0.0/WMTSCapabilities.xml");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }, ct: ct);
    }

    private static void ServiceIdentification(XmlWriter xml, TileServices services)
    {
        xml.WriteStartElement("ows", "ServiceIdentification", Ows);
        xml.WriteElementString("ows", "Title", Ows, services.Server.Title);
        xml.WriteElementString("ows", "Abstract", Ows, services.Server.Description);
        xml.WriteElementString("ows", "ServiceType", Ows, "OGC WMTS");
        xml.WriteElementString("ows", "ServiceTypeVersion", Ows, "1.0.0");
        xml.WriteElementString("ows", "Fees", Ows, "none");
        xml.WriteElementString("ows", "AccessConstraints", Ows, "none");
        xml.WriteEndElement();
    }

    private static void ServiceProvider(XmlWriter xml, TileServices services)
    {
        var contact = services.Server.Contact;
        xml.WriteStartElement("ows", "ServiceProvider", Ows);
        xml.WriteElementString("ows", "ProviderName", Ows, contact.Organization);
        xml.WriteStartElement("ows", "ServiceContact", Ows);
        if (contact.Person is not null) xml.WriteElementString("ows", "IndividualName", Ows, contact.Person);
        if (contact.Position is not null) xml.WriteElementString("ows", "PositionName", Ows, contact.Position);
        xml.WriteStartElement("ows", "ContactInfo", Ows);
        if (contact.Phone is not null)
        {
            xml.WriteStartElement("ows", "Phone", Ows);
            xml.WriteElementString("ows", "Voice", Ows, contact.Phone);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("ows", "Address", Ows);
        if (contact.City is not null) xml.WriteElementString("ows", "City", Ows, contact.City);
        if (contact.Country is not null) xml.WriteElementString("ows", "Country", Ows, contact.Country);
        if (contact.Email is not null) xml.WriteElementString("ows", "ElectronicMailAddress", Ows, contact.Email);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void OperationsMetadata(XmlWriter xml, string baseUrl)
    {
        xml.WriteStartElement("ows", "OperationsMetadata", Ows);
        foreach (var operation in new[] { "GetCapabilities", "GetTile", "GetFeatureInfo" })
        {
            xml.WriteStartElement("ows", "Operation", Ows);
            xml.WriteAttributeString("name", operation);
            xml.WriteStartElement("ows", "DCP", Ows);
            xml.WriteStartElement("ows", "HTTP", Ows);
            xml.WriteStartElement("ows", "Get", Ows);
            xml.WriteAttributeString("xlink", "href", XLink, baseUrl + "?");
            xml.WriteStartElement("ows", "Constraint", Ows);
            xml.WriteAttributeString("name", "GetEncoding");
            xml.WriteStartElement("ows", "AllowedValues", Ows);
            xml.WriteElementString("ows", "Value", Ows, "KVP");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Layer(XmlWriter xml, TileServices services, Tileset tileset, string baseUrl)
    {
        xml.WriteStartElement("Layer", WmtsNs);
        xml.WriteElementString("ows", "Title", Ows, tileset.Title);
        if (tileset.Layers.Count == 1 && tileset.Layers[0].Info.Abstract is { } abstractText)
            xml.WriteElementString("ows", "Abstract", Ows, abstractText);
        if (tileset.WgsExtent is { } box)
        {
            xml.WriteStartElement("ows", "WGS84BoundingBox", Ows);
            xml.WriteElementString("ows", "LowerCorner", Ows, Pair(box.MinX, box.MinY));
            xml.WriteElementString("ows", "UpperCorner", Ows, Pair(box.MaxX, box.MaxY));
            xml.WriteEndElement();
        }
        xml.WriteElementString("ows", "Identifier", Ows, tileset.Id);
        bool first = true;
        foreach (var style in TileStyles.Names(services, tileset))
        {
            xml.WriteStartElement("Style", WmtsNs);
            if (first) xml.WriteAttributeString("isDefault", "true");
            first = false;
            xml.WriteElementString("ows", "Identifier", Ows, style);
            xml.WriteEndElement();
        }
        foreach (var format in TileRequestParser.Formats.Keys) xml.WriteElementString("Format", WmtsNs, format);
        foreach (var format in WmtsFeatureInfo.Formats) xml.WriteElementString("InfoFormat", WmtsNs, format);
        foreach (var set in services.Grids.All)
        {
            xml.WriteStartElement("TileMatrixSetLink", WmtsNs);
            xml.WriteElementString("TileMatrixSet", WmtsNs, set.Id);
            xml.WriteEndElement();
        }
        string tileBase = $"{baseUrl}/1.0.0/{tileset.Id}/{{Style}}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}";
        foreach (var (extension, mediaType) in new[] { ("png", "image/png"), ("jpg", "image/jpeg") })
            ResourceUrl(xml, mediaType, "tile", $"{tileBase}.{extension}");
        ResourceUrl(xml, "application/json", "FeatureInfo", tileBase + "/{J}/{I}.json");
        ResourceUrl(xml, "text/html", "FeatureInfo", tileBase + "/{J}/{I}.html");
        xml.WriteEndElement();
    }

    private static void ResourceUrl(XmlWriter xml, string format, string type, string template)
    {
        xml.WriteStartElement("ResourceURL", WmtsNs);
        xml.WriteAttributeString("format", format);
        xml.WriteAttributeString("resourceType", type);
        xml.WriteAttributeString("template", template);
        xml.WriteEndElement();
    }

    private static void MatrixSet(XmlWriter xml, TileMatrixSet set, CrsRegistry crs)
    {
        xml.WriteStartElement("TileMatrixSet", WmtsNs);
        xml.WriteElementString("ows", "Title", Ows, set.Title);
        xml.WriteElementString("ows", "Identifier", Ows, set.Id);
        xml.WriteElementString("ows", "SupportedCRS", Ows, Urn(set.Crs));
        if (set.WellKnownScaleSet is not null) xml.WriteElementString("WellKnownScaleSet", WmtsNs, set.WellKnownScaleSet);
        foreach (var matrix in set.TileMatrices)
        {
            xml.WriteStartElement("TileMatrix", WmtsNs);
            xml.WriteElementString("ows", "Identifier", Ows, matrix.Id);
            xml.WriteElementString("ScaleDenominator", WmtsNs, matrix.ScaleDenominator.ToString("R", CultureInfo.InvariantCulture));
            // TopLeftCorner is in the CRS's own axis order (07-057r7 6.1): latitude first for EPSG:4326.
            var (x, y) = (matrix.OriginX, matrix.OriginY);
            xml.WriteElementString("TopLeftCorner", WmtsNs, set.Crs.NorthingFirst ? Pair(y, x) : Pair(x, y));
            xml.WriteElementString("TileWidth", WmtsNs, matrix.TileWidth.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("TileHeight", WmtsNs, matrix.TileHeight.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("MatrixWidth", WmtsNs, matrix.MatrixWidth.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("MatrixHeight", WmtsNs, matrix.MatrixHeight.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The OGC URN clients expect in SupportedCRS.</summary>
    private static string Urn(CrsDefinition crs) =>
        crs.Epsg is { } code ? $"urn:ogc:def:crs:EPSG::{code}" : "urn:ogc:def:crs:OGC:1.3:CRS84";

    private static string Pair(double a, double b) =>
        a.ToString("R", CultureInfo.InvariantCulture) + " " + b.ToString("R", CultureInfo.InvariantCulture);
}
