namespace GeoServer.Tests.Support;

/// <summary>XYZ (WebMercatorQuad) tile arithmetic and where the tile cache keeps a tile, for cache tests.</summary>
public static class XyzTiles
{
    /// <summary>The tile at zoom <paramref name="z"/> holding a longitude, latitude.</summary>
    public static (long X, long Y) At(double lon, double lat, int z)
    {
        double n = Math.Pow(2, z), rad = lat * Math.PI / 180;
        return ((long)Math.Floor((lon + 180) / 360 * n), (long)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n));
    }

    /// <summary>The tile's file in a cache folder: {generation}/{tileset}/default/WebMercatorQuad/{z}/{x}/{y}.{ext}.</summary>
    public static string CachedFile(string cacheDirectory, string tileset, int z, long x, long y, string extension)
    {
        var generation = Directory.GetDirectories(cacheDirectory).Single();
        return Path.Combine(generation, tileset, "default", "WebMercatorQuad", z.ToString(), x.ToString(), $"{y}.{extension}");
    }
}
