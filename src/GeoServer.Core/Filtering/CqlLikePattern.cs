using System.Text;
using System.Text.RegularExpressions;

namespace GeoServer.Core.Filtering;

/// <summary>
/// A CQL2 LIKE pattern as a regular expression with the GeoPackage store's semantics (its GLOB translation):
/// case-sensitive, <c>%</c> any run of characters, <c>_</c> exactly one character (a whole code point), <c>\</c>
/// escaping the next character.
/// </summary>
internal static class CqlLikePattern
{
    // One code point: a surrogate pair or any single UTF-16 unit, newlines included.
    private const string OneCharacter = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])";

    /// <summary>The pattern as an anchored regex; non-backtracking, so "%a%a%a%b" cannot stall a render.</summary>
    public static Regex ToRegex(string like)
    {
        var regex = new StringBuilder(like.Length + 16).Append(@"\A");
        for (var i = 0; i < like.Length; i++)
        {
            var c = like[i];
            if (c == '\\' && i + 1 < like.Length) regex.Append(Regex.Escape(like[++i].ToString()));
            else if (c == '%') regex.Append(@"[\s\S]*");
            else if (c == '_') regex.Append(OneCharacter);
            else regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append(@"\z");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
