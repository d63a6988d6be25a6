using System.Net;
using System.Text.Json;

namespace GeoServer.Tests.Support;

/// <summary>Small helpers for reading the server's JSON answers in tests.</summary>
public static class HttpJson
{
    /// <summary>GETs the URL, asserts 200 and returns the parsed body.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return Parse(body);
    }

    public static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The href of the first link with this relation, or null.</summary>
    public static string? Link(this JsonElement resource, string rel, string? type = null) =>
        resource.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == rel &&
                        (type is null || (l.TryGetProperty("type", out var t) && t.GetString() == type)))
            .Select(l => l.GetProperty("href").GetString())
            .FirstOrDefault();

    /// <summary>The ids of a GeoJSON FeatureCollection's features.</summary>
    public static List<long> FeatureIds(this JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();

    /// <summary>
    /// Asserts an RFC 9457 problem answer: the status, application/problem+json, the parameter at fault named
    /// both as "parameter" and in the detail, and nothing that looks like a stack trace. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string? parameter)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(".cs:line", body);
        var problem = Parse(body);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (parameter is not null)
        {
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
            Assert.Contains(parameter, problem.GetProperty("detail").GetString());
        }
        return problem;
    }
}
