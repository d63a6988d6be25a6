using System.Globalization;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Features;

/// <summary>
/// Streams a page of features as a GeoJSON FeatureCollection (OGC API Features 7.15.8): each feature is written
/// as it is read and sent in chunks, so memory stays flat whatever the page or layer size.
/// </summary>
public static class FeatureCollectionResponse
{
    public static async Task WriteAsync(HttpContext http, Layer layer, ItemsRequest request, ServerOptions server, CrsRegistry crs,
        CancellationToken ct)
    {
        var info = layer.Info;
        int limit = request.Query.Limit;
        // One row beyond the page says whether a next page exists without counting.
        var query = limit < int.MaxValue ? request.Query with { Limit = limit + 1 } : request.Query;
        var counted = new MatchCount();
        // A window count reads every match before LIMIT: worth it only where the page reads every match anyway (a
        // bbox sorted by key); on cursor pages and attribute filters it would turn an early-stopping page into a full
        // scan (measured: deep paging 20x -> 3x MapServer), so those count separately, and only when needed.
        bool countInPage = query.BBox is not null && query.AfterKey is null && request.KnownMatched is null;
        var features = countInPage && layer.Features is IMatchCountingSource counting
            ? counting.QueryAsync(query, counted, ct)
            : layer.Features.QueryAsync(query, ct);
        var transform = info.StorageCrs is null ? null : crs.GetTransform(info.StorageCrs, request.OutputCrs);
        var writer = new GeoJsonFeatureWriter(info.Schema, transform, request.OutputCrs.NorthingFirst, request.Properties);
        var paths = new OgcPaths(http.Request);

        if (transform is not null) http.Response.Headers["Content-Crs"] = "<" + request.OutputCrs.Uri + ">";
        await using var json = JsonResponse.Start(http.Response, MediaTypes.GeoJson);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var page = new PageState();
        await foreach (var feature in features)
        {
            // The row beyond the page is read, not broken off: leaving a PostgreSQL statement early cancels it
            // through a second connection, which cost more than the row (measured: bbox pages 2,150 -> 900 req/s).
            if (page.Returned == limit)
            {
                page.HasMore = true;
                continue;
            }
            writer.Write(json, feature);
            page.Returned++;
            page.LastKey = feature.Id;
            await JsonResponse.FlushIfFullAsync(json, http.Response, ct);
        }
        json.WriteEndArray();
        http.Features.Get<Core.Usage.RequestUsage>()?.AddFeatures(page.Returned);
        long? numberMatched = await NumberMatchedAsync(layer, request, server, counted, page, ct);
        if (numberMatched is { } matched) json.WriteNumber("numberMatched", matched);
        json.WriteNumber("numberReturned", page.Returned);
        json.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        JsonResponse.WriteLinks(json, Links(http.Request, paths.Items(info.Id), request, page, numberMatched));
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private sealed class PageState
    {
        public int Returned;
        public long LastKey;
        public bool HasMore;
    }

    /// <summary>
    /// The matches of the whole query, or null where counting would cost more than the page. A count is a second
    /// pass over every match, so it is skipped whenever something already tells: a source that counted while
    /// reading, an earlier page (through the cursor), or a page that ended before its limit.
    /// </summary>
    private static async Task<long?> NumberMatchedAsync(Layer layer, ItemsRequest request, ServerOptions server,
        MatchCount counted, PageState page, CancellationToken ct)
    {
        var query = request.Query;
        bool keyset = query.AfterKey is not null && query.SortBy.Count == 0;
        if (counted.Value is { } value) return keyset ? request.Position + value : value;
        if (request.KnownMatched is { } known) return known;
        if (!page.HasMore && (page.Returned > 0 || request.Position == 0)) return request.Position + page.Returned;
        if (query.Filter is not null && !server.CountFilterMatches) return null;
        return await layer.Features.CountAsync(query.WithoutPaging(), ct);
    }

    private static IEnumerable<Link> Links(HttpRequest http, string items, ItemsRequest request, PageState page, long? matched)
    {
        string kept = KeptParameters(http);
        yield return new Link($"{items}?{kept}f=json", "self", MediaTypes.GeoJson, "This page");
        yield return new Link($"{items}?{kept}f=html", "alternate", MediaTypes.Html, "This page as HTML");
        long next = request.Position + page.Returned;
        // Keyset cursors follow the key order; a sorted page continues by offset.
        string paging = request.Query.SortBy.Count == 0
            ? $"{PageCursor.Name}={new PageCursor(page.LastKey, next, matched).Encode()}"
            : $"offset={next}";
        if (page.HasMore)
            yield return new Link($"{items}?{kept}{paging}&f=json", "next", MediaTypes.GeoJson, "Next page");
        if (request.Position > 0)
            yield return new Link($"{items}?{kept}offset={Math.Max(0, request.Position - request.Query.Limit)}&f=json",
                "prev", MediaTypes.GeoJson, "Previous page");
    }

    /// <summary>Every parameter but paging and format, so that links repeat the same query.</summary>
    private static string KeptParameters(HttpRequest http)
    {
        var kept = "";
        foreach (var (name, value) in http.Query)
        {
            if (name is "f" or "offset" or PageCursor.Name) continue;
            kept += $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value.ToString())}&";
        }
        return kept;
    }
}
