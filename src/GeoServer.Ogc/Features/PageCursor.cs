using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace GeoServer.Ogc.Features;

/// <summary>
/// The opaque "cursor" of next links: the last key returned, the position of the next page and, once known, the
/// number of matches. Keyset paging keeps deep pages as cheap as the first (an OFFSET scan grows with the depth),
/// and carrying numberMatched spares every later page the count.
/// </summary>
public readonly record struct PageCursor(long AfterKey, long Position, long? Matched = null)
{
    public const string Name = "cursor";

    public string Encode()
    {
        var text = AfterKey.ToString(CultureInfo.InvariantCulture) + ":" + Position.ToString(CultureInfo.InvariantCulture);
        if (Matched is { } matched) text += ":" + matched.ToString(CultureInfo.InvariantCulture);
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    public static PageCursor? TryDecode(string text)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length is < 2 or > 3
                || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                return null;
            if (parts.Length == 2) return new PageCursor(key, position);
            return long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var matched) && matched >= position
                ? new PageCursor(key, position, matched) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
