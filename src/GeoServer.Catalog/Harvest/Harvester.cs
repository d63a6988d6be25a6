using System.Globalization;
using System.Xml.Linq;
using GeoServer.Catalog.Csw;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Registration;

namespace GeoServer.Catalog.Harvest;

/// <summary>
/// Pulls the records of a source into the catalog as external records of that source: every record of another CSW
/// (GetRecords page by page, Dublin Core or ISO 19139), or one record per named layer of a WMS capabilities document.
/// Records joining a workspace get ids prefixed with it, so harvesting this same server into one of its workspaces
/// adds records instead of colliding with its own. Every request goes through a <see cref="HarvestClient"/> (no
/// address the server should not reach, safe XML, size and time limits); pages are capped. Used by CSW Harvest (on
/// demand) and <see cref="ScheduledHarvest"/>.
/// </summary>
public static class Harvester
{
    private const int PageSize = 100, MaxPages = 1000;
    private static readonly XNamespace Wms = HarvestSource.WmsNamespace;

    /// <summary>Harvests <paramref name="source"/>; returns the records stored and how many of them were new.</summary>
    public static async Task<(IReadOnlyList<MetadataRecord> Records, int Inserted)> RunAsync(HarvestSource source, RecordCatalog catalog, CancellationToken ct)
    {
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw CswException.Invalid("Source", $"'{source.Url}' is refused: only http and https URLs are harvested.");
        var kind = HarvestSource.KindOf(source.ResourceType)
            ?? throw CswException.Invalid("ResourceType", $"'{source.ResourceType}' cannot be harvested; use {CswNamespaces.Csw}, {CswNamespaces.Gmd} or {HarvestSource.WmsNamespace}.");
        string prefix = source.Workspace is null ? "" : source.Workspace + ":";
        using var http = new HarvestClient(catalog.Options);
        var harvested = kind == HarvestKind.WmsCapabilities
            ? await WmsAsync(http, url, source.Workspace, prefix, ct)
            : await CswAsync(http, url, kind == HarvestKind.CswIso, source.Workspace, prefix, ct);
        // A record with the id of one this server derives (its own layer or endpoint, harvested back) is skipped:
        // the local record is the authority, and the catalog refuses to store over it.
        var records = harvested.Where(r => !catalog.IsDerived(r.Id)).ToList();
        int inserted = records.Count(r => catalog.External(r.Id) is null);
        if (records.Count > 0) await catalog.UpsertAsync(records, url.ToString(), ct);
        return (records, inserted);
    }

    private static async Task<List<MetadataRecord>> CswAsync(HarvestClient http, Uri source, bool iso, string? workspace, string prefix, CancellationToken ct)
    {
        var records = new Dictionary<string, MetadataRecord>(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        string schema = Uri.EscapeDataString(iso ? CswNamespaces.Gmd : CswNamespaces.Csw);
        string baseUrl = source.GetLeftPart(UriPartial.Path);
        int start = 1;
        for (int page = 0; page < MaxPages && start > 0; page++)
        {
            var doc = await http.GetXmlAsync($"{baseUrl}?service=CSW&version=2.0.2&request=GetRecords&typeNames={(iso ? CswNames.IsoTypeName : CswNames.RecordTypeName)}" +
                $"&resultType=results&ElementSetName=full&outputSchema={schema}&maxRecords={PageSize}&startPosition={start}", ct);
            var results = doc.Root?.Element(CswXml.Csw + "SearchResults")
                ?? throw new CswException(CswNames.NoApplicableCode, "The source's answer is not a GetRecordsResponse.", "Source", 502);
            foreach (var element in results.Elements().Where(RecordReader.IsRecord))
            {
                var record = RecordReader.Read(element, now, workspace, prefix);
                records[record.Id] = record;
            }
            start = int.TryParse(results.Attribute("nextRecord")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var next) && next > start ? next : 0;
        }
        return [.. records.Values];
    }

    private static async Task<List<MetadataRecord>> WmsAsync(HarvestClient http, Uri source, string? workspace, string prefix, CancellationToken ct)
    {
        string baseUrl = source.GetLeftPart(UriPartial.Path);
        var doc = await http.GetXmlAsync($"{baseUrl}?service=WMS&version=1.3.0&request=GetCapabilities", ct);
        if (doc.Root?.Name != Wms + "WMS_Capabilities")
            throw new CswException(CswNames.NoApplicableCode, "The source's answer is not WMS 1.3.0 capabilities.", "Source", 502);
        var now = DateTimeOffset.UtcNow;
        var provider = doc.Root.Element(Wms + "Service")?.Element(Wms + "ContactInformation")?.Descendants(Wms + "ContactOrganization").FirstOrDefault()?.Value;
        var records = new List<MetadataRecord>();
        foreach (var layer in doc.Descendants(Wms + "Layer"))
        {
            var name = layer.Element(Wms + "Name")?.Value.Trim();
            if (string.IsNullOrEmpty(name) || layer.Elements(Wms + "Layer").Any()) continue;   // named leaves; groups are not datasets
            var box = layer.Element(Wms + "EX_GeographicBoundingBox");
            records.Add(new MetadataRecord
            {
                Id = prefix + name,
                Type = RecordType.Dataset,
                Origin = RecordOrigin.External,
                Title = layer.Element(Wms + "Title")?.Value.Trim() is { Length: > 0 } title ? title : name,
                Abstract = layer.Element(Wms + "Abstract")?.Value,
                Keywords = [new KeywordSet(layer.Element(Wms + "KeywordList")?.Elements(Wms + "Keyword").Select(k => new LocalizedText(k.Value)).ToList() ?? [])],
                Contacts = provider is null ? [] : [new ResponsibleParty { Organisation = provider, Role = RoleCode.Publisher }],
                Extent = box is null ? null : new Core.Spatial.BBox(Number(box, "westBoundLongitude"), Number(box, "southBoundLatitude"),
                    Number(box, "eastBoundLongitude"), Number(box, "northBoundLatitude")),
                Distribution = new Distribution(["PNG"], [new OnlineResource(baseUrl, Protocols.Wms, name, "WMS map layer", "image/png")]),
                Modified = now,
                Workspace = workspace,
            });
        }
        return records;
    }

    private static double Number(XElement box, string name) =>
        double.TryParse(box.Element(Wms + name)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
