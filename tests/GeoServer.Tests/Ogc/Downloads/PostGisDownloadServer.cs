using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>The download server on the samples as the test PostGIS database holds them, in workspace "pg".</summary>
public sealed class PostGisDownloadServer : IAsyncLifetime
{
    public GeoSdiProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DownloadServer.StartAsync(new Dictionary<string, object>
    {
        ["pg"] = new
        {
            Title = "PostGIS",
            Stores = new Dictionary<string, object>
            {
                ["db"] = new
                {
                    Type = "postgis",
                    PostGisDatabase.ConnectionString,
                    Tables = new[] { "base.populated_places", "land.land_parcels_synthetic", "envmon.monitoring_stations", "land.land_use_codes" },
                    AutoPublish = true,
                },
            },
        },
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
