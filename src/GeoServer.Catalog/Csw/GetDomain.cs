using System.Globalization;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW GetDomain (10.7): the values a request parameter takes ("GetRecords.resultType", from
/// <see cref="CswParameters"/>), or the values a queryable has among the records the caller may see, with counts.
/// </summary>
public static class GetDomain
{
    private static readonly Dictionary<string, Func<MetadataRecord, IEnumerable<string>>> Values = new(StringComparer.Ordinal)
    {
        [Queryables.Type] = r => [MetadataCodes.Code(r.Type)],
        [Queryables.Subject] = r => r.AllKeywords.Select(k => k.Text).Concat(r.TopicCategories.Select(MetadataCodes.Code)),
        [Queryables.TopicCategory] = r => r.TopicCategories.Select(MetadataCodes.Code),
        [Queryables.Format] = r => r.Distribution.Formats,
        [Queryables.Language] = r => [r.Language],
        [Queryables.Crs] = r => r.ReferenceSystem is null ? [] : [r.ReferenceSystem],
        [Queryables.ServiceType] = r => r.ServiceType is null ? [] : [r.ServiceType],
        [Queryables.Organisation] = r => r.Contacts.Select(c => c.Organisation.Text),
        [Queryables.Title] = r => [r.Title.Text],
        [Queryables.Identifier] = r => [r.Id],
        [Queryables.Workspace] = r => r.Workspace is null ? [] : [r.Workspace],
    };

    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        string? parameter, property;
        if (request.Body is { } body)
        {
            parameter = body.Element(CswXml.Csw + "ParameterName")?.Value.Trim();
            property = body.Element(CswXml.Csw + "PropertyName")?.Value.Trim();
        }
        else
        {
            parameter = request.Get("ParameterName");
            property = request.Get("PropertyName");
        }
        if (parameter is null && property is null) throw CswException.Missing("ParameterName");

        var output = new XmlOutput(request.Http.Response);
        await using (output)
        {
            var xml = output.Xml;
            xml.WriteStartElement("csw", "GetDomainResponse", CswNamespaces.Csw);
            foreach (var name in (parameter ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var domain = CswParameters.Domain(name) ?? throw CswException.Invalid("ParameterName", $"'{name}' is not a parameter with a domain here.");
                Domain(xml, "ParameterName", name, domain.Select(v => (v, (int?)null)));
            }
            IReadOnlyList<MetadataRecord>? all = null;   // searched once, for the first property asked
            foreach (var name in (property ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var queryable = CswQueryables.Resolve(name);
                if (queryable is null || !Values.TryGetValue(queryable, out var values))
                    throw CswException.Invalid("PropertyName", $"'{name}' has no domain here; ask for dc:type, dc:subject, dc:format or apiso:TopicCategory.");
                all ??= request.Search(new SearchQuery { Limit = int.MaxValue }).Records;
                var counted = all.SelectMany(values).GroupBy(v => v, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (int?)g.Count()));
                Domain(xml, "PropertyName", name, counted);
            }
            xml.WriteEndElement();
            await output.CompleteAsync(ct);
        }
    }

    private static void Domain(System.Xml.XmlWriter xml, string kind, string name, IEnumerable<(string Value, int? Count)> values)
    {
        xml.WriteStartElement("csw", "DomainValues", CswNamespaces.Csw);
        xml.WriteAttributeString("type", CswNames.RecordTypeName);
        xml.WriteElementString("csw", kind, CswNamespaces.Csw, name);
        xml.WriteStartElement("csw", "ListOfValues", CswNamespaces.Csw);
        foreach (var (value, count) in values)
        {
            xml.WriteStartElement("csw", "Value", CswNamespaces.Csw);
            if (count is { } n) xml.WriteAttributeString("count", n.ToString(CultureInfo.InvariantCulture));
            xml.WriteString(value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
