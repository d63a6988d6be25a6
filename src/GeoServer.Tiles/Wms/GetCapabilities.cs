using GeoServer.Tiles.Http;
using System.Globalization;
using System.Xml;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// WMS GetCapabilities (1.3.0 7.2; 1.1.1 7.1): the service, its operations and the layer tree as the caller sees
/// it — a root layer, one group per workspace, then the layers with their extents in every CRS offered and their
/// styles with legend URLs. Element order follows the schemas (1.3.0 XSD, 1.1.1 DTD).
/// </summary>
public static class GetCapabilities
{
    private const string WmsNs = "http://www.opengis.net/wms";
    private const string XLinkNs = "http://www.w3.org/1999/xlink";
    private const string SldNs = "http://www.opengis.net/sld";

    public static readonly string[] InfoFormats = ["text/html", "application/json", "text/xml", "text/plain"];

    public static Task WriteAsync(WmsRequest request, CancellationToken ct)
    {
        var layers = request.VisibleLayers().ToList();
        bool is130 = request.Is130;
        return XmlResponse.WriteAsync(request.Http.Response, is130 ? "text/xml" : "application/vnd.ogc.wms_xml",
            xml => new Writer(xml, request, is130).Document(layers), ct: ct);
    }

    private sealed class Writer(XmlWriter xml, WmsRequest request, bool is130)
    {
        private readonly string? _ns = is130 ? WmsNs : null;
        private readonly CrsRegistry _crs = request.Services.Crs;

        public void Document(IReadOnlyList<Layer> layers)
        {
            if (!is130) xml.WriteDocType("WMT_MS_Capabilities", null, "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd", null);
            xml.WriteStartElement(is130 ? "WMS_Capabilities" : "WMT_MS_Capabilities", _ns);
            xml.WriteAttributeString("version", request.Version);
            xml.WriteAttributeString("xmlns", "xlink", null, XLinkNs);
            if (is130)
            {
                xml.WriteAttributeString("xmlns", "sld", null, SldNs);
                xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
                xml.WriteAttributeString("xsi", "schemaLocation", null,
                    "http://www.opengis.net/wms http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd " +
                    "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
            }
            Service();
            xml.WriteStartElement("Capability", _ns);
            Requests();
            xml.WriteStartElement("Exception", _ns);
            foreach (var format in is130 ? new[] { "XML", "INIMAGE", "BLANK" }
                         : ["application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank"])
                Element("Format", format);
            xml.WriteEndElement();
            RootLayer(layers);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private void Service()
        {
            var server = request.Services.Server;
            var workspace = request.Workspace is null ? null : request.Services.Layers.Workspaces.First(w => w.Id == request.Workspace);
            xml.WriteStartElement("Service", _ns);
            Element("Name", is130 ? "WMS" : "OGC:WMS");
            Element("Title", workspace?.Title ?? server.Title);
            Element("Abstract", workspace?.Abstract ?? server.Description);
            Keywords(["WMS", "GeoSDI"]);
            Link("OnlineResource", request.ServiceUrl);
            var contact = server.Contact;
            xml.WriteStartElement("ContactInformation", _ns);
            xml.WriteStartElement("ContactPersonPrimary", _ns);
            Element("ContactPerson", contact.Person ?? "");
            Element("ContactOrganization", contact.Organization);
            xml.WriteEndElement();
            if (contact.Position is not null) Element("ContactPosition", contact.Position);
            if (contact.City is not null || contact.Country is not null)
            {
                xml.WriteStartElement("ContactAddress", _ns);
                Element("AddressType", "postal");
                Element("Address", "");
                Element("City", contact.City ?? "");
                Element("StateOrProvince", "");
                Element("PostCode", "");
                Element("Country", contact.Country ?? "");
                xml.WriteEndElement();
            }
            if (contact.Phone is not null) Element("ContactVoiceTelephone", contact.Phone);
            if (contact.Email is not null) Element("ContactElectronicMailAddress", contact.Email);
            xml.WriteEndElement();
            Element("Fees", "none");
            Element("AccessConstraints", "none");
            if (is130)
            {
                Element("MaxWidth", request.Services.Options.MaxWidth.ToString(CultureInfo.InvariantCulture));
                Element("MaxHeight", request.Services.Options.MaxHeight.ToString(CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }

        private void Requests()
        {
            xml.WriteStartElement("Request", _ns);
            Operation("GetCapabilities", [is130 ? "text/xml" : "application/vnd.ogc.wms_xml"]);
            Operation("GetMap", MapViewParser.Formats.Keys.Where(f => f != "image/png8"));
            Operation("GetFeatureInfo", InfoFormats);
            if (is130) Operation("GetLegendGraphic", ["image/png", "image/jpeg"], SldNs, "sld");
            else Operation("GetLegendGraphic", ["image/png", "image/jpeg"]);
            xml.WriteEndElement();
        }

        private void Operation(string name, IEnumerable<string> formats, string? ns = null, string? prefix = null)
        {
            if (prefix is not null) xml.WriteStartElement(prefix, name, ns);
            else xml.WriteStartElement(name, _ns);
            // Elements inside sld:GetLegendGraphic are WMS's own (sld_capabilities.xsd types it wms:OperationType).
            foreach (var format in formats) Element("Format", format);
            xml.WriteStartElement("DCPType", _ns);
            xml.WriteStartElement("HTTP", _ns);
            xml.WriteStartElement("Get", _ns);
            Link("OnlineResource", request.ServiceUrl + "?");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private void RootLayer(IReadOnlyList<Layer> layers)
        {
            xml.WriteStartElement("Layer", _ns);
            Element("Title", request.Services.Server.Title);
            Element("Abstract", request.Services.Server.Description);
            foreach (var crs in _crs.All) Element(is130 ? "CRS" : "SRS", MapViewParser.Identifier(crs));
            var all = Union(layers.Select(l => l.Info.WgsExtent));
            Extents(all, null);
            foreach (var group in layers.GroupBy(l => l.Info.Workspace.Id))
            {
                var workspace = group.First().Info.Workspace;
                if (request.Workspace is not null)
                {
                    foreach (var layer in group) Layer(layer.Info);
                    continue;
                }
                xml.WriteStartElement("Layer", _ns);
                Element("Name", workspace.Id);
                Element("Title", workspace.Title);
                if (workspace.Abstract is not null) Element("Abstract", workspace.Abstract);
                Extents(Union(group.Select(l => l.Info.WgsExtent)), null);
                foreach (var layer in group) Layer(layer.Info);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        private void Layer(LayerInfo info)
        {
            xml.WriteStartElement("Layer", _ns);
            xml.WriteAttributeString("queryable", "1");
            xml.WriteAttributeString("opaque", "0");
            string name = request.NameOf(info);
            Element("Name", name);
            Element("Title", info.Title);
            if (info.Abstract is not null) Element("Abstract", info.Abstract);
            if (info.Keywords.Count > 0) Keywords(info.Keywords);
            Extents(info.WgsExtent, info.StorageCrs);
            if (info.Attribution is not null)
            {
                xml.WriteStartElement("Attribution", _ns);
                Element("Title", info.Attribution);
                xml.WriteEndElement();
            }
            foreach (var style in request.Services.Styles.For(info).All)
            {
                xml.WriteStartElement("Style", _ns);
                Element("Name", style.Source.Name);
                Element("Title", style.Source.Title ?? style.Source.Name);
                if (style.Source.Abstract is not null) Element("Abstract", style.Source.Abstract);
                var size = GetLegendGraphic.SizeOf(style);
                xml.WriteStartElement("LegendURL", _ns);
                xml.WriteAttributeString("width", size.Width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("height", size.Height.ToString(CultureInfo.InvariantCulture));
                Element("Format", "image/png");
                Link("OnlineResource", $"{request.ServiceUrl}?service=WMS&version={request.Version}&request=GetLegendGraphic" +
                                       $"&format=image%2Fpng&layer={Uri.EscapeDataString(name)}&style={Uri.EscapeDataString(style.Source.Name)}");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        /// <summary>The geographic box, then a BoundingBox in CRS84/4326, Web Mercator and the layer's own CRS.</summary>
        private void Extents(BBox? wgs, CrsDefinition? storage)
        {
            if (wgs is not { } box) return;
            if (is130)
            {
                xml.WriteStartElement("EX_GeographicBoundingBox", _ns);
                Element("westBoundLongitude", Number(box.MinX));
                Element("eastBoundLongitude", Number(box.MaxX));
                Element("southBoundLatitude", Number(box.MinY));
                Element("northBoundLatitude", Number(box.MaxY));
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteStartElement("LatLonBoundingBox", _ns);
                Box(box, false);
                xml.WriteEndElement();
            }
            var targets = new List<CrsDefinition>();
            if (is130) targets.Add(_crs.Crs84);
            foreach (var code in new[] { 4326, 3857 }) if (_crs.FromEpsg(code) is { } c) targets.Add(c);
            if (storage is not null && !targets.Contains(storage)) targets.Add(storage);
            foreach (var crs in targets)
            {
                var projected = _crs.GetTransform(_crs.Crs84, crs).Transform(box);
                if (double.IsNaN(projected.MinX)) continue;
                xml.WriteStartElement("BoundingBox", _ns);
                xml.WriteAttributeString(is130 ? "CRS" : "SRS", MapViewParser.Identifier(crs));
                Box(projected, is130 && crs.NorthingFirst);
                xml.WriteEndElement();
            }
        }

        private void Box(BBox box, bool northingFirst)
        {
            var (minx, miny, maxx, maxy) = northingFirst ? (box.MinY, box.MinX, box.MaxY, box.MaxX) : (box.MinX, box.MinY, box.MaxX, box.MaxY);
            xml.WriteAttributeString("minx", Number(minx));
            xml.WriteAttributeString("miny", Number(miny));
            xml.WriteAttributeString("maxx", Number(maxx));
            xml.WriteAttributeString("maxy", Number(maxy));
        }

        private void Keywords(IEnumerable<string> keywords)
        {
            xml.WriteStartElement("KeywordList", _ns);
            foreach (var keyword in keywords) Element("Keyword", keyword);
            xml.WriteEndElement();
        }

        private void Link(string element, string href)
        {
            xml.WriteStartElement(element, _ns);
            xml.WriteAttributeString("xlink", "type", XLinkNs, "simple");
            xml.WriteAttributeString("xlink", "href", XLinkNs, href);
            xml.WriteEndElement();
        }

        private void Element(string name, string value) => xml.WriteElementString(name, _ns, value);

        private static string Number(double value) => Math.Round(value, 8).ToString("R", CultureInfo.InvariantCulture);

        private static BBox? Union(IEnumerable<BBox?> boxes)
        {
            BBox? all = null;
            foreach (var box in boxes)
                if (box is { } b) all = all is { } a ? a.Union(b) : b;
            return all;
        }
    }
}
