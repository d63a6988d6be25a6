using System.Net;

namespace GeoServer.Catalog.Harvest;

/// <summary>
/// The hosts and networks an administrator lets harvesting reach although they are not public
/// (<see cref="CatalogOptions.HarvestAllowedHosts"/>): a host name allows that name whatever it resolves to; an
/// address or a CIDR network ("10.20.0.0/16", "fd00::/8") allows the addresses in it, whatever name led there.
/// </summary>
public sealed class HarvestAllowList
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(byte[] Network, int Bits)> _networks = [];

    /// <summary>Reads the entries; an entry that is neither a host name, an address nor a network throws, naming it.</summary>
    public HarvestAllowList(IEnumerable<string> entries)
    {
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var (text, bits) = entry.Split('/') is [var a, var n] && int.TryParse(n, out var b) ? (a, (int?)b) : (entry, null);
            if (IPAddress.TryParse(text.Trim('[', ']'), out var address))
            {
                var bytes = Canonical(address).GetAddressBytes();
                int max = bytes.Length * 8;
                if (bits is < 0 || bits > max) throw new ArgumentException($"Catalog:HarvestAllowedHosts: '{entry}' has a prefix length beyond {max}.");
                _networks.Add((bytes, bits ?? max));
            }
            else if (bits is null && Uri.CheckHostName(entry) == UriHostNameType.Dns)
                _hosts.Add(entry.TrimEnd('.'));
            else
                throw new ArgumentException($"Catalog:HarvestAllowedHosts: '{entry}' is not a host name, an address or a network (address/bits).");
        }
    }

    public bool AllowsHost(string host) => _hosts.Contains(host.TrimEnd('.'));

    public bool AllowsAddress(IPAddress address)
    {
        var bytes = Canonical(address).GetAddressBytes();
        return _networks.Any(n => n.Network.Length == bytes.Length && SamePrefix(n.Network, bytes, n.Bits));
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool SamePrefix(byte[] network, byte[] address, int bits)
    {
        for (int i = 0; i < network.Length && bits > 0; i++, bits -= 8)
        {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((network[i] & mask) != (address[i] & mask)) return false;
        }
        return true;
    }
}
