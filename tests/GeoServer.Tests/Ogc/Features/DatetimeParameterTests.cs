using System.Globalization;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Features;

namespace GeoServer.Tests.Ogc.Features;

public sealed class DatetimeParameterTests
{
    [Theory]
    [InlineData("2025-01-05T06:00:00Z", "2025-01-05T06:00:00Z")]
    [InlineData("2025-01-05T06:00:00.250Z", "2025-01-05T06:00:00.250Z")]
    [InlineData("2025-01-05t06:00:00z", "2025-01-05T06:00:00Z")]
    [InlineData("2025-01-05T13:00:00+07:00", "2025-01-05T06:00:00Z")]
    [InlineData("2025-01-04T23:00:00-07:00", "2025-01-05T06:00:00Z")]
    public void An_RFC_3339_date_time_is_an_instant_in_UTC(string text, string utc)
    {
        var interval = DatetimeParameter.Parse(text);

        Assert.True(interval.IsInstant);
        Assert.Equal(Utc(utc), interval.Start);
        Assert.Equal(TimeSpan.Zero, interval.Start!.Value.Offset);
    }

    [Fact]
    public void A_bare_date_stands_for_the_whole_UTC_day()
    {
        var interval = DatetimeParameter.Parse("2025-01-05");

        Assert.Equal(Utc("2025-01-05T00:00:00Z"), interval.Start);
        Assert.Equal(Utc("2025-01-05T23:59:59.999Z"), interval.End);
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00Z/2025-01-31T23:00:00Z", "2025-01-01T00:00:00Z", "2025-01-31T23:00:00Z")]
    [InlineData("2025-01-01/2025-01-31", "2025-01-01T00:00:00Z", "2025-01-31T23:59:59.999Z")]
    [InlineData("2025-01-01T00:00:00Z/..", "2025-01-01T00:00:00Z", null)]
    [InlineData("2025-01-01T00:00:00Z/", "2025-01-01T00:00:00Z", null)]
    [InlineData("../2025-01-31T23:00:00Z", null, "2025-01-31T23:00:00Z")]
    [InlineData("/2025-01-31T23:00:00Z", null, "2025-01-31T23:00:00Z")]
    [InlineData("2025-01-05T06:00:00Z/2025-01-05T06:00:00Z", "2025-01-05T06:00:00Z", "2025-01-05T06:00:00Z")]
    public void An_interval_has_a_start_and_an_end_either_of_which_may_be_open(string text, string? start, string? end)
    {
        var interval = DatetimeParameter.Parse(text);

        Assert.Equal(start is null ? null : Utc(start), interval.Start);
        Assert.Equal(end is null ? null : Utc(end), interval.End);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("2025-01-05T06:00:00")] // no time zone
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("2025-01-05T25:00:00Z")]
    [InlineData("05/01/2025")]
    [InlineData("1736056800")]
    [InlineData("../..")]
    [InlineData("/")]
    [InlineData("2025-01-01/2025-01-02/2025-01-03")]
    [InlineData("2025-01-31T00:00:00Z/2025-01-01T00:00:00Z")] // ends before it starts
    [InlineData("2025-01-01T00:00:00Z/tomorrow")]
    public void Anything_else_is_a_400_naming_datetime(string text)
    {
        var e = Assert.Throws<OgcException>(() => DatetimeParameter.Parse(text));

        Assert.Equal(400, e.Status);
        Assert.Equal("datetime", e.Parameter);
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
