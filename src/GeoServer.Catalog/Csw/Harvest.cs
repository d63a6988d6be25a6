using System.Globalization;
using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW Harvest (10.12), on demand and for administrators: pulls every record of another CSW 2.0.2 endpoint
/// (ResourceType csw:Record or gmd:MD_Metadata) page by page through GetRecords, and stores them as external
/// records of the harvested source. Through a workspace endpoint the records join that workspace, their ids
/// prefixed with it so that harvesting this same server again adds records rather than colliding with its own.
/// Responses are read with the safe XML settings and a size limit; pages and records are capped.
/// </summary>
public static class Harvest
{
    private const int PageSize = 100, MaxPages = 1000;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

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
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw CswException.Invalid("Source", $"'{source}' is not an http(s) URL.");
        bool iso = resourceType switch
        {
            null or CswNamespaces.Csw or CswNames.RecordTypeName => false,
            CswNamespaces.Gmd or CswNames.IsoTypeName => true,
            _ => throw CswException.Invalid("ResourceType", $"'{resourceType}' cannot be harvested; use {CswNamespaces.Csw} or {CswNamespaces.Gmd}."),
        };

        var records = await FetchAsync(url, iso, request, ct);
        var known = records.Where(r => request.Catalog.External(r.Id) is not null).Count();
        await request.Catalog.UpsertAsync(records, url.ToString(), ct);

        await using var output = new XmlOutput(request.Http.Response);
        var xml = output.Xml;
        xml.WriteStartElement("csw", "HarvestResponse", CswNamespaces.Csw);
        CswXml.DeclareNamespaces(xml, iso: false);
        new TransactionResult(records.Count - known, known, 0, records.Take(100).ToList()).Write(xml);
        xml.WriteEndElement();
        await output.CompleteAsync(ct);
    }

    private static async Task<List<MetadataRecord>> FetchAsync(Uri source, bool iso, CswRequest request, CancellationToken ct)
    {
        var records = new Dictionary<string, MetadataRecord>(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        string prefix = request.Workspace is null ? "" : request.Workspace + ":";
        string schema = Uri.EscapeDataString(iso ? CswNamespaces.Gmd : CswNamespaces.Csw);
        string baseUrl = source.GetLeftPart(UriPartial.Path);
        int start = 1;
        for (int page = 0; page < MaxPages && start > 0; page++)
        {
            var url = $"{baseUrl}?service=CSW&version=2.0.2&request=GetRecords&typeNames={(iso ? "gmd:MD_Metadata" : "csw:Record")}" +
                      $"&resultType=results&ElementSetName=full&outputSchema={schema}&maxRecords={PageSize}&startPosition={start}";
            using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new CswException(CswNames.NoApplicableCode, $"The source answered {(int)response.StatusCode} to GetRecords.", "Source", 502);
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var doc = await SafeXml.ReadAsync(stream, request.Catalog.Options.MaxHarvestBytes, ct);
            var results = doc.Root?.Element(CswXml.Csw + "SearchResults")
                ?? throw new CswException(CswNames.NoApplicableCode, "The source's answer is not a GetRecordsResponse.", "Source", 502);
            foreach (var element in results.Elements().Where(RecordReader.IsRecord))
            {
                var record = RecordReader.Read(element, now, request.Workspace, prefix);
                records[record.Id] = record;
            }
            start = int.TryParse(results.Attribute("nextRecord")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var next) && next > start ? next : 0;
        }
        return [.. records.Values];
    }
}
