using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoServer.Tests.Support;
using Xunit;

namespace GeoServer.Tests.Ogc.Editing;

/// <summary>
/// OGC API – Features Part 4 on a copy of the synthetic land parcels (polygons in EPSG:4326), the same assertions
/// for every store. Counts are read from the store itself, not through the server, so "nothing was written"
/// means nothing.
/// </summary>
public abstract class FeatureEditingContract : IAsyncLifetime
{
    private const string Parcel = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[105.830,21.130],[105.831,21.130],[105.831,21.131],[105.830,21.131],[105.830,21.130]]]},
         "properties":{"so_thua":9001,"dien_tich_m2":1234.5,"ten_loai_dat":"Đất ở tại nông thôn","ma_xa":"99999"}}
        """;

    protected GeoSdiProcess Server { get; private set; } = null!;
    protected string Folder { get; } = Directory.CreateTempSubdirectory("geosdi-editing-").FullName;

    /// <summary>The published id of the parcels copy.</summary>
    protected abstract string CollectionId { get; }

    /// <summary>Makes the copy; returns the store's configuration.</summary>
    protected abstract Task<object> CreateStoreAsync();

    /// <summary>Rows in the copy, read from the store directly.</summary>
    protected abstract Task<long> CountInStoreAsync();

    public async Task InitializeAsync() => Server = await EditingServer.StartAsync(Folder, await CreateStoreAsync());

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    private string Items => $"ogc/collections/{CollectionId}/items";

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? key,
        string contentType = "application/geo+json", Action<HttpRequestMessage>? also = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));
        if (key is not null) request.Headers.Add("X-API-Key", key);
        also?.Invoke(request);
        return await Server.Client.SendAsync(request);
    }

    private async Task<(JsonObject Feature, string Tag)> GetAsync(string location)
    {
        var response = await Server.Client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.ToString());
    }

    private async Task<string> CreateAsync(string body = Parcel)
    {
        var response = await SendAsync(HttpMethod.Post, Items, body, EditingServer.EditorKey);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task Anonymous_writes_are_refused_with_a_Basic_challenge_and_write_nothing()
    {
        long before = await CountInStoreAsync();
        var response = await SendAsync(HttpMethod.Post, Items, Parcel, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(before, await CountInStoreAsync());
    }

    [Fact]
    public async Task A_reader_and_an_editor_of_another_workspace_may_read_but_not_write()
    {
        long before = await CountInStoreAsync();
        foreach (var key in new[] { EditingServer.ReaderKey, EditingServer.OtherEditorKey })
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, Items + "?limit=1", null, key)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, Items, Parcel, key)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Delete, Items + "/1", null, key)).StatusCode);
        }
        Assert.Equal(before, await CountInStoreAsync());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_rather_than_served_as_anonymous()
    {
        var response = await SendAsync(HttpMethod.Get, Items + "?limit=1", null, "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.Client.GetAsync(Items + "?limit=1&api_key=not-a-key")).StatusCode);
    }

    [Fact]
    public async Task An_editor_creates_a_feature_that_reads_back_as_sent()
    {
        long before = await CountInStoreAsync();
        var response = await SendAsync(HttpMethod.Post, Items, Parcel, EditingServer.EditorKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (feature, tag) = await GetAsync(response.Headers.Location!.ToString());
        Assert.Equal(response.Headers.ETag!.ToString(), tag);
        Assert.Equal(9001, (int)feature["properties"]!["so_thua"]!);
        Assert.Equal("Đất ở tại nông thôn", (string)feature["properties"]!["ten_loai_dat"]!);
        Assert.Equal(1234.5, (double)feature["properties"]!["dien_tich_m2"]!);
        var ring = feature["geometry"]!["coordinates"]![0]!.AsArray();
        Assert.Equal(105.831, (double)ring.Select(p => p![0]!).Max(x => (double)x!), 9);
        Assert.Equal(21.131, (double)ring.Select(p => p![1]!).Max(y => (double)y!), 9);
        Assert.Equal(before + 1, await CountInStoreAsync());
    }

    [Fact]
    public async Task The_api_key_parameter_authenticates_clients_that_cannot_set_headers()
    {
        var response = await SendAsync(HttpMethod.Post, Items + "?api_key=" + EditingServer.EditorKey, Parcel, key: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("api_key", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_api_key_parameter_is_read_and_removed_in_any_letter_case()
    {
        var response = await SendAsync(HttpMethod.Post, Items + "?API_Key=" + EditingServer.EditorKey, Parcel, key: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // The links of a page echo its query: the key must not be among them.
        var page = await Server.Client.GetAsync(Items + "?limit=1&Api_Key=" + EditingServer.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(EditingServer.ReaderKey, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.Client.GetAsync(Items + "?limit=1&API_KEY=not-a-key")).StatusCode);
    }

    [Fact]
    public async Task A_replacement_with_a_stale_tag_fails_and_with_the_current_tag_succeeds()
    {
        var location = await CreateAsync();
        var (_, tag) = await GetAsync(location);
        string replacement = Parcel.Replace("9001", "9002").Replace(",\"ma_xa\":\"99999\"", "");
        var first = await SendAsync(HttpMethod.Put, location, replacement, EditingServer.EditorKey, also: r => r.Headers.TryAddWithoutValidation("If-Match", tag));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var stale = await SendAsync(HttpMethod.Put, location, Parcel, EditingServer.EditorKey, also: r => r.Headers.TryAddWithoutValidation("If-Match", tag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var (feature, newTag) = await GetAsync(location);
        Assert.Equal(first.Headers.ETag!.ToString(), newTag);
        Assert.NotEqual(tag, newTag);
        Assert.Equal(9002, (int)feature["properties"]!["so_thua"]!);
        // A replacement replaces: what it leaves out is gone.
        Assert.Null(feature["properties"]!["ma_xa"]);
    }

    [Fact]
    public async Task A_patch_changes_only_what_it_names()
    {
        var location = await CreateAsync();
        var (before, _) = await GetAsync(location);
        var response = await SendAsync(HttpMethod.Patch, location, """{"properties":{"so_thua":77,"ten_loai_dat":null}}""",
            EditingServer.EditorKey, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (after, _) = await GetAsync(location);
        Assert.Equal(77, (int)after["properties"]!["so_thua"]!);
        Assert.Null(after["properties"]!["ten_loai_dat"]);
        Assert.Equal("99999", (string)after["properties"]!["ma_xa"]!);
        Assert.Equal(before["geometry"]!.ToJsonString(), after["geometry"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_removes_the_feature()
    {
        var location = await CreateAsync();
        long before = await CountInStoreAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, location, null, EditingServer.EditorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Client.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, location, null, EditingServer.EditorKey)).StatusCode);
        Assert.Equal(before - 1, await CountInStoreAsync());
    }

    [Fact]
    public async Task Of_concurrent_edits_of_one_feature_with_the_same_tag_exactly_one_wins()
    {
        var location = await CreateAsync();
        var (_, tag) = await GetAsync(location);
        var edits = Enumerable.Range(0, 8).Select(i => SendAsync(HttpMethod.Patch, location, $$$"""{"properties":{"so_thua":{{{100 + i}}}}}""",
            EditingServer.EditorKey, "application/merge-patch+json", r => r.Headers.TryAddWithoutValidation("If-Match", tag)));
        var statuses = (await Task.WhenAll(edits)).Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.NoContent));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { Parcel.Replace("\"ma_xa\"", "\"no_such_column\""), "no_such_column" },
        { Parcel.Replace("9001", "\"nine\""), "so_thua" },
        { Parcel.Replace("[105.831,21.130],[105.831,21.131],[105.830,21.131]", "[105.831,21.131],[105.831,21.130],[105.830,21.131]"), "not valid" },
        { """{"type":"Feature","geometry":{"type":"LineString","coordinates":[[105.83,21.13],[105.84,21.14]]},"properties":{}}""", "LineString" },
        { """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[105.83,21.13],[105.84,21.13],[105.84,21.14]]]},"properties":{}}""", "position" },
        { "{\"type\":\"Feature\",", "not valid JSON" },
        { $$"""{"type":"FeatureCollection","features":[{{Parcel}},{{Parcel.Replace("9001", "true")}}]}""", "so_thua" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_gets_a_400_naming_the_problem_and_writes_nothing(string body, string named)
    {
        long before = await CountInStoreAsync();
        var response = await SendAsync(HttpMethod.Post, Items, body, EditingServer.EditorKey);
        string detail = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {detail}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(named, detail);
        Assert.Equal(before, await CountInStoreAsync());
    }

    [Fact]
    public async Task A_body_of_another_media_type_is_415()
    {
        var response = await SendAsync(HttpMethod.Post, Items, "<Feature/>", EditingServer.EditorKey, "application/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_collection_is_written_all_together()
    {
        long before = await CountInStoreAsync();
        string body = $$"""{"type":"FeatureCollection","features":[{{Parcel}},{{Parcel.Replace("9001", "9003")}}]}""";
        var response = await SendAsync(HttpMethod.Post, Items, body, EditingServer.EditorKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["numberCreated"]!);
        Assert.Equal(before + 2, await CountInStoreAsync());
    }

    [Fact]
    public async Task Content_Crs_says_which_CRS_the_body_is_in()
    {
        // EPSG:4326 is latitude first; the server stores longitude, latitude.
        string latFirst = """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[21.130,105.830],[21.130,105.831],[21.131,105.831],[21.131,105.830],[21.130,105.830]]]},"properties":{}}""";
        var response = await SendAsync(HttpMethod.Post, Items, latFirst, EditingServer.EditorKey,
            also: r => r.Content!.Headers.TryAddWithoutValidation("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4326>"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (feature, _) = await GetAsync(response.Headers.Location!.ToString());
        var first = feature["geometry"]!["coordinates"]![0]![0]!.AsArray();
        Assert.Equal(105.830, (double)first[0]!, 9);
        Assert.Equal(21.130, (double)first[1]!, 9);
    }
}
