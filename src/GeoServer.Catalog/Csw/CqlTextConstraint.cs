using System.Text;
using System.Text.RegularExpressions;
using GeoServer.Catalog.Search;
using GeoServer.Core.Filtering;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Reads a CSW CQL_TEXT constraint with Core's CQL2 Text parser, after three rewrites of the OGC CQL that CSW
/// clients write: CSW names ("csw:AnyText", "dc:title") become the index's queryables; <c>BBOX(name, minx, miny,
/// maxx, maxy)</c> becomes <c>S_INTERSECTS(geometry, BBOX(…))</c>; and a quoted date compared with dct:modified
/// becomes a TIMESTAMP, since CQL2 does not compare text with instants. ILIKE is LIKE: every text test ignores case.
/// </summary>
public static partial class CqlTextConstraint
{
    private const string Locator = "Constraint";

    public static CqlExpression Parse(string text)
    {
        var cql = Names(text);
        cql = BBox().Replace(cql, m => $"S_INTERSECTS({Queryables.Geometry}, BBOX({m.Groups[1].Value}))");
        cql = ModifiedComparison().Replace(cql, m => $"{m.Groups[1].Value}{m.Groups[2].Value}{Timestamp(m.Groups[3].Value)}");
        cql = ModifiedBetween().Replace(cql, m => $"{m.Groups[1].Value}{Timestamp(m.Groups[2].Value)} AND {Timestamp(m.Groups[3].Value)}");
        try
        {
            return CqlTextParser.Parse(cql, Queryables.Schema);
        }
        catch (CqlException e)
        {
            throw CswException.Invalid(Locator, "CQL_TEXT: " + e.Reason);
        }
    }

    /// <summary>The text with every CSW name outside quotes replaced by its queryable, and ILIKE by LIKE.</summary>
    private static string Names(string text)
    {
        var result = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\'')
            {
                int end = i + 1;
                while (end < text.Length)
                {
                    if (text[end] == '\'' && !(end + 1 < text.Length && text[end + 1] == '\'')) break;
                    end += text[end] == '\'' ? 2 : 1;   // '' is a quote inside the string
                }
                end = Math.Min(end + 1, text.Length);
                result.Append(text, i, end - i);
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or ':' or '.')) end++;
                var word = text[i..end];
                result.Append(word.Equals("ILIKE", StringComparison.OrdinalIgnoreCase) ? "LIKE"
                    : word.Contains(':') || !IsFunction(text, end) ? CswQueryables.Resolve(word) ?? word : word);
                i = end;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }

    // A bare word followed by "(" is a function (BBOX, DATE, TIMESTAMP), never a property.
    private static bool IsFunction(string text, int end)
    {
        while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
        return end < text.Length && text[end] == '(';
    }

    private static string Timestamp(string date) =>
        $"TIMESTAMP('{(date.Length == 10 ? date + "T00:00:00Z" : date.EndsWith('Z') || date.Contains('+') ? date : date + "Z")}')";

    [GeneratedRegex(@"\bBBOX\s*\(\s*geometry\s*,\s*([^,()]+,[^,()]+,[^,()]+,[^,()']+?)\s*(?:,\s*'[^']*'\s*)?\)", RegexOptions.IgnoreCase)]
    private static partial Regex BBox();

    [GeneratedRegex(@"(\bmodified\s*)(<=|>=|<>|=|<|>)\s*'([0-9T:.Z+-]+)'")]
    private static partial Regex ModifiedComparison();

    [GeneratedRegex(@"(\bmodified\s+BETWEEN\s+)'([0-9T:.Z+-]+)'\s+AND\s+'([0-9T:.Z+-]+)'", RegexOptions.IgnoreCase)]
    private static partial Regex ModifiedBetween();
}
