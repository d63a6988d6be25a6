using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoServer.Core.Filtering;

/// <summary>
/// The values <see cref="CqlEvaluator"/> compares, normalised as the GeoPackage store's SQL sees them: booleans as
/// 0/1 integers, every integer as <see cref="long"/>, every other number as <see cref="double"/>, instants as UTC
/// milliseconds (SQLite's julianday() keeps milliseconds), text as <see cref="string"/>, blobs as byte arrays.
/// </summary>
internal static partial class CqlValue
{
    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;

    /// <summary>A stored or literal value in its comparable form; null stays null.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        bool b => b ? 1L : 0L,
        long or double or string or byte[] => value,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong u => u <= long.MaxValue ? (long)u : (double)u,
        float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        // Literal dates and timestamps outside a temporal comparison compare as the text the store binds.
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A value as an instant in UTC milliseconds, as SQLite's julianday() reads it: a date is midnight UTC, a
    /// date-time without offset is UTC, fractions round to the millisecond; null when not an instant.
    /// </summary>
    public static long? Instant(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks / TicksPerMillisecond,
        // Literal timestamps are bound as text with three decimals, so they lose (not round) finer fractions.
        DateTimeOffset t => t.UtcTicks / TicksPerMillisecond,
        DateTime t => t.Ticks / TicksPerMillisecond,
        string s => ParseInstant(s),
        _ => null,
    };

    /// <summary>Text as the string functions (CASEI, ACCENTI, LIKE) receive a value of another type.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// SQLite's ordering of two non-null values (BINARY collation): numbers before text before blobs; numbers by
    /// value, text by code point (what comparing UTF-8 bytes gives), blobs byte by byte.
    /// </summary>
    public static int Compare(object a, object b)
    {
        var rank = Rank(a).CompareTo(Rank(b));
        if (rank != 0) return rank;
        return (a, b) switch
        {
            (long x, long y) => x.CompareTo(y),
            (long x, double y) => ((double)x).CompareTo(y),
            (double x, long y) => x.CompareTo(y),
            (double x, double y) => x.CompareTo(y),
            (string x, string y) => CompareCodePoints(x, y),
            (byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y),
            _ => 0,
        };
    }

    private static int Rank(object value) => value switch
    {
        long or double => 0,
        string => 1,
        _ => 2,
    };

    /// <summary>Orders by Unicode code point: UTF-16's ordinal order misplaces supplementary characters.</summary>
    internal static int CompareCodePoints(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            int a = x[i], b = y[i];
            if (a == b) continue;
            // Surrogates (U+D800–DFFF) come after U+E000–FFFF in code point order; shift both ranges to say so.
            return Fix(a).CompareTo(Fix(b));
        }
        return x.Length.CompareTo(y.Length);

        static int Fix(int c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }

    private static long? ParseInstant(string text)
    {
        var match = InstantPattern().Match(text.Trim());
        if (!match.Success) return null;
        int Part(int group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        try
        {
            var day = new DateTime(Part(1), Part(2), Part(3), 0, 0, 0, DateTimeKind.Utc);
            long ms = day.Ticks / TicksPerMillisecond;
            if (match.Groups[4].Success)
            {
                int hour = Part(4), minute = Part(5);
                if (hour > 23 || minute > 59) return null;
                double seconds = match.Groups[6].Success
                    ? double.Parse(match.Groups[6].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
                    : 0;
                if (seconds >= 60) return null;
                ms += hour * 3_600_000L + minute * 60_000L + (long)(seconds * 1000 + 0.5);
            }
            if (match.Groups[8].Success)
            {
                var offset = Part(9) * 60 + Part(10);
                ms -= (match.Groups[8].ValueSpan[0] == '-' ? -offset : offset) * 60_000L;
            }
            return ms;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // The ISO 8601 forms SQLite's date functions accept: yyyy-mm-dd, then optionally [T ]hh:mm[:ss[.fff]], then
    // optionally Z or ±hh:mm.
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(\.\d+)?))?)?\s*(?:[Zz]|([+-])(\d{2}):(\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
