using System.Net;
using GeoServer.Catalog;
using GeoServer.Catalog.Csw;
using GeoServer.Catalog.Harvest;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Catalog.Harvest;

/// <summary>
/// The address rules of harvesting, and the client that applies them when it connects: a name is resolved once, at
/// connection time, and the connection goes to the address that was checked (so a name that resolves inward, or
/// differently the second time, cannot slip through).
/// </summary>
public sealed class HarvestClientTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.31.0.1", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:a00:1::1", "private")]
    public void Addresses_outside_the_public_internet_are_refused_with_the_reason(string address, string reason) =>
        Assert.Contains(reason, HarvestAddresses.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(HarvestAddresses.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void The_allow_list_takes_host_names_addresses_and_networks_and_refuses_anything_else()
    {
        var allowed = new HarvestAllowList(["csw.internal.gov.vn", "10.20.0.0/16", "fd00::/8", "127.0.0.1"]);
        Assert.True(allowed.AllowsHost("CSW.internal.gov.vn."));
        Assert.False(allowed.AllowsHost("other.gov.vn"));
        Assert.True(allowed.AllowsAddress(IPAddress.Parse("10.20.255.1")));
        Assert.False(allowed.AllowsAddress(IPAddress.Parse("10.21.0.1")));
        Assert.True(allowed.AllowsAddress(IPAddress.Parse("fd12::1")));
        Assert.True(allowed.AllowsAddress(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(allowed.AllowsAddress(IPAddress.Parse("127.0.0.2")));
        Assert.Contains("'10.0.0.0/40'", Assert.Throws<ArgumentException>(() => new HarvestAllowList(["10.0.0.0/40"])).Message);
        Assert.Contains("'http://x/'", Assert.Throws<ArgumentException>(() => new HarvestAllowList(["http://x/"])).Message);
    }

    [Fact]
    public async Task A_public_looking_name_that_resolves_to_loopback_is_refused_before_any_connection()
    {
        await using var target = new ScriptedHttpServer(_ => new(200, "<ok/>"));
        using var client = new HarvestClient(new CatalogOptions(), (_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Loopback }));

        var refused = await Assert.ThrowsAsync<CswException>(() => client.GetXmlAsync($"http://csw.example.org:{target.Port}/csw", default));

        Assert.Equal(400, refused.Status);
        Assert.Contains("csw.example.org resolves to 127.0.0.1, a loopback address", refused.Message);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task The_connection_goes_to_the_address_that_was_checked()
    {
        await using var target = new ScriptedHttpServer(_ => new(200, "<ok/>"));
        int resolutions = 0;
        using var client = new HarvestClient(new CatalogOptions { HarvestAllowedHosts = ["127.0.0.1/32"] },
            (_, _) => { Interlocked.Increment(ref resolutions); return Task.FromResult(new[] { IPAddress.Loopback }); });

        // No DNS knows this name: only the address the client checked can have carried the request.
        var doc = await client.GetXmlAsync($"http://csw.invalid:{target.Port}/csw", default);

        Assert.Equal("ok", doc.Root!.Name.LocalName);
        Assert.Equal(1, resolutions);
        Assert.Single(target.Requests);
    }
}
