using System.Net;
using System.Net.Sockets;

namespace GeoServer.Catalog.Harvest;

/// <summary>
/// Which addresses a harvest may not reach unless allowed: everything that is not the public internet, where a URL
/// given to the server would let a caller reach the server's own machine, its network or its cloud's metadata service
/// (server-side request forgery).
/// </summary>
public static class HarvestAddresses
{
    /// <summary>Why <paramref name="address"/> is refused ("a loopback address"), or null for a public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return Refusal(address.MapToIPv4());
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return b[0] switch
            {
                0 => "an unspecified address (0.0.0.0/8)",
                127 => "a loopback address",
                10 => "a private address (RFC 1918)",
                172 when b[1] is >= 16 and < 32 => "a private address (RFC 1918)",
                192 when b[1] == 168 => "a private address (RFC 1918)",
                100 when b[1] is >= 64 and < 128 => "a carrier-grade NAT address (100.64.0.0/10)",
                169 when b[1] == 254 => "a link-local address (169.254.0.0/16, where cloud metadata services answer)",
                >= 224 and < 240 => "a multicast address",
                >= 240 => "a reserved or broadcast address (240.0.0.0/4)",
                _ => null,
            };
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "not an internet address";
        if (address.Equals(IPAddress.IPv6None)) return "an unspecified address (::)";
        if (address.Equals(IPAddress.IPv6Loopback)) return "a loopback address";
        if (address.IsIPv6LinkLocal) return "a link-local address (fe80::/10)";
        if (address.IsIPv6SiteLocal) return "a site-local address (fec0::/10)";
        if (address.IsIPv6Multicast) return "a multicast address";
        if ((b[0] & 0xfe) == 0xfc) return "a unique local address (fc00::/7)";
        // Addresses that carry an IPv4 address inside (NAT64, 6to4, IPv4-compatible) are as good as that address.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0)) return Refusal(new IPAddress(b[12..]));
        if (b[0] == 0x20 && b[1] == 0x02) return Refusal(new IPAddress(b[2..6]));
        if (b[..12].All(x => x == 0)) return Refusal(new IPAddress(b[12..]));
        return null;
    }
}
