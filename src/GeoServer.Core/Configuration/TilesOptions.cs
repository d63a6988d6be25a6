namespace GeoServer.Core.Configuration;

/// <summary>The tile cache: where tiles are kept, how much of them, and how long clients may reuse one unchecked.</summary>
public sealed class TilesOptions
{
    /// <summary>Folder of the cache (relative paths resolve against the configuration's folder); empty disables it.</summary>
    public string? CacheDirectory { get; init; } = ".cache/tiles";

    /// <summary>Most the cache may hold on disk; beyond it the least recently used tiles go.</summary>
    public long CacheMaxMegabytes { get; init; } = 2048;

    /// <summary>Most tile bytes also kept in memory, so hits cost no file read.</summary>
    public long MemoryMaxMegabytes { get; init; } = 256;

    /// <summary>
    /// Map tiles are rendered in blocks of MetaTileSize × MetaTileSize tiles (fewer at the matrix's edges), each block
    /// once, then split and cached: one query and one label placement per block instead of per tile, and no label is
    /// cut at a seam inside the block. 1 renders every tile alone. Used only with the cache.
    /// </summary>
    public int MetaTileSize { get; init; } = 4;
}
