using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace GeoServer.Ogc.Features;

/// <summary>
/// The opaque "cursor" of next links: the last key returned and the position of the next page. Keyset paging
/// keeps deep pages as cheap as the first (an OFFSET scan grows with the depth).
/// </summary>
public readonly record struct PageCursor(long AfterKey, long Position)
{
    public const string Name = "cursor";

    public string Encode() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
        AfterKey.ToString(CultureInfo.InvariantCulture) + ":" + Position.ToString(CultureInfo.InvariantCulture)));

    public static PageCursor? TryDecode(string text)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? new PageCursor(key, position) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
