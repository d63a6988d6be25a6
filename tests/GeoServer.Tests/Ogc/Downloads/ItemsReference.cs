using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>What the items endpoint returns for a query: every page, followed through its "next" links.</summary>
public static class ItemsReference
{
    /// <summary>Every feature of <c>/ogc/collections/{collection}/items?{query}</c>, by id.</summary>
    public static async Task<Dictionary<long, FeatureCopy>> GetAsync(HttpClient client, string collection, string query,
        string? apiKey = null)
    {
        var features = new Dictionary<long, FeatureCopy>();
        string? url = $"ogc/collections/{collection}/items?{query}&limit=1000";
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (apiKey is not null) request.Headers.Add("X-API-Key", apiKey);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
            var page = HttpJson.Parse(body);
            foreach (var feature in page.GetProperty("features").EnumerateArray())
                features.Add(feature.GetProperty("id").GetInt64(), FeatureCopy.From(feature));
            url = page.Link("next", "application/geo+json");
        }
        return features;
    }
}
