using GeoServer.Catalog.Harvest;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW Harvest (10.12), on demand and for administrators: pulls the records of another CSW (ResourceType the CSW or
/// gmd namespace) or the layers of a WMS (the WMS namespace) with <see cref="Harvester"/>, into the workspace of the
/// endpoint it came through, and answers synchronously with a csw:HarvestResponse.
/// </summary>
public static class Harvest
{
    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        CswWriteAccess.Check(request, CswNames.Harvest);
        string? source, resourceType;
        if (request.Body is { } body)
        {
            source = body.Element(CswXml.Csw + "Source")?.Value.Trim();
            resourceType = body.Element(CswXml.Csw + "ResourceType")?.Value.Trim();
            if (body.Element(CswXml.Csw + "ResponseHandler") is not null)
                throw new CswException(CswNames.OperationNotSupported, "Harvest answers synchronously; leave out ResponseHandler.", "ResponseHandler");
        }
        else
        {
            source = request.Get("Source");
            resourceType = request.Get("ResourceType");
        }
        if (string.IsNullOrEmpty(source)) throw CswException.Missing("Source");

        var (records, inserted) = await Harvester.RunAsync(
            new HarvestSource { Url = source, ResourceType = resourceType ?? CswNamespaces.Csw, Workspace = request.Workspace }, request.Catalog, ct);

        await using var output = new XmlOutput(request.Http.Response);
        var xml = output.Xml;
        xml.WriteStartElement("csw", "HarvestResponse", CswNamespaces.Csw);
        CswXml.DeclareNamespaces(xml, iso: false);
        new TransactionResult(inserted, records.Count - inserted, 0, records.Take(100).ToList()).Write(xml);
        xml.WriteEndElement();
        await output.CompleteAsync(ct);
    }
}
