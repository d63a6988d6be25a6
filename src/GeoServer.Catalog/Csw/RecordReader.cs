using System.Globalization;
using System.Xml.Linq;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Spatial;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Reads a record written in Dublin Core (csw:Record, csw:SummaryRecord, csw:BriefRecord) or ISO 19139
/// (gmd:MD_Metadata) into the model, as CSW Transaction inserts and Harvest imports it: identity, title, abstract,
/// keywords (ISO: per thesaurus), topic categories, type, extent, contacts, lineage, licence and online resources.
/// Unknown elements are ignored; a record without an identifier or a title is refused.
/// </summary>
public static class RecordReader
{
    private static readonly XNamespace Csw = CswNamespaces.Csw, Dc = CswNamespaces.Dc, Dct = CswNamespaces.Dct, Ows = CswNamespaces.Ows,
        Gmd = CswNamespaces.Gmd, Gco = CswNamespaces.Gco, Srv = CswNamespaces.Srv;

    /// <summary>True when the element is a record this reader understands.</summary>
    public static bool IsRecord(XElement e) =>
        e.Name == Gmd + "MD_Metadata" || (e.Name.Namespace == Csw && e.Name.LocalName is "Record" or "SummaryRecord" or "BriefRecord");

    public static MetadataRecord Read(XElement e, DateTimeOffset now, string? workspace, string idPrefix = "") =>
        e.Name == Gmd + "MD_Metadata" ? FromIso(e, now, workspace, idPrefix) : FromDublinCore(e, now, workspace, idPrefix);

    private static MetadataRecord FromDublinCore(XElement r, DateTimeOffset now, string? workspace, string idPrefix)
    {
        string id = Required(r.Element(Dc + "identifier")?.Value, "dc:identifier");
        var subjects = r.Elements(Dc + "subject").Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList();
        var topics = subjects.Select(MetadataCodes.Parse<TopicCategory>).OfType<TopicCategory>().ToList();
        return new MetadataRecord
        {
            Id = idPrefix + id,
            Type = MetadataCodes.Parse<RecordType>(r.Element(Dc + "type")?.Value.Trim()) ?? RecordType.Dataset,
            Origin = RecordOrigin.External,
            Title = Required(r.Element(Dc + "title")?.Value, "dc:title"),
            Abstract = (r.Element(Dct + "abstract") ?? r.Element(Dc + "description"))?.Value,
            Keywords = [new KeywordSet(subjects.Where(s => MetadataCodes.Parse<TopicCategory>(s) is null).Select(s => new LocalizedText(s)).ToList())],
            TopicCategories = topics,
            Contacts = r.Elements(Dc + "publisher").Select(p => new ResponsibleParty { Organisation = p.Value, Role = RoleCode.Publisher }).ToList(),
            Lineage = r.Element(Dc + "source")?.Value,
            Extent = r.Element(Ows + "BoundingBox") is { } box ? OwsBox(box) : null,
            Constraints = new ResourceConstraints { Licence = r.Element(Dc + "rights")?.Value },
            Distribution = new Distribution(r.Elements(Dc + "format").Select(f => f.Value).ToList(),
                r.Elements(Dct + "references").Select(l => new OnlineResource(l.Value.Trim(), l.Attribute("scheme")?.Value ?? Protocols.Link)).ToList()),
            Language = r.Element(Dc + "language")?.Value.Trim() is { Length: > 0 } language ? language : Languages.Vietnamese,
            Modified = Instant(r.Element(Dct + "modified")?.Value) ?? now,
            Workspace = workspace,
        };
    }

    private static MetadataRecord FromIso(XElement md, DateTimeOffset now, string? workspace, string idPrefix)
    {
        string id = Required(Text(md.Element(Gmd + "fileIdentifier")), "gmd:fileIdentifier");
        var identification = md.Element(Gmd + "identificationInfo")?.Elements().FirstOrDefault()
            ?? throw CswException.Invalid("record", $"'{id}' has no gmd:identificationInfo.");
        var citation = identification.Element(Gmd + "citation")?.Element(Gmd + "CI_Citation");
        var type = MetadataCodes.Parse<RecordType>(md.Element(Gmd + "hierarchyLevel")?.Element(Gmd + "MD_ScopeCode")?.Attribute("codeListValue")?.Value)
            ?? (identification.Name == Srv + "SV_ServiceIdentification" ? RecordType.Service : RecordType.Dataset);
        var keywords = identification.Elements(Gmd + "descriptiveKeywords").Select(k => k.Element(Gmd + "MD_Keywords")).OfType<XElement>()
            .Select(k => new KeywordSet(
                k.Elements(Gmd + "keyword").Select(Text).OfType<string>().Select(w => new LocalizedText(w)).ToList(),
                Text(k.Element(Gmd + "thesaurusName")?.Element(Gmd + "CI_Citation")?.Element(Gmd + "title")),
                k.Element(Gmd + "type")?.Elements().FirstOrDefault()?.Attribute("codeListValue")?.Value))
            .ToList();
        var box = identification.Descendants(Gmd + "EX_GeographicBoundingBox").FirstOrDefault();
        var links = md.Element(Gmd + "distributionInfo")?.Descendants(Gmd + "CI_OnlineResource")
            .Select(o => (Url: o.Element(Gmd + "linkage")?.Element(Gmd + "URL")?.Value.Trim(), o))
            .Where(x => !string.IsNullOrEmpty(x.Url))
            .Select(x => new OnlineResource(x.Url!, Text(x.o.Element(Gmd + "protocol")) ?? Protocols.Link, Text(x.o.Element(Gmd + "name")),
                Text(x.o.Element(Gmd + "description")))).ToList() ?? [];
        var formats = md.Element(Gmd + "distributionInfo")?.Descendants(Gmd + "MD_Format").Select(f => Text(f.Element(Gmd + "name"))).OfType<string>().ToList() ?? [];
        return new MetadataRecord
        {
            Id = idPrefix + id,
            Type = type,
            Origin = RecordOrigin.External,
            Title = Required(Text(citation?.Element(Gmd + "title")), "gmd:title"),
            Abstract = Text(identification.Element(Gmd + "abstract")),
            Keywords = keywords,
            TopicCategories = identification.Elements(Gmd + "topicCategory")
                .Select(t => MetadataCodes.Parse<TopicCategory>(t.Element(Gmd + "MD_TopicCategoryCode")?.Value.Trim())).OfType<TopicCategory>().ToList(),
            Contacts = identification.Elements(Gmd + "pointOfContact").Select(c => c.Element(Gmd + "CI_ResponsibleParty")).OfType<XElement>()
                .Select(p => new ResponsibleParty
                {
                    Organisation = Text(p.Element(Gmd + "organisationName")) ?? "",
                    Individual = Text(p.Element(Gmd + "individualName")),
                    Email = Text(p.Descendants(Gmd + "electronicMailAddress").FirstOrDefault()),
                    Role = MetadataCodes.Parse<RoleCode>(p.Element(Gmd + "role")?.Elements().FirstOrDefault()?.Attribute("codeListValue")?.Value) ?? RoleCode.PointOfContact,
                }).ToList(),
            Lineage = Text(md.Descendants(Gmd + "LI_Lineage").FirstOrDefault()?.Element(Gmd + "statement")),
            Extent = box is null ? null : new BBox(Decimal(box, "westBoundLongitude"), Decimal(box, "southBoundLatitude"),
                Decimal(box, "eastBoundLongitude"), Decimal(box, "northBoundLatitude")),
            ReferenceSystem = Text(md.Element(Gmd + "referenceSystemInfo")?.Descendants(Gmd + "code").FirstOrDefault()),
            Constraints = new ResourceConstraints { Licence = Text(identification.Descendants(Gmd + "otherConstraints").FirstOrDefault()) },
            Distribution = new Distribution(formats, links),
            Language = md.Element(Gmd + "language")?.Elements().FirstOrDefault() is { } language
                ? language.Attribute("codeListValue")?.Value ?? Text(md.Element(Gmd + "language")) ?? Languages.Vietnamese
                : Languages.Vietnamese,
            Modified = Instant(md.Element(Gmd + "dateStamp")?.Elements().FirstOrDefault()?.Value) ?? now,
            Workspace = workspace,
            ServiceType = identification.Element(Srv + "serviceType")?.Value.Trim(),
        };
    }

    private static string? Text(XElement? e) =>
        e?.Element(Gco + "CharacterString")?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static string Required(string? value, string element) =>
        string.IsNullOrWhiteSpace(value) ? throw CswException.Invalid("record", $"a record needs {element}.") : value.Trim();

    private static double Decimal(XElement box, string name) =>
        double.TryParse(box.Element(Gmd + name)?.Element(Gco + "Decimal")?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw CswException.Invalid("record", $"gmd:{name} is not a number.");

    private static BBox? OwsBox(XElement box)
    {
        var lower = box.Element(Ows + "LowerCorner")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var upper = box.Element(Ows + "UpperCorner")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (lower is not { Length: 2 } || upper is not { Length: 2 }) return null;
        var n = lower.Concat(upper).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // CSW writes EPSG:4326 latitude first unless the box says CRS84.
        bool lonFirst = box.Attribute("crs")?.Value.Contains("CRS84", StringComparison.OrdinalIgnoreCase) == true;
        return lonFirst ? new BBox(n[0], n[1], n[2], n[3]) : new BBox(n[1], n[0], n[3], n[2]);
    }

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
