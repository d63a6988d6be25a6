using GeoServer.Catalog.Search;
using GeoServer.Core.Filtering;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// The queryables of CSW 2.0.2 (Dublin Core, 10.8.4.11) and of the ISO application profile (apiso:), by local name
/// whatever the prefix ("csw:AnyText", "dc:title", "apiso:Subject"), mapped onto the index's <see cref="Queryables"/>.
/// </summary>
public static class CswQueryables
{
    private static readonly Dictionary<string, string> ByLocalName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AnyText"] = Queryables.AnyText,
        ["Title"] = Queryables.Title,
        ["Abstract"] = Queryables.Abstract,
        ["Description"] = Queryables.Abstract,
        ["Subject"] = Queryables.Subject,
        ["Keywords"] = Queryables.Subject,
        ["Type"] = Queryables.Type,
        ["Modified"] = Queryables.Modified,
        ["Identifier"] = Queryables.Identifier,
        ["Format"] = Queryables.Format,
        ["TopicCategory"] = Queryables.TopicCategory,
        ["OrganisationName"] = Queryables.Organisation,
        ["Publisher"] = Queryables.Organisation,
        ["ServiceType"] = Queryables.ServiceType,
        ["Language"] = Queryables.Language,
        ["ResourceLanguage"] = Queryables.Language,
        ["CRS"] = Queryables.Crs,
        ["BoundingBox"] = Queryables.Geometry,
        ["Envelope"] = Queryables.Geometry,
    };

    /// <summary>The Dublin Core names offered to GetDomain and in the capabilities, as clients write them.</summary>
    public static readonly string[] DublinCore =
        ["csw:AnyText", "dc:title", "dct:abstract", "dc:subject", "dc:type", "dct:modified", "dc:identifier", "dc:format", "ows:BoundingBox"];

    /// <summary>The ISO application profile names offered in the capabilities.</summary>
    public static readonly string[] Iso =
        ["apiso:Subject", "apiso:Title", "apiso:Abstract", "apiso:AnyText", "apiso:Format", "apiso:Identifier", "apiso:Modified",
         "apiso:Type", "apiso:BoundingBox", "apiso:CRS", "apiso:TopicCategory", "apiso:OrganisationName", "apiso:ServiceType", "apiso:Language"];

    /// <summary>The index queryable of a CSW name (also the last step of an XPath such as "csw:Record/dc:title"), or null.</summary>
    public static string? Resolve(string name)
    {
        var last = name.Trim();
        last = last[(last.LastIndexOf('/') + 1)..];
        last = last[(last.IndexOf(':') + 1)..];
        return ByLocalName.GetValueOrDefault(last);
    }

    /// <summary>The property a filter names; a <see cref="CswException"/> naming the unknown one.</summary>
    public static PropertyRef Property(string name, string locator)
    {
        var queryable = Resolve(name)
            ?? throw CswException.Invalid(locator, $"'{name}' is not a queryable; use one of {string.Join(", ", DublinCore)}.");
        return queryable == Queryables.Geometry
            ? new PropertyRef(Queryables.Geometry, null)
            : new PropertyRef(queryable, Queryables.Schema.Find(queryable));
    }

    /// <summary>The order a sortBy name gives.</summary>
    public static SortField SortField(string name) => Resolve(name) switch
    {
        Queryables.Title => Search.SortField.Title,
        Queryables.Modified => Search.SortField.Modified,
        Queryables.Identifier => Search.SortField.Identifier,
        Queryables.Type => Search.SortField.Type,
        _ => throw CswException.Invalid("sortBy", $"results cannot be sorted by '{name}'; use dc:title, dct:modified, dc:identifier or dc:type."),
    };
}
