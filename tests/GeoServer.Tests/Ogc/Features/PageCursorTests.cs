using System.Buffers.Text;
using System.Text;
using GeoServer.Ogc.Features;

namespace GeoServer.Tests.Ogc.Features;

public sealed class PageCursorTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(42, 10)]
    [InlineData(160_560, 160_559)]
    [InlineData(-5, 3)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(long.MinValue, 0)]
    public void A_cursor_decodes_to_what_was_encoded(long afterKey, long position)
    {
        var cursor = new PageCursor(afterKey, position);

        Assert.Equal(cursor, PageCursor.TryDecode(cursor.Encode()));
    }

    [Theory]
    [InlineData(10, 10, 10)]
    [InlineData(1000, 1000, 199_065)]
    public void A_cursor_carries_the_number_of_matches(long afterKey, long position, long matched)
    {
        var cursor = new PageCursor(afterKey, position, matched);

        Assert.Equal(matched, PageCursor.TryDecode(cursor.Encode())?.Matched);
    }

    [Fact]
    public void An_encoded_cursor_needs_no_escaping_in_a_URL()
    {
        var text = new PageCursor(long.MaxValue, 123_456_789).Encode();

        Assert.Equal(Uri.EscapeDataString(text), text);
        Assert.DoesNotContain('=', text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("%%%%")]
    [InlineData("a")]
    [InlineData("abc")]
    [InlineData("MTAw")] // "100": no position
    [InlineData("next page please")]
    public void Garbage_is_not_a_cursor(string text)
    {
        Assert.Null(PageCursor.TryDecode(text));
    }

    [Theory]
    [InlineData("1:2:3:4")]
    [InlineData("1:5:3")] // fewer matches than the position
    [InlineData("1:2:-3")]
    [InlineData("1:2:")]
    [InlineData("x:1")]
    [InlineData("1:x")]
    [InlineData("1:-2")] // a negative position
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("99999999999999999999:1")] // beyond a long
    public void A_well_encoded_text_that_is_not_key_position_and_matches_is_not_a_cursor(string plain)
    {
        var text = Base64Url.EncodeToString(Encoding.ASCII.GetBytes(plain));

        Assert.Null(PageCursor.TryDecode(text));
    }
}
