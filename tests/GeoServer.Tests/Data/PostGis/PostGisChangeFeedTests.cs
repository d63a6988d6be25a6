using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;
using Xunit;

namespace GeoServer.Tests.Data.PostGis;

/// <summary>
/// With ListenForChanges, a change made straight in PostgreSQL (another program, another node) drops the cached
/// tiles it touches within moments, through the tables' triggers and LISTEN/NOTIFY; other tiles stay cached.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisChangeFeedTests : IAsyncLifetime
{
    private PostGisScratchSchema _schema = null!;
    private GeoSdiProcess _server = null!;
    private string Layer => $"ha-noi:{_schema.Name}.parcels";

    public async Task InitializeAsync()
    {
        _schema = await EditingServer.CreateParcelsCopyAsync();
        _server = await EditingServer.StartOnParcelsAsync(_schema, listenForChanges: true);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task An_update_in_the_database_drops_the_tiles_it_touches_and_keeps_the_others()
    {
        double lon = await PostGisDatabase.ScalarAsync<double>($"SELECT ST_X(ST_PointN(ST_ExteriorRing(geom), 1)) FROM {_schema.Name}.parcels WHERE fid = 1");
        double lat = await PostGisDatabase.ScalarAsync<double>($"SELECT ST_Y(ST_PointN(ST_ExteriorRing(geom), 1)) FROM {_schema.Name}.parcels WHERE fid = 1");
        var (x, y) = XyzTiles.At(lon, lat, 17);
        Assert.True((await _server.Client.GetAsync($"tiles/{Layer}/17/{x}/{y}.png")).IsSuccessStatusCode);
        Assert.True((await _server.Client.GetAsync($"tiles/{Layer}/17/{x + 6}/{y}.png")).IsSuccessStatusCode);
        string near = XyzTiles.CachedFile(_server.CacheDirectory, Layer, 17, x, y, "png");
        string far = XyzTiles.CachedFile(_server.CacheDirectory, Layer, 17, x + 6, y, "png");
        Assert.True(File.Exists(near) && File.Exists(far), "both tiles were cached");
        var farWritten = File.GetLastWriteTimeUtc(far);

        await PostGisDatabase.ExecuteAsync($"UPDATE {_schema.Name}.parcels SET geom = ST_Translate(geom, 0.0002, 0) WHERE fid = 1");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(near) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.False(File.Exists(near), "the tile the moved parcel touches is dropped");
        Assert.True(File.Exists(far), "a tile far from it keeps its cache entry");
        Assert.Equal(farWritten, File.GetLastWriteTimeUtc(far));
    }

    [Fact]
    public async Task An_attribute_update_drops_the_tiles_of_the_rows_it_touched_as_labels_and_rules_read_attributes()
    {
        var (x, y) = XyzTiles.At(105.83, 21.135, 15);
        Assert.True((await _server.Client.GetAsync($"tiles/{Layer}/15/{x}/{y}.png")).IsSuccessStatusCode);
        string tile = XyzTiles.CachedFile(_server.CacheDirectory, Layer, 15, x, y, "png");
        Assert.True(File.Exists(tile));
        await PostGisDatabase.ExecuteAsync($"UPDATE {_schema.Name}.parcels SET ghi_chu = 'đã kiểm tra'");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(tile) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.False(File.Exists(tile));
    }
}
