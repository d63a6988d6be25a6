using GeoServer.Data.Import;

namespace GeoServer.Tests.Data.Import;

public sealed class LayerNameTests
{
    [Theory]
    [InlineData("Đường bộ 2024", "duong_bo_2024")]
    [InlineData("Thửa_Đất (Xã Mẫu)", "thua_dat_xa_mau")]
    [InlineData("../../etc/passwd", "etc_passwd")]
    [InlineData("C:\\Windows\\system32", "c_windows_system32")]
    [InlineData("2024 roads", "l_2024_roads")]
    [InlineData("__roads__", "roads")]
    [InlineData("../!!", "")]
    [InlineData("", "")]
    public void A_name_becomes_lower_case_letters_digits_and_underscores(string text, string expected) =>
        Assert.Equal(expected, LayerName.Sanitise(text));

    [Fact]
    public void A_long_name_is_cut_to_the_limit_without_a_trailing_underscore()
    {
        var name = LayerName.Sanitise(new string('a', 47) + " b" + new string('c', 30));
        Assert.Equal(new string('a', 47), name);
        Assert.True(LayerName.Sanitise(new string('x', 200)).Length == LayerName.MaxLength);
    }
}
