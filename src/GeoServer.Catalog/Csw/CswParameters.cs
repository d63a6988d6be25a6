namespace GeoServer.Catalog.Csw;

/// <summary>
/// The values each operation's parameters take, written once: the capabilities announce them, GetDomain answers
/// with them (ParameterName "GetRecords.resultType"), and the parsers check against them.
/// </summary>
public static class CswParameters
{
    public static readonly string[] TypeNames = [CswNames.RecordTypeName, CswNames.IsoTypeName];
    public static readonly string[] OutputSchemas = [CswNamespaces.Csw, CswNamespaces.Gmd];
    public static readonly string[] OutputFormats = [CswNames.XmlMediaType];
    public static readonly string[] ResultTypes = [CswNames.Hits, CswNames.Results, CswNames.Validate];
    public static readonly string[] ElementSets = [CswNames.Brief, CswNames.Summary, CswNames.Full];
    public static readonly string[] ConstraintLanguages = [CswNames.Filter, CswNames.CqlText];
    public static readonly string[] SchemaLanguages = ["http://www.w3.org/XML/Schema"];
    public static readonly string[] Sections = ["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "Filter_Capabilities"];

    /// <summary>Parameters with a fixed domain, by operation.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> ByOperation =
        new Dictionary<string, IReadOnlyDictionary<string, string[]>>
        {
            [CswNames.GetCapabilities] = new Dictionary<string, string[]> { ["sections"] = Sections },
            [CswNames.DescribeRecord] = new Dictionary<string, string[]>
            {
                ["typeName"] = TypeNames, ["outputFormat"] = OutputFormats, ["schemaLanguage"] = SchemaLanguages,
            },
            [CswNames.GetRecords] = new Dictionary<string, string[]>
            {
                ["typeNames"] = TypeNames, ["outputSchema"] = OutputSchemas, ["outputFormat"] = OutputFormats,
                ["resultType"] = ResultTypes, ["ElementSetName"] = ElementSets, ["CONSTRAINTLANGUAGE"] = ConstraintLanguages,
            },
            [CswNames.GetRecordById] = new Dictionary<string, string[]>
            {
                ["outputSchema"] = OutputSchemas, ["outputFormat"] = OutputFormats, ["ElementSetName"] = ElementSets,
            },
            [CswNames.GetDomain] = new Dictionary<string, string[]>(),
            [CswNames.Transaction] = new Dictionary<string, string[]>(),
            [CswNames.Harvest] = new Dictionary<string, string[]> { ["ResourceType"] = [.. OutputSchemas, Catalog.Harvest.HarvestSource.WmsNamespace] },
        };

    /// <summary>The values of "Operation.parameter" (case-insensitive), or null when it has no fixed domain.</summary>
    public static string[]? Domain(string qualifiedName)
    {
        int dot = qualifiedName.IndexOf('.');
        if (dot < 0) return null;
        var operation = ByOperation.Keys.FirstOrDefault(o => o.Equals(qualifiedName[..dot], StringComparison.OrdinalIgnoreCase));
        if (operation is null) return null;
        var parameter = ByOperation[operation].Keys.FirstOrDefault(p => p.Equals(qualifiedName[(dot + 1)..], StringComparison.OrdinalIgnoreCase));
        return parameter is null ? null : ByOperation[operation][parameter];
    }

    /// <summary>Checks that a type name is offered.</summary>
    public static void CheckTypeNames(IEnumerable<string> names, string locator)
    {
        foreach (var name in names)
            if (!TypeNames.Any(t => LocalName(t).Equals(LocalName(name), StringComparison.OrdinalIgnoreCase)))
                throw CswException.Invalid(locator, $"'{name}' is not a record type here; use {string.Join(" or ", TypeNames)}.");
    }

    /// <summary>Checks outputFormat (only XML is offered).</summary>
    public static void CheckOutputFormat(string? format)
    {
        if (format is not null && !OutputFormats.Contains(format.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase) && format != "text/xml")
            throw CswException.Invalid("outputFormat", $"'{format}' is not offered; use {CswNames.XmlMediaType}.");
    }

    private static string LocalName(string name) => name[(name.IndexOf(':') + 1)..].Trim();
}
