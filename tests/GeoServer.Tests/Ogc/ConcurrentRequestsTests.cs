using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class ConcurrentRequestsTests(GeoSdiServer server)
{
    private static readonly string[] Urls =
    [
        "/ogc/collections/vn:vn_provinces_2025/items?limit=5&crs=EPSG:3405",
        "/ogc/collections/vn:vn_provinces_2025/items?limit=5&crs=EPSG:4756",
        "/ogc/collections/vn:vn_provinces_2025/items?bbox=105.5,20.5,107.0,21.5&crs=EPSG:3857",
        "/ogc/collections/vn:populated_places/items?limit=200&bbox=105.3,20.2,106.9,21.4&crs=EPSG:5897",
        "/ogc/collections/vn:rivers/items?limit=20&bbox=105.5,20.5,107.0,21.5",
        "/ogc/collections/ha-noi:land_parcels_synthetic/items?limit=300&crs=EPSG:3405&bbox=20.9,105.7,21.2,106.0&bbox-crs=EPSG:4326",
        "/ogc/collections/vn:observations/items?limit=500&datetime=2025-01-03",
        "/ogc/collections/vn:coastline/items?limit=50&crs=EPSG:3406",
    ];

    private static string Features(string json) => HttpJson.Parse(json).GetProperty("features").GetRawText();

    [Fact]
    public async Task Many_simultaneous_requests_get_the_same_answers_as_one_at_a_time()
    {
        var sequential = new Dictionary<string, string>();
        foreach (var url in Urls)
            sequential[url] = Features(await server.Client.GetStringAsync(url));

        var parallel = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var url = Urls[i % Urls.Length];
            return (url, Features(await server.Client.GetStringAsync(url)));
        }));

        Assert.All(parallel, r => Assert.True(sequential[r.url] == r.Item2, $"{r.url} answered differently under load"));
    }
}
