using System.Globalization;
using GeoServer.Catalog.Search;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW GetRecords (10.8): searches the records the caller may see and writes the page as csw:GetRecordsResponse
/// (numberOfRecordsMatched, numberOfRecordsReturned, nextRecord 0 after the last page), or only the count for
/// resultType=hits, or an acknowledgement for resultType=validate. Records are streamed in chunks.
/// </summary>
public static class GetRecords
{
    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        var parsed = request.Body is { } body ? GetRecordsRequest.FromXml(body, request) : GetRecordsRequest.FromKvp(request);
        var output = new XmlOutput(request.Http.Response);
        await using (output)
        {
            var xml = output.Xml;
            if (parsed.ResultType == CswNames.Validate)
            {
                xml.WriteStartElement("csw", "Acknowledgement", CswNamespaces.Csw);
                xml.WriteAttributeString("timeStamp", Now());
                xml.WriteStartElement("csw", "EchoedRequest", CswNamespaces.Csw);
                request.Body?.WriteTo(xml);
                xml.WriteEndElement();
                if (parsed.RequestId is not null) xml.WriteElementString("csw", "RequestId", CswNamespaces.Csw, parsed.RequestId);
                xml.WriteEndElement();
                await output.CompleteAsync(ct);
                return;
            }
            bool results = parsed.ResultType == CswNames.Results;
            int limit = results ? Math.Min(parsed.MaxRecords, request.Catalog.Options.MaxRecords) : 0;
            var found = request.Search(new SearchQuery
            {
                Filter = parsed.Constraint,
                SortBy = parsed.SortBy,
                Offset = parsed.StartPosition - 1,
                Limit = limit,
            });
            int next = parsed.StartPosition - 1 + found.Records.Count < found.Matched ? parsed.StartPosition + found.Records.Count : 0;

            xml.WriteStartElement("csw", "GetRecordsResponse", CswNamespaces.Csw);
            CswXml.DeclareNamespaces(xml, parsed.Output.Iso);
            xml.WriteAttributeString("version", CswNames.Version);
            xml.WriteAttributeString("xsi", "schemaLocation", CswNamespaces.Xsi, CswNamespaces.CswSchemaLocation);
            if (parsed.RequestId is not null) xml.WriteElementString("csw", "RequestId", CswNamespaces.Csw, parsed.RequestId);
            xml.WriteStartElement("csw", "SearchStatus", CswNamespaces.Csw);
            xml.WriteAttributeString("timestamp", Now());
            xml.WriteEndElement();
            xml.WriteStartElement("csw", "SearchResults", CswNamespaces.Csw);
            xml.WriteAttributeString("numberOfRecordsMatched", found.Matched.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("numberOfRecordsReturned", found.Records.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("nextRecord", next.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("recordSchema", parsed.Output.Schema);
            xml.WriteAttributeString("elementSet", parsed.Output.ElementSet);
            foreach (var record in found.Records)
            {
                parsed.Output.Write(xml, record, request.ServerRoot);
                await output.FlushIfFullAsync(ct);
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            await output.CompleteAsync(ct);
        }
    }

    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
