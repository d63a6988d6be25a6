using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GeoServer.Tests.Ogc.Editing;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// The attack shapes known from OGC servers, against a PostGIS layer (where an injection would reach SQL): the
/// filter and property-name injections of GeoServer CVE-2023-25157 and CVE-2024-36401, path traversal in ids,
/// oversized and hostile bodies. Each is refused with a 4xx in the protocol's format (never a 500 or a stack trace),
/// and the table is exactly as it was afterwards.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class AttackShapeTests : IAsyncLifetime
{
    private PostGisScratchSchema _schema = null!;
    private GeoSdiProcess _server = null!;
    private string Layer => $"ha-noi:{_schema.Name}.parcels";

    public async Task InitializeAsync()
    {
        _schema = await EditingServer.CreateParcelsCopyAsync();
        _server = await EditingServer.StartOnParcelsAsync(_schema);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _schema.DisposeAsync();
    }

    /// <summary>A digest of every row, so "as it was" means every value, not just the count.</summary>
    private Task<string> TableDigestAsync() => PostGisDatabase.ScalarAsync<string>(
        $"SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY fid)) FROM {_schema.Name}.parcels t");

    public static TheoryData<string> HostileQueries => new()
    {
        // CVE-2023-25157: SQL smuggled through filter functions and string literals.
        "filter=strStartsWith(ma_xa,'x'') = true and 1=(SELECT CAST ((SELECT version()) AS integer)) -- ')=true",
        "filter=ma_xa = 'x' ; DROP TABLE {schema}.parcels; --",
        "filter=ma_xa LIKE 'a%' OR 1=1) UNION SELECT usename FROM pg_user --",
        "filter=\"ma_xa\\\" = 1; DROP TABLE {schema}.parcels; --\" = 'a'",
        "filter=S_INTERSECTS(geom, POINT(105.8 21.1)) AND pg_sleep(10) = 1",
        "filter-lang=cql2-json&filter={\"op\":\"=\",\"args\":[{\"property\":\"ma_xa; DELETE FROM {schema}.parcels\"},\"1\"]}",
        "filter-lang=cql2-json&filter={\"op\":\"=\",\"args\":[{\"function\":{\"name\":\"pg_read_file\",\"args\":[\"/etc/passwd\"]}},\"1\"]}",
        // CVE-2024-36401: property names evaluated as expressions.
        "properties=exec(java.lang.Runtime.getRuntime(),'touch /tmp/geosdi-pwned')",
        "sortby=ma_xa;DROP TABLE {schema}.parcels",
        "sortby=(SELECT 1)",
        "ma_xa'%20OR%20'1'='1=1",
        "filter=exec(java.lang.Runtime.getRuntime(),'id') = 1",
        // Resource exhaustion: nesting and size.
        "filter=" + string.Concat(Enumerable.Repeat("NOT (", 500)) + "ma_xa = 'a'" + new string(')', 500),
        "filter=ma_xa IN (" + string.Join(",", Enumerable.Repeat("'a'", 20000)) + ")",
        "limit=999999999999999999999",
        "bbox=1e400,0,1,1",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task A_hostile_items_query_is_a_400_problem_and_the_table_is_untouched(string query)
    {
        string before = await TableDigestAsync();
        var response = await _server.Client.GetAsync($"ogc/collections/{Layer}/items?{query.Replace("{schema}", _schema.Name)}");
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong, $"{(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Npgsql", body);
        Assert.Equal(before, await TableDigestAsync());
        Assert.False(File.Exists("/tmp/geosdi-pwned"));
    }

    [Fact]
    public async Task A_quote_inside_a_CQL2_string_is_data_not_SQL()
    {
        string before = await TableDigestAsync();
        var response = await _server.Client.GetAsync($"ogc/collections/{Layer}/items?filter=" +
            Uri.EscapeDataString($"ma_xa = 'x'' OR ''1''=''1' OR ma_xa = ''';DROP TABLE {_schema.Name}.parcels;--'"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"numberReturned\":0", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await TableDigestAsync());
    }

    public static TheoryData<string> TraversalPaths => new()
    {
        "ogc/collections/..%2F..%2F..%2Fetc%2Fpasswd/items",
        "ogc/collections/ha-noi:..%2F..%2Fetc%2Fpasswd",
        "ogc/static/..%2F..%2Fappsettings.json",
        "ogc/static/%2E%2E/%2E%2E/GeoServer.Host.dll",
        "tiles/..%2F..%2F..%2Fetc%2Fpasswd/0/0/0.png",
        "tiles/ha-noi/0/0/..%2F..%2F..%2Fetc%2Fpasswd.png",
        "wmts/1.0.0/..%2F..%2Fetc%2Fpasswd/default/WebMercatorQuad/0/0/0.png",
        "wms?service=WMS&version=1.3.0&request=GetMap&layers=../../etc/passwd&styles=&crs=CRS:84&bbox=0,0,1,1&width=8&height=8&format=image/png",
        "wms?service=WMS&version=1.3.0&request=GetMap&layers=ha-noi&styles=../../../../etc/passwd&crs=CRS:84&bbox=0,0,1,1&width=8&height=8&format=image/png",
    };

    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task A_path_traversal_in_an_id_finds_nothing(string path)
    {
        var response = await _server.Client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task An_oversized_edit_body_is_413_and_writes_nothing()
    {
        string before = await TableDigestAsync();
        var huge = new StringBuilder("""{"type":"Feature","geometry":null,"properties":{"ghi_chu":" """);
        huge.Append('x', 70 * 1024 * 1024).Append("\"}}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"ogc/collections/{Layer}/items")
        {
            Content = new StringContent(huge.ToString(), Encoding.UTF8, new MediaTypeHeaderValue("application/geo+json")),
        };
        request.Headers.Add("X-API-Key", EditingServer.EditorKey);
        HttpResponseMessage response;
        try
        {
            response = await _server.Client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // The server may close the connection as soon as it has said no; that is a refusal too.
            Assert.Equal(before, await TableDigestAsync());
            return;
        }
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await TableDigestAsync());
    }

    [Fact]
    public async Task A_JSON_bomb_of_deep_nesting_is_a_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"ogc/collections/{Layer}/items")
        {
            Content = new StringContent(new string('[', 100_000) + new string(']', 100_000), Encoding.UTF8, new MediaTypeHeaderValue("application/geo+json")),
        };
        request.Headers.Add("X-API-Key", EditingServer.EditorKey);
        var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_XML_body_with_an_external_entity_is_refused_by_every_service_that_reads_XML()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Feature>&x;</Feature>""";
        foreach (var path in new[] { $"ogc/collections/{Layer}/items", "wms", "wmts" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(xxe, Encoding.UTF8, new MediaTypeHeaderValue("application/xml")) };
            request.Headers.Add("X-API-Key", EditingServer.EditorKey);
            var response = await _server.Client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("root:", body);
        }
    }
}
