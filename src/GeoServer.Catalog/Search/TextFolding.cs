using GeoServer.Core.Filtering;

namespace GeoServer.Catalog.Search;

/// <summary>
/// The one normalisation search and filters compare text in: lower case without diacritics, Vietnamese đ as d
/// (<see cref="Accents.Fold"/>), so "dat dai" finds "Đất đai" and "HA NOI" finds "Hà Nội".
/// </summary>
public static class TextFolding
{
    public static string Fold(string text) => Accents.Fold(text).ToLowerInvariant();

    /// <summary>The folded words of a text: runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        int start = -1;
        for (int i = 0; i <= folded.Length; i++)
        {
            bool inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
