using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GeoServer.Core.Configuration;
using GeoServer.Tiles.Cache;

namespace GeoServer.Host.Startup;

/// <summary>
/// Opens the tile cache the configuration asks for (none when CacheDirectory is empty). Its generation is a hash of
/// the renderer build, the configuration and every style file, so a new build or an edited style starts from an
/// empty cache instead of serving pictures drawn the old way.
/// </summary>
public static class TileCacheFactory
{
    public static TileCache? Open(GeoSdiOptions options, string baseDirectory, ILogger log)
    {
        if (string.IsNullOrWhiteSpace(options.Tiles.CacheDirectory)) return null;
        var directory = Path.GetFullPath(Path.Combine(baseDirectory, options.Tiles.CacheDirectory));
        var cache = new TileCache(directory, Generation(options, baseDirectory),
            options.Tiles.CacheMaxMegabytes << 20, options.Tiles.MemoryMaxMegabytes << 20, log);
        log.LogInformation("Tile cache in {Directory}", directory);
        return cache;
    }

    private static string Generation(GeoSdiOptions options, string baseDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(TileCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(options)));
        var styleFiles = options.Workspaces.Values.SelectMany(w => w.Layers.Values).SelectMany(l => l.Styles ?? []);
        foreach (var file in styleFiles.Order(StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
            if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }
}
