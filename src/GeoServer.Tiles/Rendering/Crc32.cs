namespace GeoServer.Tiles.Rendering;

/// <summary>
/// CRC-32 (ISO 3309, the one PNG chunks carry), table-driven. System.IO.Hashing is not in the NuGet copy these
/// machines reach, and PNG only checksums chunk headers and compressed data, so one table is fast enough.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues a CRC over more bytes; start with 0 (same convention as zlib's crc32()).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        var c = ~crc;
        foreach (var b in data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
