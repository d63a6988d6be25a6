using System.Globalization;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Features;

/// <summary>
/// Turns the query string of /collections/{id}/items into an <see cref="ItemsRequest"/>, answering 400 naming
/// the parameter for anything invalid or unknown (OGC API Features /req/core/query-param-invalid and -unknown).
/// </summary>
public static class ItemsQueryParser
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "f", "limit", "offset", PageCursor.Name, BBoxParameter.Name, "bbox-crs", "crs", DatetimeParameter.Name,
        FilterParameter.Name, FilterParameter.LangName, FilterParameter.CrsName, SortByParameter.Name, PropertiesParameter.Name,
    };

    public static ItemsRequest Parse(IQueryCollection query, LayerInfo layer, ServerOptions server, CrsRegistry crs)
    {
        var filters = new List<PropertyEquals>();
        foreach (var (name, value) in query)
        {
            if (Known.Contains(name)) continue;
            var property = layer.Schema.Find(name);
            if (property is null || !Queryables.Contains(layer, name))
                throw new OgcException(400, "Bad Request",
                    $"Unknown query parameter '{name}'. Queryable properties of '{layer.Id}': {string.Join(", ", Queryables.Of(layer).Select(p => p.Name))}.",
                    name);
            filters.Add(new PropertyEquals(property, ConvertValue(name, value.ToString(), property.Type)));
        }

        int limit = ParseLimit(query["limit"], server);
        long offset = ParseOffset(query["offset"]);
        PageCursor? cursor = null;
        if (query.TryGetValue(PageCursor.Name, out var cursorText))
            cursor = PageCursor.TryDecode(cursorText.ToString())
                     ?? throw OgcException.BadParameter(PageCursor.Name, "not a cursor issued by this server; follow the 'next' link as given.");

        var outputCrs = ParseCrs(query, "crs", layer, crs) ?? DefaultCrs(layer, crs);
        var sortBy = SortByParameter.Parse(query[SortByParameter.Name], layer);
        var request = new FeatureQuery
        {
            Filter = FilterParameter.Parse(query, layer, crs),
            SortBy = sortBy,
            Limit = limit,
            Offset = cursor is null || sortBy.Count > 0 ? (cursor?.Position ?? offset) : 0,
            AfterKey = sortBy.Count == 0 ? cursor?.AfterKey : null,
            PropertyFilters = filters,
            BBox = ParseBBox(query, layer, crs),
            Datetime = ParseDatetime(query, layer),
        };
        return new ItemsRequest(request, outputCrs, cursor?.Position ?? offset,
            PropertiesParameter.Parse(query[PropertiesParameter.Name], layer), cursor?.Matched);
    }

    /// <summary>The layer's default output CRS: CRS84, as OGC API Features requires.</summary>
    public static CrsDefinition DefaultCrs(LayerInfo layer, CrsRegistry crs) => crs.Crs84;

    /// <summary>A CRS parameter's value if given; 400 when the layer cannot be served in it.</summary>
    public static CrsDefinition? ParseCrs(IQueryCollection query, string parameter, LayerInfo layer, CrsRegistry crs)
    {
        if (!query.TryGetValue(parameter, out var text)) return null;
        var found = crs.Find(text.ToString());
        if (found is null || layer.StorageCrs is null)
            throw OgcException.BadParameter(parameter,
                $"'{text}' is not a supported CRS of '{layer.Id}'; see the collection's 'crs' list.");
        return found;
    }

    private static Core.Spatial.BBox? ParseBBox(IQueryCollection query, LayerInfo layer, CrsRegistry crs)
    {
        if (!query.TryGetValue(BBoxParameter.Name, out var text))
        {
            if (query.ContainsKey("bbox-crs")) throw OgcException.BadParameter("bbox-crs", "given without 'bbox'.");
            return null;
        }
        if (layer.StorageCrs is null)
            throw OgcException.BadParameter(BBoxParameter.Name, $"'{layer.Id}' has no geometry to filter by.");
        var bboxCrs = ParseCrs(query, "bbox-crs", layer, crs) ?? crs.Crs84;
        var box = BBoxParameter.Parse(text.ToString(), bboxCrs);
        return crs.GetTransform(bboxCrs, layer.StorageCrs).Transform(box);
    }

    private static TemporalFilter? ParseDatetime(IQueryCollection query, LayerInfo layer)
    {
        if (!query.TryGetValue(DatetimeParameter.Name, out var text)) return null;
        var interval = DatetimeParameter.Parse(text.ToString());
        if (layer.Temporal is null)
            throw OgcException.BadParameter(DatetimeParameter.Name, $"'{layer.Id}' has no temporal property.");
        return new TemporalFilter(layer.Temporal, interval);
    }

    private static int ParseLimit(string? text, ServerOptions server)
    {
        if (text is null) return server.DefaultLimit;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
            throw OgcException.BadParameter("limit", $"'{text}' is not an integer.");
        if (limit < 1) throw OgcException.BadParameter("limit", "must be at least 1.");
        // Above the maximum the server returns a full page of the maximum size (OGC API Features 7.15.3).
        return (int)Math.Min(limit, server.MaxLimit);
    }

    private static long ParseOffset(string? text)
    {
        if (text is null) return 0;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
            throw OgcException.BadParameter("offset", $"'{text}' is not an integer.");
        if (offset < 0) throw OgcException.BadParameter("offset", "must not be negative.");
        return offset;
    }

    private static object ConvertValue(string name, string text, PropertyType type)
    {
        object? value = type switch
        {
            PropertyType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            PropertyType.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            PropertyType.Boolean => bool.TryParse(text, out var b) ? b : null,
            _ => text,
        };
        return value ?? throw OgcException.BadParameter(name, $"'{text}' is not a valid {type.ToString().ToLowerInvariant()}.");
    }
}
