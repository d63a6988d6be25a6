using System.Globalization;
using System.Text;

namespace GeoServer.Core.Filtering;

/// <summary>
/// Accent folding for ACCENTI (CQL2 accent-insensitive comparison): "Hà Nội" and "Ha Noi" fold to the same text.
/// Vietnamese đ/Đ are letters of their own in Unicode (no combining mark), so they are mapped explicitly.
/// </summary>
public static class Accents
{
    /// <summary>The text without diacritics, in NFC.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Every precomposed Latin letter that folds to one letter, and what it folds to, as the two arguments of
    /// SQL translate(): lets a database fold accents without an extension.
    /// </summary>
    public static (string From, string To) TranslateTable { get; } = BuildTable();

    private static (string, string) BuildTable()
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        foreach (var (start, end) in new[] { (0x00C0, 0x024F), (0x1E00, 0x1EFF) })
            for (int code = start; code <= end; code++)
            {
                var letter = ((char)code).ToString();
                var folded = Fold(letter);
                if (folded.Length == 1 && folded != letter) { from.Append(letter); to.Append(folded); }
            }
        return (from.ToString(), to.ToString());
    }
}
