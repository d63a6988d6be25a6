using System.Globalization;
using System.Xml;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Layers;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Writes a record as ISO 19139 gmd:MD_Metadata, elements in the order the gmd schema's sequences require:
/// identification (MD_DataIdentification for datasets, srv:SV_ServiceIdentification for services) with citation,
/// abstract, contacts, maintenance, keywords per thesaurus, licence and security constraints, resolution, language,
/// topic categories and extents; then distribution with online resources and data quality with lineage. Translated
/// texts are PT_FreeText against a PT_Locale per language. The brief element set stops after identification's
/// title and extent, as the ISO application profile's brief set does.
/// </summary>
public static class Iso19139Writer
{
    private const string Gmd = CswNamespaces.Gmd, Gco = CswNamespaces.Gco, Srv = CswNamespaces.Srv, Gml = CswNamespaces.Gml;
    private const string CodeLists = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#";

    public static void Write(XmlWriter xml, MetadataRecord r, string elementSet, string serverRoot)
    {
        bool brief = elementSet == CswNames.Brief;
        var locales = r.Title.Translations?.Keys.Concat(r.Abstract?.Translations?.Keys ?? []).Distinct().Order().ToList() ?? [];
        xml.WriteStartElement("gmd", "MD_Metadata", Gmd);
        Text(xml, "fileIdentifier", r.Id);
        Language(xml, r.Language);
        Code(xml, "characterSet", "MD_CharacterSetCode", "utf8");
        Code(xml, "hierarchyLevel", "MD_ScopeCode", MetadataCodes.Code(r.Type));
        foreach (var contact in r.Contacts.Where(c => c.Role == RoleCode.Publisher).DefaultIfEmpty(r.Contacts.FirstOrDefault()).OfType<ResponsibleParty>())
            Party(xml, "contact", contact with { Role = RoleCode.PointOfContact });
        Start(xml, "dateStamp");
        xml.WriteElementString("gco", "DateTime", Gco, r.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        Text(xml, "metadataStandardName", "ISO 19115:2003/19139");
        Text(xml, "metadataStandardVersion", "1.0");
        foreach (var code in locales)
        {
            Start(xml, "locale");
            xml.WriteStartElement("gmd", "PT_Locale", Gmd);
            xml.WriteAttributeString("id", LocaleId(code));
            Start(xml, "languageCode");
            CodeValue(xml, "LanguageCode", code);
            xml.WriteEndElement();
            Code(xml, "characterEncoding", "MD_CharacterSetCode", "utf8");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (r.ReferenceSystem is { } crs && !brief)
        {
            Start(xml, "referenceSystemInfo");
            Start(xml, "MD_ReferenceSystem");
            Start(xml, "referenceSystemIdentifier");
            Start(xml, "RS_Identifier");
            Text(xml, "code", crs);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        Identification(xml, r, brief, serverRoot);
        if (!brief)
        {
            Distribution(xml, r, serverRoot);
            Quality(xml, r);
        }
        xml.WriteEndElement();
    }

    private static void Identification(XmlWriter xml, MetadataRecord r, bool brief, string serverRoot)
    {
        bool service = r.Type == RecordType.Service;
        Start(xml, "identificationInfo");
        if (service) xml.WriteStartElement("srv", "SV_ServiceIdentification", Srv);
        else Start(xml, "MD_DataIdentification");
        Start(xml, "citation");
        Start(xml, "CI_Citation");
        Free(xml, "title", r.Title);
        CitationDate(xml, r.Modified, "revision");
        xml.WriteEndElement();
        xml.WriteEndElement();
        Free(xml, "abstract", r.Abstract ?? r.Title);
        if (!brief)
        {
            if (r.Constraints.UseLimitation is { } credit) Free(xml, "credit", credit);
            foreach (var party in r.Contacts) Party(xml, "pointOfContact", party);
            Maintenance(xml, r);
            foreach (var set in r.Keywords.Where(k => k.Words.Count > 0)) Keywords(xml, set, r.Modified);
            Constraints(xml, r.Constraints);
        }
        if (service)
        {
            xml.WriteStartElement("srv", "serviceType", Srv);
            xml.WriteElementString("gco", "LocalName", Gco, r.ServiceType ?? "other");
            xml.WriteEndElement();
            Extent(xml, r, "srv", Srv);
            xml.WriteStartElement("srv", "couplingType", Srv);
            xml.WriteStartElement("srv", "SV_CouplingType", Srv);
            xml.WriteAttributeString("codeList", CodeLists + "SV_CouplingType");
            xml.WriteAttributeString("codeListValue", "loose");
            xml.WriteString("loose");
            xml.WriteEndElement();
            xml.WriteEndElement();
            foreach (var link in r.Distribution.Links.Take(1)) ServiceOperation(xml, link, serverRoot);
        }
        else
        {
            if (!brief && r.Resolution is { ScaleDenominator: { } scale })
            {
                Start(xml, "spatialResolution");
                Start(xml, "MD_Resolution");
                Start(xml, "equivalentScale");
                Start(xml, "MD_RepresentativeFraction");
                Start(xml, "denominator");
                xml.WriteElementString("gco", "Integer", Gco, scale.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            Language(xml, r.Language);
            if (!brief)
                foreach (var topic in r.TopicCategories)
                {
                    Start(xml, "topicCategory");
                    xml.WriteElementString("gmd", "MD_TopicCategoryCode", Gmd, MetadataCodes.Code(topic));
                    xml.WriteEndElement();
                }
            Extent(xml, r, "gmd", Gmd);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void ServiceOperation(XmlWriter xml, OnlineResource link, string serverRoot)
    {
        xml.WriteStartElement("srv", "containsOperations", Srv);
        xml.WriteStartElement("srv", "SV_OperationMetadata", Srv);
        xml.WriteStartElement("srv", "operationName", Srv);
        xml.WriteElementString("gco", "CharacterString", Gco, "GetCapabilities");
        xml.WriteEndElement();
        xml.WriteStartElement("srv", "DCP", Srv);
        xml.WriteStartElement("srv", "DCPList", Srv);
        xml.WriteAttributeString("codeList", CodeLists + "DCPList");
        xml.WriteAttributeString("codeListValue", "WebServices");
        xml.WriteString("WebServices");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("srv", "connectPoint", Srv);
        Start(xml, "CI_OnlineResource");
        Start(xml, "linkage");
        xml.WriteElementString("gmd", "URL", Gmd, link.Resolve(serverRoot));
        xml.WriteEndElement();
        Text(xml, "protocol", link.Protocol);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Maintenance(XmlWriter xml, MetadataRecord r)
    {
        Start(xml, "resourceMaintenance");
        Start(xml, "MD_MaintenanceInformation");
        Code(xml, "maintenanceAndUpdateFrequency", "MD_MaintenanceFrequencyCode", MetadataCodes.Code(r.UpdateFrequency));
        if (r.NextReview is { } next)
        {
            Start(xml, "dateOfNextUpdate");
            xml.WriteElementString("gco", "Date", Gco, next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Keywords(XmlWriter xml, KeywordSet set, DateTimeOffset date)
    {
        Start(xml, "descriptiveKeywords");
        Start(xml, "MD_Keywords");
        foreach (var word in set.Words) Free(xml, "keyword", word);
        if (set.Type is not null) Code(xml, "type", "MD_KeywordTypeCode", set.Type);
        if (set.Thesaurus is not null)
        {
            Start(xml, "thesaurusName");
            Start(xml, "CI_Citation");
            Text(xml, "title", set.Thesaurus);
            CitationDate(xml, date, "publication");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Constraints(XmlWriter xml, ResourceConstraints c)
    {
        Start(xml, "resourceConstraints");
        Start(xml, "MD_LegalConstraints");
        if (c.UseLimitation is { } use) Free(xml, "useLimitation", use);
        Code(xml, "accessConstraints", "MD_RestrictionCode", c.Access == AccessLevel.Open ? "otherRestrictions" : "restricted");
        if (c.Licence is not null)
        {
            Code(xml, "useConstraints", "MD_RestrictionCode", "license");
            Text(xml, "otherConstraints", c.LicenceUrl is null ? c.Licence : $"{c.Licence} ({c.LicenceUrl})");
        }
        else Text(xml, "otherConstraints", c.Access == AccessLevel.Open ? "no limitations to public access" : "access limited to authorised users");
        xml.WriteEndElement();
        xml.WriteEndElement();
        Start(xml, "resourceConstraints");
        Start(xml, "MD_SecurityConstraints");
        Code(xml, "classification", "MD_ClassificationCode", c.Access == AccessLevel.Open ? "unclassified" : "restricted");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Extent(XmlWriter xml, MetadataRecord r, string prefix, string ns)
    {
        if (r.Extent is null && r.Time is null) return;
        xml.WriteStartElement(prefix, "extent", ns);
        Start(xml, "EX_Extent");
        if (r.Extent is { } box)
        {
            Start(xml, "geographicElement");
            Start(xml, "EX_GeographicBoundingBox");
            Decimal(xml, "westBoundLongitude", box.MinX);
            Decimal(xml, "eastBoundLongitude", box.MaxX);
            Decimal(xml, "southBoundLatitude", box.MinY);
            Decimal(xml, "northBoundLatitude", box.MaxY);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (r.Time is { } time)
        {
            Start(xml, "temporalElement");
            Start(xml, "EX_TemporalExtent");
            Start(xml, "extent");
            xml.WriteStartElement("gml", "TimePeriod", Gml);
            xml.WriteAttributeString("gml", "id", Gml, "extent-time");
            Position(xml, "beginPosition", time.Begin);
            Position(xml, "endPosition", time.End);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Position(XmlWriter xml, string name, string? instant)
    {
        xml.WriteStartElement("gml", name, Gml);
        if (instant is null) xml.WriteAttributeString("indeterminatePosition", "unknown");
        else xml.WriteString(instant);
        xml.WriteEndElement();
    }

    private static void Distribution(XmlWriter xml, MetadataRecord r, string serverRoot)
    {
        if (r.Distribution.Links.Count == 0 && r.Distribution.Formats.Count == 0) return;
        Start(xml, "distributionInfo");
        Start(xml, "MD_Distribution");
        foreach (var format in r.Distribution.Formats)
        {
            Start(xml, "distributionFormat");
            Start(xml, "MD_Format");
            Text(xml, "name", format);
            Start(xml, "version");
            xml.WriteAttributeString("gco", "nilReason", Gco, "inapplicable");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        Start(xml, "transferOptions");
        Start(xml, "MD_DigitalTransferOptions");
        foreach (var link in r.Distribution.Links)
        {
            Start(xml, "onLine");
            Start(xml, "CI_OnlineResource");
            Start(xml, "linkage");
            xml.WriteElementString("gmd", "URL", Gmd, link.Resolve(serverRoot));
            xml.WriteEndElement();
            Text(xml, "protocol", link.Protocol);
            if (link.Name is not null) Text(xml, "name", link.Name);
            if (link.Description is not null) Text(xml, "description", link.Description);
            if (link.Function is not null) Code(xml, "function", "CI_OnLineFunctionCode", link.Function);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Quality(XmlWriter xml, MetadataRecord r)
    {
        if (r.Lineage is null && r.QualityStatement is null) return;
        Start(xml, "dataQualityInfo");
        Start(xml, "DQ_DataQuality");
        Start(xml, "scope");
        Start(xml, "DQ_Scope");
        Code(xml, "level", "MD_ScopeCode", MetadataCodes.Code(r.Type));
        xml.WriteEndElement();
        xml.WriteEndElement();
        if (r.QualityStatement is { } statement)
        {
            // DQ_Element needs a result; a conformance result's explanation carries a free-text statement.
            Start(xml, "report");
            Start(xml, "DQ_CompletenessOmission");
            Start(xml, "result");
            Start(xml, "DQ_ConformanceResult");
            Start(xml, "specification");
            Start(xml, "CI_Citation");
            Text(xml, "title", "Data quality statement");
            CitationDate(xml, r.Modified, "publication");
            xml.WriteEndElement();
            xml.WriteEndElement();
            Free(xml, "explanation", statement);
            Start(xml, "pass");
            xml.WriteAttributeString("gco", "nilReason", Gco, "unknown");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (r.Lineage is { } lineage)
        {
            Start(xml, "lineage");
            Start(xml, "LI_Lineage");
            Free(xml, "statement", lineage);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Party(XmlWriter xml, string role, ResponsibleParty p)
    {
        Start(xml, role);
        Start(xml, "CI_ResponsibleParty");
        if (p.Individual is not null) Text(xml, "individualName", p.Individual);
        Free(xml, "organisationName", p.Organisation);
        if (p.Position is not null) Text(xml, "positionName", p.Position);
        Start(xml, "contactInfo");
        Start(xml, "CI_Contact");
        if (p.Phone is not null)
        {
            Start(xml, "phone");
            Start(xml, "CI_Telephone");
            Text(xml, "voice", p.Phone);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        Start(xml, "address");
        Start(xml, "CI_Address");
        if (p.City is not null) Text(xml, "city", p.City);
        if (p.Country is not null) Text(xml, "country", p.Country);
        if (p.Email is not null) Text(xml, "electronicMailAddress", p.Email);
        xml.WriteEndElement();
        xml.WriteEndElement();
        if (p.Url is not null)
        {
            Start(xml, "onlineResource");
            Start(xml, "CI_OnlineResource");
            Start(xml, "linkage");
            xml.WriteElementString("gmd", "URL", Gmd, p.Url);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        Code(xml, "role", "CI_RoleCode", MetadataCodes.Code(p.Role));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void CitationDate(XmlWriter xml, DateTimeOffset date, string type)
    {
        Start(xml, "date");
        Start(xml, "CI_Date");
        Start(xml, "date");
        xml.WriteElementString("gco", "DateTime", Gco, date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        Code(xml, "dateType", "CI_DateTypeCode", type);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Language(XmlWriter xml, string code)
    {
        Start(xml, "language");
        CodeValue(xml, "LanguageCode", code);
        xml.WriteEndElement();
    }

    private static void Start(XmlWriter xml, string name) => xml.WriteStartElement("gmd", name, Gmd);

    private static void Text(XmlWriter xml, string name, string value)
    {
        Start(xml, name);
        xml.WriteElementString("gco", "CharacterString", Gco, value);
        xml.WriteEndElement();
    }

    private static void Decimal(XmlWriter xml, string name, double value)
    {
        Start(xml, name);
        xml.WriteElementString("gco", "Decimal", Gco, value.ToString("R", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    /// <summary>A text, with its translations as PT_FreeText when it has any.</summary>
    private static void Free(XmlWriter xml, string name, LocalizedText text)
    {
        Start(xml, name);
        if (text.Translations is { Count: > 0 } translations)
            xml.WriteAttributeString("xsi", "type", CswNamespaces.Xsi, "gmd:PT_FreeText_PropertyType");
        xml.WriteElementString("gco", "CharacterString", Gco, text.Text);
        if (text.Translations is { Count: > 0 })
        {
            Start(xml, "PT_FreeText");
            foreach (var (code, value) in text.Translations)
            {
                Start(xml, "textGroup");
                Start(xml, "LocalisedCharacterString");
                xml.WriteAttributeString("locale", "#" + LocaleId(code));
                xml.WriteString(value);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string LocaleId(string code) => code.ToUpperInvariant();

    private static void Code(XmlWriter xml, string name, string codeList, string value)
    {
        Start(xml, name);
        CodeValue(xml, codeList, value);
        xml.WriteEndElement();
    }

    private static void CodeValue(XmlWriter xml, string codeList, string value)
    {
        Start(xml, codeList);
        xml.WriteAttributeString("codeList", CodeLists + codeList);
        xml.WriteAttributeString("codeListValue", value);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
