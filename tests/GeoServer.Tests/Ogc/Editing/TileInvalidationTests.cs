using System.Net;
using GeoServer.Tests.Support;
using Xunit;

namespace GeoServer.Tests.Ogc.Editing;

/// <summary>
/// A feature changed through the API drops exactly the cached tiles that show it: the next request for such a tile
/// draws the change, while tiles elsewhere keep their cache entry (same file, untouched).
/// </summary>
public sealed class TileInvalidationTests : IAsyncLifetime
{
    private const string Layer = "ha-noi:land_parcels_synthetic";
    private GeoSdiProcess _server = null!;

    public async Task InitializeAsync() => (_server, _) = await EditingServer.StartOnLandCopyAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Deleting_a_feature_drops_the_tiles_showing_it_and_keeps_the_others()
    {
        // Parcel 1's first vertex, and the z17 tile holding it; the far tile is 6 tiles east (about 1.8 km).
        var parcel = System.Text.Json.Nodes.JsonNode.Parse(await _server.Client.GetStringAsync($"ogc/collections/{Layer}/items/1"))!;
        var vertex = parcel["geometry"]!["coordinates"]![0]![0]!;
        var (x, y) = XyzTiles.At((double)vertex[0]!, (double)vertex[1]!, 17);
        string near = $"tiles/{Layer}/17/{x}/{y}", far = $"tiles/{Layer}/17/{x + 6}/{y}";

        var nearPng = await GetBytesAsync(near + ".png");
        await GetBytesAsync(near + ".mvt");
        await GetBytesAsync(far + ".png");
        var nearFile = CachedFile(17, x, y, "png");
        var nearMvt = CachedFile(17, x, y, "mvt");
        var farFile = CachedFile(17, x + 6, y, "png");
        var farWritten = File.GetLastWriteTimeUtc(farFile);
        Assert.True(File.Exists(nearFile) && File.Exists(nearMvt), "the tiles were cached");

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"ogc/collections/{Layer}/items/1");
        delete.Headers.Add("X-API-Key", EditingServer.EditorKey);
        Assert.Equal(HttpStatusCode.NoContent, (await _server.Client.SendAsync(delete)).StatusCode);

        Assert.False(File.Exists(nearFile), "the PNG tile showing the parcel is dropped");
        Assert.False(File.Exists(nearMvt), "the vector tile holding the parcel is dropped");
        Assert.True(File.Exists(farFile), "a tile far from the parcel keeps its cache entry");
        Assert.Equal(farWritten, File.GetLastWriteTimeUtc(farFile));
        var redrawn = await GetBytesAsync(near + ".png");
        Assert.NotEqual(nearPng, redrawn);
    }

    private async Task<byte[]> GetBytesAsync(string path)
    {
        var response = await _server.Client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{path}: {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private string CachedFile(int z, long x, long y, string extension) =>
        XyzTiles.CachedFile(_server.CacheDirectory, Layer, z, x, y, extension);
}
