using System.Text;

namespace GeoServer.Data.Gdal;

/// <summary>
/// Attribute names a Shapefile can hold: a dBASE field name has at most 10 bytes, and GDAL compares names ignoring
/// case. Chosen here rather than left to GDAL's silent truncation so that the package's README can list each rename.
/// </summary>
internal static class ShapefileFieldNames
{
    private const int MaxBytes = 10;

    /// <summary>One name per input name, in order: the name itself when it fits, else shortened and numbered if taken.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assigned = new List<string>(names.Count);
        foreach (var name in names)
        {
            string candidate = Truncate(name, MaxBytes);
            for (int n = 1; !used.Add(candidate); n++)
            {
                string suffix = "_" + n;
                candidate = Truncate(name, MaxBytes - suffix.Length) + suffix;
            }
            assigned.Add(candidate);
        }
        return assigned;
    }

    /// <summary>The longest prefix of whole characters that fits in <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Truncate(string name, int bytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= bytes) return name;
        int length = 0, used = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > bytes) break;
            used += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return name[..length];
    }
}
