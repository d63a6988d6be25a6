using System.Xml.Linq;
using GeoServer.Catalog.Search;
using GeoServer.Core.Filtering;

namespace GeoServer.Catalog.Csw;

/// <summary>A GetRecords request, from KVP or XML (CSW 2.0.2 10.8): what to find, in what order, which page, written how.</summary>
public sealed record GetRecordsRequest
{
    public required string ResultType { get; init; }
    public required CswOutput Output { get; init; }

    /// <summary>1-based position of the first record returned.</summary>
    public int StartPosition { get; init; } = 1;
    public int MaxRecords { get; init; } = 10;
    public CqlExpression? Constraint { get; init; }
    public IReadOnlyList<SortKey> SortBy { get; init; } = [];
    public string? RequestId { get; init; }

    public static GetRecordsRequest FromKvp(CswRequest request)
    {
        CswParameters.CheckTypeNames((request.Get("typeNames") ?? CswNames.RecordTypeName).Split(','), "typeNames");
        CswParameters.CheckOutputFormat(request.Get("outputFormat"));
        var language = request.Get("constraintLanguage");
        var text = request.Get("constraint");
        CqlExpression? constraint = null;
        if (text is not null)
            constraint = language?.ToUpperInvariant() switch
            {
                CswNames.CqlText => CqlTextConstraint.Parse(text),
                CswNames.Filter => FilterXml.Parse(SafeXml.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))).Root!, request.Crs),
                null => throw CswException.Missing("constraintLanguage"),
                _ => throw CswException.Invalid("constraintLanguage", $"'{language}' is not offered; use FILTER or CQL_TEXT."),
            };
        return new GetRecordsRequest
        {
            ResultType = ResultTypeOf(request.Get("resultType")),
            Output = CswOutput.Parse(request.Get("outputSchema"), request.Get("ElementSetName") ?? (request.Get("ElementName") is null ? null : CswNames.Full), CswNames.Summary),
            StartPosition = CswXml.Integer(request.Get("startPosition"), "startPosition", 1) ?? 1,
            MaxRecords = CswXml.Integer(request.Get("maxRecords"), "maxRecords", 0) ?? request.Catalog.Options.DefaultRecords,
            Constraint = constraint,
            SortBy = request.Get("sortBy") is { } sortBy ? SortKvp(sortBy) : [],
            RequestId = request.Get("requestId"),
        };
    }

    public static GetRecordsRequest FromXml(XElement root, CswRequest request)
    {
        var query = root.Element(CswXml.Csw + "Query") ?? throw CswException.Missing("Query");
        CswParameters.CheckTypeNames((CswXml.Attribute(query, "typeNames") ?? CswNames.RecordTypeName).Split(' ', ','), "typeNames");
        CswParameters.CheckOutputFormat(CswXml.Attribute(root, "outputFormat"));
        CqlExpression? constraint = null;
        if (query.Element(CswXml.Csw + "Constraint") is { } c)
        {
            if (c.Element(CswXml.Ogc + "Filter") is { } filter) constraint = FilterXml.Parse(filter, request.Crs);
            else if (c.Element(CswXml.Csw + "CqlText") is { } cql) constraint = CqlTextConstraint.Parse(cql.Value);
            else throw CswException.Invalid("Constraint", "a constraint holds ogc:Filter or csw:CqlText.");
        }
        string? elementSet = query.Element(CswXml.Csw + "ElementSetName")?.Value.Trim()
            ?? (query.Element(CswXml.Csw + "ElementName") is null ? null : CswNames.Full);
        return new GetRecordsRequest
        {
            ResultType = ResultTypeOf(CswXml.Attribute(root, "resultType")),
            Output = CswOutput.Parse(CswXml.Attribute(root, "outputSchema"), elementSet, CswNames.Summary),
            StartPosition = CswXml.Integer(CswXml.Attribute(root, "startPosition"), "startPosition", 1) ?? 1,
            MaxRecords = CswXml.Integer(CswXml.Attribute(root, "maxRecords"), "maxRecords", 0) ?? request.Catalog.Options.DefaultRecords,
            Constraint = constraint,
            SortBy = query.Element(CswXml.Ogc + "SortBy") is { } sort ? SortXml(sort) : [],
            RequestId = CswXml.Attribute(root, "requestId"),
        };
    }

    // CSW 2.0.2 10.8.4.4: without resultType, only the number of matches is returned.
    private static string ResultTypeOf(string? value) =>
        value is null ? CswNames.Hits
        : CswParameters.ResultTypes.FirstOrDefault(t => t.Equals(value, StringComparison.OrdinalIgnoreCase))
          ?? throw CswException.Invalid("resultType", $"'{value}' is not a result type; use hits, results or validate.");

    /// <summary>"dc:title:A,dct:modified:D" (10.8.4.9): names keep their prefixes, so the order is after the last colon.</summary>
    private static List<SortKey> SortKvp(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(item =>
        {
            int colon = item.LastIndexOf(':');
            var order = colon > 0 ? item[(colon + 1)..] : "";
            bool hasOrder = order is "A" or "D" or "a" or "d";
            return new SortKey(CswQueryables.SortField(hasOrder ? item[..colon] : item), hasOrder && order.Equals("D", StringComparison.OrdinalIgnoreCase));
        }).ToList();

    private static List<SortKey> SortXml(XElement sortBy) => sortBy.Elements(CswXml.Ogc + "SortProperty")
        .Select(p => new SortKey(
            CswQueryables.SortField(p.Element(CswXml.Ogc + "PropertyName")?.Value ?? throw CswException.Missing("SortProperty/PropertyName")),
            p.Element(CswXml.Ogc + "SortOrder")?.Value.Trim().ToUpperInvariant() is "DESC" or "D"))
        .ToList();
}
