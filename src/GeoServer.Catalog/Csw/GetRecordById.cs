namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW GetRecordById (10.9): the records with the given ids that the caller may see, in the order asked; an id that
/// is unknown or hidden is left out (the response may be empty), so a hidden record is indistinguishable from none.
/// </summary>
public static class GetRecordById
{
    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        IEnumerable<string> ids;
        CswOutput output;
        if (request.Body is { } body)
        {
            ids = body.Elements(CswXml.Csw + "Id").Select(e => e.Value.Trim());
            CswParameters.CheckOutputFormat(CswXml.Attribute(body, "outputFormat"));
            output = CswOutput.Parse(CswXml.Attribute(body, "outputSchema"), body.Element(CswXml.Csw + "ElementSetName")?.Value.Trim(), CswNames.Summary);
        }
        else
        {
            ids = request.Require("id").Split(',', StringSplitOptions.TrimEntries);
            CswParameters.CheckOutputFormat(request.Get("outputFormat"));
            output = CswOutput.Parse(request.Get("outputSchema"), request.Get("ElementSetName"), CswNames.Summary);
        }
        var idList = ids.Where(id => id.Length > 0).Distinct().ToList();
        if (idList.Count == 0) throw CswException.Missing("id");

        var xmlOutput = new XmlOutput(request.Http.Response);
        await using (xmlOutput)
        {
            var xml = xmlOutput.Xml;
            xml.WriteStartElement("csw", "GetRecordByIdResponse", CswNamespaces.Csw);
            CswXml.DeclareNamespaces(xml, output.Iso);
            foreach (var id in idList)
                if (request.Find(id) is { } record)
                {
                    output.Write(xml, record, request.ServerRoot);
                    await xmlOutput.FlushIfFullAsync(ct);
                }
            xml.WriteEndElement();
            await xmlOutput.CompleteAsync(ct);
        }
    }
}
