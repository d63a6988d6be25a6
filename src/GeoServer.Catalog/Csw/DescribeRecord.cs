namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW DescribeRecord (10.6): one csw:SchemaComponent per type asked (all when none), each an XML Schema that
/// includes the official schema of the type (the OGC's record.xsd, ISO 19139's gmd.xsd) rather than a copy of it.
/// </summary>
public static class DescribeRecord
{
    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        var names = request.Body is { } body
            ? body.Elements(CswXml.Csw + "TypeName").Select(e => e.Value.Trim()).ToList()
            : request.Get("typeName")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        CswParameters.CheckTypeNames(names, "typeName");
        var language = request.Body is { } b ? CswXml.Attribute(b, "schemaLanguage") : request.Get("schemaLanguage");
        if (language is not null && !CswParameters.SchemaLanguages.Contains(language) && !language.Equals("XMLSCHEMA", StringComparison.OrdinalIgnoreCase))
            throw CswException.Invalid("schemaLanguage", $"'{language}' is not offered; use {CswParameters.SchemaLanguages[0]}.");
        CswParameters.CheckOutputFormat(request.Body is { } f ? CswXml.Attribute(f, "outputFormat") : request.Get("outputFormat"));
        bool all = names.Count == 0;
        bool dc = all || names.Any(n => n.EndsWith("Record", StringComparison.OrdinalIgnoreCase));
        bool iso = all || names.Any(n => n.EndsWith("MD_Metadata", StringComparison.OrdinalIgnoreCase));

        var output = new XmlOutput(request.Http.Response);
        await using (output)
        {
            var xml = output.Xml;
            xml.WriteStartElement("csw", "DescribeRecordResponse", CswNamespaces.Csw);
            xml.WriteAttributeString("xmlns", "xs", null, CswNamespaces.Xs);
            if (dc) Component(xml, CswNamespaces.Csw, CswNamespaces.CswRecordSchemaLocation);
            if (iso) Component(xml, CswNamespaces.Gmd, CswNamespaces.GmdSchemaLocation.Split(' ')[1]);
            xml.WriteEndElement();
            await output.CompleteAsync(ct);
        }
    }

    private static void Component(System.Xml.XmlWriter xml, string targetNamespace, string schemaLocation)
    {
        xml.WriteStartElement("csw", "SchemaComponent", CswNamespaces.Csw);
        xml.WriteAttributeString("targetNamespace", targetNamespace);
        xml.WriteAttributeString("schemaLanguage", CswParameters.SchemaLanguages[0]);
        xml.WriteStartElement("xs", "schema", CswNamespaces.Xs);
        xml.WriteAttributeString("targetNamespace", targetNamespace);
        xml.WriteAttributeString("elementFormDefault", "qualified");
        xml.WriteStartElement("xs", "include", CswNamespaces.Xs);
        xml.WriteAttributeString("schemaLocation", schemaLocation);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
