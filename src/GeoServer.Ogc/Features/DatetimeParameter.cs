using System.Globalization;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;

namespace GeoServer.Ogc.Features;

/// <summary>
/// The "datetime" parameter (OGC API Features 7.15.4): an RFC 3339 instant, or an interval "start/end" where
/// either end may be ".." or empty for open. A bare date stands for the whole UTC day.
/// </summary>
public static class DatetimeParameter
{
    public const string Name = "datetime";

    public static TimeInterval Parse(string text)
    {
        int slash = text.IndexOf('/');
        if (slash < 0)
        {
            var (start, end) = Instant(text);
            return new TimeInterval(start, end);
        }
        if (text.IndexOf('/', slash + 1) >= 0) throw OgcException.BadParameter(Name, "an interval has exactly one '/'.");
        DateTimeOffset? from = Open(text[..slash]) ? null : Instant(text[..slash]).Start;
        DateTimeOffset? to = Open(text[(slash + 1)..]) ? null : Instant(text[(slash + 1)..]).End;
        if (from is null && to is null) throw OgcException.BadParameter(Name, "an interval needs at least one end.");
        if (from > to) throw OgcException.BadParameter(Name, "the interval ends before it starts.");
        return new TimeInterval(from, to);
    }

    private static bool Open(string part) => part is "" or "..";

    private static (DateTimeOffset Start, DateTimeOffset End) Instant(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return (start, start.AddDays(1).AddTicks(-TimeSpan.TicksPerMillisecond));
        }
        // RFC 3339 date-time requires a time zone ("Z" or an offset).
        if ((text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant) &&
            text.Contains('T', StringComparison.OrdinalIgnoreCase))
            return (instant, instant);
        throw OgcException.BadParameter(Name, $"'{text}' is not an RFC 3339 date or date-time (e.g. 2025-01-01T00:00:00Z).");
    }

    private static bool HasOffset(string text) =>
        text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':';
}
