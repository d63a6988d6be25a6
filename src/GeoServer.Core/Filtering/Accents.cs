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
}
