using System.Text;
using GeoServer.Core.Filtering;

namespace GeoServer.Data.Import;

/// <summary>
/// Names imports may take: lower case ASCII letters, digits and '_', starting with a letter, at most
/// <see cref="MaxLength"/> characters, so a name is the same as a file name, a GeoPackage table and a PostgreSQL
/// identifier (unquoted), and can never climb out of a folder.
/// </summary>
public static class LayerName
{
    /// <summary>Leaves room under PostgreSQL's 63-byte identifiers for the staging suffix.</summary>
    public const int MaxLength = 48;

    /// <summary>
    /// "Đường bộ 2024.shp" gives "duong_bo_2024": accents folded, lower case, every other run of characters one '_';
    /// a name starting with a digit gets "l_" in front. Empty when nothing usable is left.
    /// </summary>
    public static string Sanitise(string text)
    {
        var folded = Accents.Fold(text).ToLowerInvariant();
        var name = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') name.Append(c);
            else if (name.Length > 0 && name[^1] != '_') name.Append('_');
        }
        var result = name.ToString().Trim('_');
        if (result.Length > 0 && char.IsAsciiDigit(result[0])) result = "l_" + result;
        return result.Length > MaxLength ? result[..MaxLength].TrimEnd('_') : result;
    }
}
