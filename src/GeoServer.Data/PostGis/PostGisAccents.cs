using System.Text;

namespace GeoServer.Data.PostGis;

/// <summary>
/// ACCENTI without the unaccent extension (which a superuser must install): decompose the text (NFD), then let
/// translate() delete every combining mark and map the Vietnamese đ/Đ, which Unicode does not decompose. This folds
/// as <see cref="Core.Filtering.Accents.Fold"/> does, for every script (Latin, Greek, Cyrillic…).
/// </summary>
internal static class PostGisAccents
{
    private static readonly string From = Build();

    /// <summary>The SQL that removes the accents of <paramref name="text"/>, a string expression of a UTF8 database.</summary>
    public static string Remove(string text) => $"translate(normalize({text}, NFD), '{From}', 'dD')";

    private static string Build()
    {
        // translate() deletes the characters of its second argument that have no counterpart in the third.
        var from = new StringBuilder("đĐ");
        foreach (var (first, last) in new[] { ('\u0300', '\u036F'), ('\u1AB0', '\u1AFF'), ('\u1DC0', '\u1DFF'), ('\u20D0', '\u20FF'), ('\uFE20', '\uFE2F') })
            for (char mark = first; mark <= last; mark++) from.Append(mark);
        return from.ToString();
    }
}
