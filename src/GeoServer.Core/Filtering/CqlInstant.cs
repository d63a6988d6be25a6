using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoServer.Core.Filtering;

/// <summary>Reads the RFC 3339 dates and timestamps CQL2 literals hold.</summary>
internal static partial class CqlInstant
{
    /// <summary>A full-date, yyyy-mm-dd, that exists in the Gregorian calendar.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// An RFC 3339 date-time, converted to UTC. CQL2 asks for "Z"; a numeric offset is accepted too, being
    /// unambiguous. Fractions finer than .NET's 100 ns ticks are truncated.
    /// </summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var match = TimestampPattern().Match(text);
        if (!match.Success)
            return false;
        int Part(int group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var fraction = match.Groups[7].Success ? match.Groups[7].Value : "";
        var ticks = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var offset = TimeSpan.Zero;
        if (match.Groups[8].Success)
        {
            offset = new TimeSpan(Part(9), Part(10), 0);
            if (match.Groups[8].ValueSpan[0] == '-')
                offset = -offset;
        }
        if (Part(4) > 23 || Part(5) > 59 || Part(6) > 59 || offset.Duration() > TimeSpan.FromHours(14))
            return false;
        try
        {
            var local = new DateTime(Part(1), Part(2), Part(3), Part(4), Part(5), Part(6), DateTimeKind.Unspecified).AddTicks(ticks);
            timestamp = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,30}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
