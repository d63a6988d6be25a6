using System.Text;
using GeoServer.Core.Filtering;

namespace GeoServer.Data.PostGis;

/// <summary>
/// ACCENTI without the unaccent extension (which a superuser must install): translate() with
/// <see cref="Accents.TranslateTable"/> maps every accented Latin letter, Vietnamese ones and đ/Đ included, to its
/// base letter, and drops combining marks so that text stored decomposed (NFD) folds as <see cref="Accents.Fold"/> does.
/// </summary>
internal static class PostGisAccents
{
    private static readonly (string From, string To) Table = Build();

    /// <summary>The SQL that removes the accents of <paramref name="text"/>, a string expression.</summary>
    public static string Remove(string text) => $"translate({text}, '{Table.From}', '{Table.To}')";

    private static (string, string) Build()
    {
        var (from, to) = Accents.TranslateTable;
        if (from.Contains('\'') || from.Length != to.Length)
            throw new InvalidOperationException("The accent table cannot be written as SQL literals.");
        // translate() deletes the characters of its second argument that have no counterpart in the third.
        var marks = new StringBuilder();
        for (char mark = '\u0300'; mark <= '\u036F'; mark++) marks.Append(mark);
        return (from + marks, to);
    }
}
