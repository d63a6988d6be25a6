using System.Xml;
using GeoServer.Catalog.Search;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW GetCapabilities (10.5): service identification and provider, every operation with its GET and POST address and
/// parameter domains (<see cref="CswParameters"/>), the queryables, and the filter capabilities the constraint
/// parsers implement. Sections may be asked for one by one.
/// </summary>
public static class GetCapabilities
{
    private const string Ows = CswNamespaces.Ows, Ogc = CswNamespaces.Ogc;

    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        var versions = request.Body is { } body
            ? body.Element(CswXml.Ows + "AcceptVersions")?.Elements(CswXml.Ows + "Version").Select(v => v.Value.Trim()).ToList()
            : request.Get("acceptVersions")?.Split(',', StringSplitOptions.TrimEntries).ToList();
        if (versions is { Count: > 0 } && !versions.Contains(CswNames.Version))
            throw new CswException(CswNames.VersionNegotiationFailed, $"Only CSW {CswNames.Version} is offered.", "acceptVersions");
        var asked = request.Body is { } b
            ? b.Element(CswXml.Ows + "Sections")?.Elements(CswXml.Ows + "Section").Select(s => s.Value.Trim()).ToList()
            : request.Get("sections")?.Split(',', StringSplitOptions.TrimEntries).ToList();
        var sections = asked is null or { Count: 0 } || asked.Contains("All", StringComparer.OrdinalIgnoreCase)
            ? CswParameters.Sections.ToHashSet(StringComparer.OrdinalIgnoreCase)
            : asked.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var output = new XmlOutput(request.Http.Response);
        await using (output)
        {
            var xml = output.Xml;
            xml.WriteStartElement("csw", "Capabilities", CswNamespaces.Csw);
            xml.WriteAttributeString("version", CswNames.Version);
            xml.WriteAttributeString("xmlns", "ows", null, Ows);
            xml.WriteAttributeString("xmlns", "ogc", null, Ogc);
            xml.WriteAttributeString("xmlns", "gml", null, CswNamespaces.Gml);
            xml.WriteAttributeString("xmlns", "xlink", null, CswNamespaces.Xlink);
            xml.WriteAttributeString("xmlns", "xsi", null, CswNamespaces.Xsi);
            xml.WriteAttributeString("xsi", "schemaLocation", CswNamespaces.Xsi, CswNamespaces.CswSchemaLocation);
            if (sections.Contains("ServiceIdentification")) Identification(xml, request);
            if (sections.Contains("ServiceProvider")) Provider(xml, request);
            if (sections.Contains("OperationsMetadata")) Operations(xml, request);
            if (sections.Contains("Filter_Capabilities")) FilterCapabilities(xml);
            xml.WriteEndElement();
            await output.CompleteAsync(ct);
        }
    }

    private static void Identification(XmlWriter xml, CswRequest request)
    {
        var server = request.Catalog.Server;
        var workspace = request.Workspace is null ? null : request.Catalog.Layers.Workspaces.First(w => w.Id == request.Workspace);
        xml.WriteStartElement("ows", "ServiceIdentification", Ows);
        xml.WriteElementString("ows", "Title", Ows, workspace?.Title ?? server.Title);
        xml.WriteElementString("ows", "Abstract", Ows, workspace?.Abstract ?? server.Description);
        xml.WriteStartElement("ows", "Keywords", Ows);
        foreach (var k in new[] { "CSW", "catalogue", "metadata", "ISO 19115", "GeoSDI" }) xml.WriteElementString("ows", "Keyword", Ows, k);
        xml.WriteEndElement();
        xml.WriteElementString("ows", "ServiceType", Ows, CswNames.Service);
        xml.WriteElementString("ows", "ServiceTypeVersion", Ows, CswNames.Version);
        xml.WriteElementString("ows", "Fees", Ows, "none");
        xml.WriteElementString("ows", "AccessConstraints", Ows, "none");
        xml.WriteEndElement();
    }

    private static void Provider(XmlWriter xml, CswRequest request)
    {
        var contact = request.Catalog.Server.Contact;
        xml.WriteStartElement("ows", "ServiceProvider", Ows);
        xml.WriteElementString("ows", "ProviderName", Ows, contact.Organization);
        xml.WriteStartElement("ows", "ProviderSite", Ows);
        xml.WriteAttributeString("xlink", "href", CswNamespaces.Xlink, request.ServerRoot + "/");
        xml.WriteEndElement();
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
        xml.WriteElementString("ows", "Role", Ows, "pointOfContact");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Operations(XmlWriter xml, CswRequest request)
    {
        xml.WriteStartElement("ows", "OperationsMetadata", Ows);
        foreach (var operation in CswNames.Operations)
        {
            xml.WriteStartElement("ows", "Operation", Ows);
            xml.WriteAttributeString("name", operation);
            xml.WriteStartElement("ows", "DCP", Ows);
            xml.WriteStartElement("ows", "HTTP", Ows);
            foreach (var method in new[] { "Get", "Post" })
            {
                xml.WriteStartElement("ows", method, Ows);
                xml.WriteAttributeString("xlink", "href", CswNamespaces.Xlink, request.ServiceUrl + (method == "Get" ? "?" : ""));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            foreach (var (name, values) in CswParameters.ByOperation[operation]) Parameter(xml, name, values);
            if (operation == CswNames.GetRecords)
            {
                Constraint(xml, "SupportedDublinCoreQueryables", CswQueryables.DublinCore);
                Constraint(xml, "SupportedISOQueryables", CswQueryables.Iso);
            }
            xml.WriteEndElement();
        }
        Parameter(xml, "service", [CswNames.Service]);
        Parameter(xml, "version", [CswNames.Version]);
        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, string name, IEnumerable<string> values) => Values(xml, "Parameter", name, values);

    private static void Constraint(XmlWriter xml, string name, IEnumerable<string> values) => Values(xml, "Constraint", name, values);

    private static void Values(XmlWriter xml, string element, string name, IEnumerable<string> values)
    {
        xml.WriteStartElement("ows", element, Ows);
        xml.WriteAttributeString("name", name);
        foreach (var v in values) xml.WriteElementString("ows", "Value", Ows, v);
        xml.WriteEndElement();
    }

    private static void FilterCapabilities(XmlWriter xml)
    {
        xml.WriteStartElement("ogc", "Filter_Capabilities", Ogc);
        xml.WriteStartElement("ogc", "Spatial_Capabilities", Ogc);
        xml.WriteStartElement("ogc", "GeometryOperands", Ogc);
        foreach (var g in new[] { "gml:Envelope", "gml:Polygon", "gml:Point" }) xml.WriteElementString("ogc", "GeometryOperand", Ogc, g);
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "SpatialOperators", Ogc);
        foreach (var op in new[] { "BBOX", "Intersects", "Within", "Contains", "Disjoint", "Equals", "Overlaps", "Touches", "Crosses" })
        {
            xml.WriteStartElement("ogc", "SpatialOperator", Ogc);
            xml.WriteAttributeString("name", op);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Scalar_Capabilities", Ogc);
        xml.WriteElementString("ogc", "LogicalOperators", Ogc, null);
        xml.WriteStartElement("ogc", "ComparisonOperators", Ogc);
        foreach (var op in new[] { "EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "Like", "Between", "NullCheck" })
            xml.WriteElementString("ogc", "ComparisonOperator", Ogc, op);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Id_Capabilities", Ogc);
        xml.WriteElementString("ogc", "EID", Ogc, null);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
