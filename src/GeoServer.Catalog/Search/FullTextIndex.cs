using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog.Search;

/// <summary>
/// An inverted index of folded words over title, keywords, abstract and lineage (every translation). A query matches
/// the records that hold every one of its words (a word also matches longer words it begins, so "song" finds
/// "sông" and "songs"), ranked by a BM25-like score weighted by field. Immutable and thread-safe.
/// </summary>
public sealed class FullTextIndex
{
    private const int MinPrefix = 3;
    private static readonly double[] Weights = [4.0, 3.0, 1.0, 0.5];

    // word → (record position, weighted term frequency), record positions ascending.
    private readonly Dictionary<string, (int Record, double Weight)[]> _postings;
    private readonly string[] _words;
    private readonly int _count;

    public FullTextIndex(IReadOnlyList<MetadataRecord> records)
    {
        var postings = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
            foreach (var (field, text) in Texts(records[i]))
                foreach (var word in TextFolding.Words(text))
                {
                    if (!postings.TryGetValue(word, out var list)) postings[word] = list = [];
                    list[i] = list.GetValueOrDefault(i) + Weights[(int)field];
                }
        _postings = postings.ToDictionary(p => p.Key, p => p.Value.OrderBy(x => x.Key).Select(x => (x.Key, x.Value)).ToArray(), StringComparer.Ordinal);
        _words = [.. _postings.Keys.Order(StringComparer.Ordinal)];
        _count = records.Count;
    }

    /// <summary>The text of each searched field of a record.</summary>
    public static IEnumerable<(RecordField Field, string Text)> Texts(MetadataRecord record)
    {
        foreach (var t in record.Title.All) yield return (RecordField.Title, t);
        foreach (var k in record.AllKeywords) foreach (var t in k.All) yield return (RecordField.Keywords, t);
        if (record.Abstract is not null) foreach (var t in record.Abstract.All) yield return (RecordField.Abstract, t);
        if (record.Lineage is not null) foreach (var t in record.Lineage.All) yield return (RecordField.Lineage, t);
    }

    /// <summary>
    /// Score by record position of the records matching any comma-separated term of <paramref name="query"/>, a term
    /// matching when every one of its words does (OGC API – Records' <c>q</c>); null when the query has no words.
    /// </summary>
    public Dictionary<int, double>? Search(string query)
    {
        Dictionary<int, double>? union = null;
        foreach (var term in query.Split(','))
        {
            if (Term(term) is not { } scores) continue;
            if (union is null) union = scores;
            else foreach (var (record, score) in scores) union[record] = union.GetValueOrDefault(record) + score;
        }
        return union;
    }

    private Dictionary<int, double>? Term(string query)
    {
        Dictionary<int, double>? scores = null;
        foreach (var word in TextFolding.Words(query).Distinct())
        {
            var matches = new Dictionary<int, double>();
            foreach (var postings in Postings(word))
            {
                double idf = Math.Log(1 + (_count - postings.Length + 0.5) / (postings.Length + 0.5));
                foreach (var (record, weight) in postings)
                    matches[record] = Math.Max(matches.GetValueOrDefault(record), idf * weight / (weight + 1.0));
            }
            if (scores is null) scores = matches;
            else
            {
                foreach (var record in scores.Keys.ToList())
                    if (matches.TryGetValue(record, out var s)) scores[record] += s;
                    else scores.Remove(record);
            }
            if (scores.Count == 0) return scores;
        }
        return scores;
    }

    private IEnumerable<(int Record, double Weight)[]> Postings(string word)
    {
        if (_postings.TryGetValue(word, out var exact)) yield return exact;
        if (word.Length < MinPrefix) yield break;
        int i = Array.BinarySearch(_words, word, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i + 1; i < _words.Length && _words[i].StartsWith(word, StringComparison.Ordinal); i++)
            yield return _postings[_words[i]];
    }
}
