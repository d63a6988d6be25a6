using GeoServer.Tiles.Cache;

namespace GeoServer.Tests.Tiles.Cache;

public sealed class TileResponseTests
{
    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abcd\", W/\"ab\"", false)]
    [InlineData("", false)]
    public void If_None_Match_compares_weakly_and_reads_lists(string header, bool matches)
    {
        Assert.Equal(matches, TileResponse.Matches(header, "\"abc\""));
    }
}
