using System.Net;
using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

[Collection(GeoSdiServerCollection.Name)]
public sealed class HealthTests(GeoSdiServer server)
{
    [Fact]
    public async Task Health_reports_Healthy_as_JSON_when_every_sample_store_answers()
    {
        using var response = await server.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("stores").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Liveness_answers_200()
    {
        using var response = await server.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_root_redirects_to_the_OGC_API_landing_page()
    {
        using var response = await server.Client.GetAsync("/");

        Assert.True((int)response.StatusCode is >= 300 and < 400, $"status {(int)response.StatusCode}");
        Assert.EndsWith("/ogc", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_server_listens_on_a_real_loopback_TCP_port()
    {
        using var raw = new HttpClient();

        using var response = await raw.GetAsync(new Uri(server.BaseAddress, "/health/live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
    }
}
