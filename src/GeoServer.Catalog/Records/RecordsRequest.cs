using System.Globalization;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;
using GeoServer.Core.Api;
using GeoServer.Core.Filtering;
using GeoServer.Core.Spatial;
using Microsoft.AspNetCore.Http;
using SortKey = GeoServer.Catalog.Search.SortKey;

namespace GeoServer.Catalog.Records;

/// <summary>
/// Reads the query parameters of /collections/catalog/items (OGC API – Records Part 1 record-core query parameters,
/// sorting and filtering) into a <see cref="SearchQuery"/>; a bad value is a 400 naming the parameter.
/// </summary>
public static class RecordsRequest
{
    private static readonly HashSet<string> Known = new(
        ["f", "q", "bbox", "datetime", "type", "externalIds", "ids", "filter", "filter-lang", "sortby", "limit", "offset", "facets"],
        StringComparer.Ordinal);

    public static SearchQuery Parse(IQueryCollection query, CatalogOptions options)
    {
        foreach (var key in query.Keys)
            if (!Known.Contains(key))
                throw ApiException.BadParameter(key, $"unknown parameter; use {string.Join(", ", Known)}.");
        string? Get(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;

        int limit = Integer(Get("limit"), "limit", 1) ?? options.DefaultRecords;
        return new SearchQuery
        {
            Text = Get("q"),
            BBox = Get("bbox") is { } bbox ? Box(bbox) : null,
            Time = Get("datetime") is { } datetime ? Interval(datetime) : null,
            Types = Get("type")?.Split(',').Select(t => MetadataCodes.Parse<RecordType>(t.Trim())
                ?? throw ApiException.BadParameter("type", $"'{t}' is not a record type; use dataset, nonGeographicDataset, series or service.")).ToList(),
            Ids = (Get("ids") ?? Get("externalIds"))?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            Filter = Get("filter") is { } filter ? Filter(filter, Get("filter-lang")) : null,
            SortBy = Get("sortby") is { } sortby ? Sort(sortby) : [],
            Offset = Integer(Get("offset"), "offset", 0) ?? 0,
            Limit = Math.Min(limit, options.MaxRecords),
            Facets = Get("facets") is "true",
        };
    }

    private static int? Integer(string? text, string name, int min) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min ? n
        : throw ApiException.BadParameter(name, $"'{text}' is not a whole number of at least {min}.");

    private static BBox Box(string text)
    {
        var parts = text.Split(',');
        var n = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if ((n.Length != 4 && n.Length != 6) || n.Any(double.IsNaN))
            throw ApiException.BadParameter("bbox", "four numbers (or six with heights): minLon,minLat,maxLon,maxLat in CRS84.");
        var box = n.Length == 4 ? new BBox(n[0], n[1], n[2], n[3]) : new BBox(n[0], n[1], n[3], n[4]);
        if (box.MinY > box.MaxY) throw ApiException.BadParameter("bbox", "the lower latitude is above the upper one.");
        return box;
    }

    private static (DateTimeOffset?, DateTimeOffset?) Interval(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2) throw ApiException.BadParameter("datetime", "an instant or an interval start/end, with '..' for an open end.");
        var start = Instant(parts[0]);
        var end = parts.Length == 2 ? Instant(parts[1]) : start;
        if (start > end) throw ApiException.BadParameter("datetime", "the interval ends before it starts.");
        return (start, end);

        static DateTimeOffset? Instant(string t) =>
            t is ".." or "" ? null
            : DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v
            : throw ApiException.BadParameter("datetime", $"'{t}' is not an RFC 3339 date-time or date.");
    }

    private static CqlExpression Filter(string text, string? language)
    {
        try
        {
            return language switch
            {
                null or "cql2-text" => CqlTextParser.Parse(text, Queryables.Schema),
                "cql2-json" => CqlJsonParser.Parse(text, Queryables.Schema),
                _ => throw ApiException.BadParameter("filter-lang", $"'{language}' is not offered; use cql2-text or cql2-json."),
            };
        }
        catch (CqlException e)
        {
            throw ApiException.BadParameter("filter", e.Message);
        }
    }

    private static List<SortKey> Sort(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(item =>
        {
            bool descending = item.StartsWith('-');
            var name = item.TrimStart('-', '+');
            var field = name switch
            {
                Queryables.Title => SortField.Title,
                Queryables.Updated or Queryables.Modified => SortField.Modified,
                Queryables.Id or Queryables.Identifier => SortField.Identifier,
                Queryables.Type => SortField.Type,
                Queryables.Workspace => SortField.Workspace,
                _ => throw ApiException.BadParameter("sortby", $"'{name}' is not sortable; use title, updated, id, type or workspace."),
            };
            return new SortKey(field, descending);
        }).ToList();
}
