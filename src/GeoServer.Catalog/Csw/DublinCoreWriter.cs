using System.Globalization;
using System.Xml;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Spatial;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Writes a record in CSW 2.0.2's Dublin Core schema (record.xsd): csw:BriefRecord, csw:SummaryRecord or csw:Record,
/// elements in the order the schema's sequences require. Translations are repeated elements with xml:lang; links are
/// dct:references with the protocol as scheme (what QGIS MetaSearch and OWSLib read).
/// </summary>
public static class DublinCoreWriter
{
    private const string Dc = CswNamespaces.Dc, Dct = CswNamespaces.Dct, Csw = CswNamespaces.Csw, Ows = CswNamespaces.Ows;

    /// <summary>The CRS of ows:BoundingBox: EPSG:4326, latitude first, as CSW 2.0.2 catalogues write it.</summary>
    public const string BoundingBoxCrs = "urn:ogc:def:crs:EPSG::4326";

    public static void Write(XmlWriter xml, MetadataRecord r, string elementSet, string serverRoot)
    {
        xml.WriteStartElement("csw", elementSet switch { CswNames.Brief => "BriefRecord", CswNames.Summary => "SummaryRecord", _ => "Record" }, Csw);
        Element(xml, "dc", "identifier", Dc, r.Id);
        Localized(xml, "dc", "title", Dc, r.Title, r.Language);
        Element(xml, "dc", "type", Dc, MetadataCodes.Code(r.Type));
        if (elementSet != CswNames.Brief)
        {
            foreach (var k in r.AllKeywords) Localized(xml, "dc", "subject", Dc, k, r.Language);
            foreach (var t in r.TopicCategories) Element(xml, "dc", "subject", Dc, MetadataCodes.Code(t));
            foreach (var f in r.Distribution.Formats) Element(xml, "dc", "format", Dc, f);
            Element(xml, "dct", "modified", Dct, r.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (r.Abstract is not null) Localized(xml, "dct", "abstract", Dct, r.Abstract, r.Language);
        }
        if (elementSet == CswNames.Full)
        {
            foreach (var c in r.Contacts.Where(c => c.Role == RoleCode.Publisher)) Element(xml, "dc", "publisher", Dc, c.Organisation.Text);
            foreach (var c in r.Contacts.Where(c => c.Role != RoleCode.Publisher)) Element(xml, "dc", "contributor", Dc, c.Organisation.Text);
            Element(xml, "dc", "language", Dc, r.Language);
            if (r.Lineage is not null) Localized(xml, "dc", "source", Dc, r.Lineage, r.Language);
            if (r.Constraints.Licence is { } licence) Element(xml, "dc", "rights", Dc, licence);
            Element(xml, "dct", "accessRights", Dct, r.Constraints.Access.ToString().ToLowerInvariant());
            if (r.Constraints.UseLimitation is { } use) Element(xml, "dc", "rights", Dc, use.Text);
            if (r.Time is { } time) Element(xml, "dct", "temporal", Dct, $"{time.Begin ?? ".."}/{time.End ?? ".."}");
            foreach (var link in r.Distribution.Links)
            {
                xml.WriteStartElement("dct", "references", Dct);
                xml.WriteAttributeString("scheme", link.Protocol);
                xml.WriteString(link.Resolve(serverRoot));
                xml.WriteEndElement();
            }
        }
        if (r.Extent is { } box) BoundingBox(xml, box);
        xml.WriteEndElement();
    }

    /// <summary>ows:BoundingBox in EPSG:4326, latitude first.</summary>
    public static void BoundingBox(XmlWriter xml, BBox box)
    {
        xml.WriteStartElement("ows", "BoundingBox", Ows);
        xml.WriteAttributeString("crs", BoundingBoxCrs);
        xml.WriteAttributeString("dimensions", "2");
        xml.WriteElementString("ows", "LowerCorner", Ows, Pair(box.MinY, box.MinX));
        xml.WriteElementString("ows", "UpperCorner", Ows, Pair(box.MaxY, box.MaxX));
        xml.WriteEndElement();
    }

    private static string Pair(double a, double b) =>
        a.ToString("R", CultureInfo.InvariantCulture) + " " + b.ToString("R", CultureInfo.InvariantCulture);

    private static void Element(XmlWriter xml, string prefix, string name, string ns, string value) =>
        xml.WriteElementString(prefix, name, ns, value);

    private static void Localized(XmlWriter xml, string prefix, string name, string ns, LocalizedText text, string language)
    {
        Tagged(text.Text, language);
        foreach (var (code, translation) in text.Translations ?? new Dictionary<string, string>())
            Tagged(translation, code);

        void Tagged(string value, string code)
        {
            xml.WriteStartElement(prefix, name, ns);
            if (text.Translations is not null) xml.WriteAttributeString("xml", "lang", null, Languages.Tag(code));
            xml.WriteString(value);
            xml.WriteEndElement();
        }
    }
}
