using System.Security.Cryptography;

namespace GeoServer.Tiles.Cache;

/// <summary>A tile as the cache hands it out: its bytes (empty for a tile with nothing in it) and a strong ETag.</summary>
public sealed record CachedTile(byte[] Bytes, string ETag)
{
    public bool IsEmpty => Bytes.Length == 0;

    /// <summary>The tile with an ETag derived from its content, so every node gives the same tile the same tag.</summary>
    public static CachedTile Of(byte[]? bytes)
    {
        bytes ??= [];
        return new CachedTile(bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"");
    }
}
