using System.Globalization;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Sources;

namespace GeoServer.Catalog.Search;

/// <summary>
/// An immutable snapshot of every record with what searching needs: the records by id, their full-text index and
/// their filter view (<see cref="Queryables.ToFeature"/>). Rebuilt whole when anything changes, and swapped in one
/// assignment, so a search never sees half an update. Thread-safe.
/// </summary>
public sealed class RecordIndex
{
    private const int FacetValuesShown = 50;

    private readonly MetadataRecord[] _records;
    private readonly Feature[] _features;
    private readonly Dictionary<string, int> _byId;
    private readonly string[] _titleKeys;
    private readonly FullTextIndex _text;

    /// <summary>Indexes <paramref name="records"/>; of records sharing an id the first is kept (a layer's own before an external copy).</summary>
    public RecordIndex(IEnumerable<MetadataRecord> records)
    {
        var unique = new Dictionary<string, MetadataRecord>(StringComparer.Ordinal);
        foreach (var r in records) unique.TryAdd(r.Id, r);
        _records = [.. unique.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
        _features = _records.Select(Queryables.ToFeature).ToArray();
        _titleKeys = _records.Select(r => TextFolding.Fold(r.Title.Text)).ToArray();
        _byId = _records.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _text = new FullTextIndex(_records);
    }

    public static readonly RecordIndex Empty = new([]);

    /// <summary>Every record, ordered by id, whoever asks; requests filter with a visibility test.</summary>
    public IReadOnlyList<MetadataRecord> All => _records;

    /// <summary>The record with this id if <paramref name="visible"/> allows it; otherwise null.</summary>
    public MetadataRecord? Find(string id, Func<MetadataRecord, bool> visible) =>
        _byId.TryGetValue(id, out var i) && visible(_records[i]) ? _records[i] : null;

    /// <summary>Runs <paramref name="query"/> over the records <paramref name="visible"/> allows.</summary>
    /// <exception cref="Core.Filtering.CqlException">The filter does not fit <see cref="Queryables.Schema"/>.</exception>
    public SearchResult Search(SearchQuery query, Func<MetadataRecord, bool> visible)
    {
        var scores = query.Text is { } text ? _text.Search(text) : null;
        var test = query.Filter is null ? null : RecordFilter.Compile(query.Filter);
        var prefilter = query.Filter is null ? null : RecordFilter.Prefilter(query.Filter);
        IEnumerable<int> candidates = scores is null ? Enumerable.Range(0, _records.Length) : scores.Keys.Order();
        var ids = query.Ids is null ? null : query.Ids as IReadOnlySet<string> ?? query.Ids.ToHashSet(StringComparer.Ordinal);
        var matches = new List<int>();
        foreach (var i in candidates)
        {
            var r = _records[i];
            if (query.Workspace is not null && r.Workspace != query.Workspace) continue;
            if (query.Types is not null && !query.Types.Contains(r.Type)) continue;
            if (ids is not null && !ids.Contains(r.Id)) continue;
            if (query.BBox is { } box && (r.Extent is not { } extent || !extent.Intersects(box))) continue;
            if (query.Time is { } time && !Meets(r.Time, time)) continue;
            if (prefilter is not null && !prefilter(_features[i])) continue;
            if (test is not null && !test(_features[i])) continue;
            if (!visible(r)) continue;
            matches.Add(i);
        }
        var facets = query.Facets ? CountFacets(matches) : null;
        Sort(matches, query.SortBy, scores);
        var page = matches.Skip(query.Offset).Take(query.Limit).Select(i => _records[i]).ToList();
        return new SearchResult(matches.Count, page, facets);
    }

    private void Sort(List<int> matches, IReadOnlyList<SortKey> keys, Dictionary<int, double>? scores)
    {
        if (keys.Count == 0) keys = scores is null ? [] : [new SortKey(SortField.Relevance, Descending: true)];
        if (keys.Count == 0) return;   // already by id
        matches.Sort((a, b) =>
        {
            foreach (var key in keys)
            {
                int c = key.Field switch
                {
                    SortField.Relevance => (scores?.GetValueOrDefault(a) ?? 0).CompareTo(scores?.GetValueOrDefault(b) ?? 0),
                    SortField.Identifier => string.CompareOrdinal(_records[a].Id, _records[b].Id),
                    SortField.Title => string.CompareOrdinal(_titleKeys[a], _titleKeys[b]),
                    SortField.Modified => _records[a].Modified.CompareTo(_records[b].Modified),
                    SortField.Type => _records[a].Type.CompareTo(_records[b].Type),
                    SortField.Workspace => string.CompareOrdinal(_records[a].Workspace, _records[b].Workspace),
                    _ => 0,
                };
                if (c != 0) return key.Descending ? -c : c;
            }
            return a.CompareTo(b);
        });
    }

    private static bool Meets(TemporalExtent? extent, (DateTimeOffset? Start, DateTimeOffset? End) time)
    {
        if (extent is null) return false;
        var begin = Instant(extent.Begin);
        var end = Instant(extent.End);
        return (time.End is null || begin is null || begin <= time.End) && (time.Start is null || end is null || end >= time.Start);
    }

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private Dictionary<Facet, IReadOnlyList<FacetValue>> CountFacets(List<int> matches)
    {
        var counts = Enum.GetValues<Facet>().ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var i in matches)
        {
            var r = _records[i];
            if (r.Workspace is not null) Add(Facet.Workspace, r.Workspace);
            foreach (var k in r.AllKeywords.Select(k => k.Text).Distinct()) Add(Facet.Keyword, k);
            foreach (var t in r.TopicCategories) Add(Facet.TopicCategory, MetadataCodes.Code(t));
            Add(Facet.Type, MetadataCodes.Code(r.Type));
        }
        return counts.ToDictionary(c => c.Key, c => (IReadOnlyList<FacetValue>)c.Value
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(FacetValuesShown)
            .Select(v => new FacetValue(v.Key, v.Value)).ToList());

        void Add(Facet facet, string value) => counts[facet][value] = counts[facet].GetValueOrDefault(value) + 1;
    }
}
