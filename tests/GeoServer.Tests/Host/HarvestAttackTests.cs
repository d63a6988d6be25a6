using System.Net;
using System.Xml.Linq;
using GeoServer.Host.Security;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Styles;
using static GeoServer.Tests.Catalog.Csw.CswClient;

namespace GeoServer.Tests.Host;

/// <summary>
/// Server-side request forgery through the inputs that make the server fetch a URL: a CSW Harvest of the server's own
/// machine, its network, the cloud metadata address, non-HTTP schemes, or a public-looking host that redirects inward
/// is refused with an ows:ExceptionReport naming the reason; the target never sees a request and the catalog stores
/// nothing. Only "localhost" is allowed (the first hop of the redirect), and it is still held to the size and time
/// limits. SLD styles never fetch what they reference.
/// </summary>
public sealed class HarvestAttackTests : IClassFixture<HarvestAttackTests.Servers>
{
    private const string AdminKey = "harvest-attack-admin-key";
    private const string CswRecords = "http://www.opengis.net/cat/csw/2.0.2";
    private readonly ScriptedHttpServer _target;
    private readonly GeoSdiProcess _server;

    public HarvestAttackTests(Servers servers)
    {
        _target = servers.Target;
        _server = servers.Server;
        _target.Clear();
    }

    /// <summary>The scripted target and the GeoSDI server that harvests, shared by the tests (which run one at a time).</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public ScriptedHttpServer Target { get; private set; } = null!;
        public GeoSdiProcess Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Target = new ScriptedHttpServer(target => target switch
            {
                _ when target.StartsWith("/redirect-loop", StringComparison.Ordinal) => new(302, "", ("Location", $"http://localhost:{Target.Port}/redirect-loop")),
                _ when target.StartsWith("/redirect", StringComparison.Ordinal) => new(302, "", ("Location", $"http://127.0.0.1:{Target.Port}/csw")),
                _ when target.StartsWith("/to-file", StringComparison.Ordinal) => new(302, "", ("Location", "file:///etc/passwd")),
                _ when target.StartsWith("/slow", StringComparison.Ordinal) => new(null),
                _ when target.StartsWith("/huge", StringComparison.Ordinal) => new(200, "<a>" + new string('x', 300_000) + "</a>"),
                _ => new(200, """<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="0" numberOfRecordsReturned="0" nextRecord="0"/></csw:GetRecordsResponse>"""),
            });
            Server = await GeoSdiProcess.StartAsync(new
            {
                Catalog = new { HarvestAllowedHosts = new[] { "localhost" }, HarvestTimeoutSeconds = 2, MaxHarvestBytes = 100_000 },
                Workspaces = new Dictionary<string, object>
                {
                    ["vn"] = new { Stores = new { @base = new { Type = "geopackage", Path = SampleData.PathOf("base.gpkg") } } },
                },
                Security = new { ApiKeys = new Dictionary<string, object> { ["admin"] = new { Hash = SecretHash.OfApiKey(AdminKey), Role = "Admin" } } },
            });
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Target.DisposeAsync();
        }
    }

    public static TheoryData<string, string> Forbidden => new()
    {
        { "http://127.0.0.1:{port}/csw", "loopback" },
        { "http://127.1.2.3:{port}/csw", "loopback" },
        { "http://[::1]:{port}/csw", "loopback" },
        { "http://[::ffff:127.0.0.1]:{port}/csw", "loopback" },
        { "http://2130706433:{port}/csw", "loopback" },
        { "http://0.0.0.0:{port}/csw", "unspecified" },
        { "http://169.254.169.254/latest/meta-data/", "link-local" },
        { "http://[fe80::1]/csw", "link-local" },
        { "http://10.0.0.1/csw", "private" },
        { "http://172.16.5.4/csw", "private" },
        { "http://192.168.1.1/csw", "private" },
        { "http://[fd12:3456::1]/csw", "unique local" },
        { "http://100.64.0.1/csw", "carrier-grade NAT" },
        { "http://224.0.0.1/csw", "multicast" },
        { "file:///etc/passwd", "only http and https" },
        { "gopher://127.0.0.1:{port}/_GET%20/csw", "only http and https" },
        { "ftp://127.0.0.1:{port}/csw", "only http and https" },
        { "http://localhost:{port}/redirect", "127.0.0.1 is a loopback address" },
        { "http://localhost:{port}/to-file", "only http and https" },
        { "http://localhost:{port}/redirect-loop", "more than 5 times" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task A_harvest_that_would_reach_inside_is_refused_naming_the_reason_and_nothing_is_stored(string source, string reason)
    {
        source = source.Replace("{port}", _target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int before = await RecordCountAsync();

        var (status, report) = await HarvestAsync(source);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidParameterValue", ExceptionCode(report));
        Assert.Equal("Source", report.Descendants(Ows + "Exception").Single().Attribute("locator")?.Value);
        Assert.Contains(reason, report.Descendants(Ows + "ExceptionText").Single().Value);
        Assert.Equal(before, await RecordCountAsync());
        // The only requests the target ever sees are the allowed first hops of the redirects, never what they lead to.
        Assert.All(_target.Requests, r => Assert.Matches("^/(redirect|to-file)", r));
        if (source.Contains("/redirect-loop", StringComparison.Ordinal)) Assert.Equal(6, _target.Requests.Count);
        else if (source.Contains("localhost", StringComparison.Ordinal)) Assert.Single(_target.Requests);
        else Assert.Empty(_target.Requests);
    }

    [Fact]
    public async Task An_allowed_source_that_does_not_answer_in_time_is_a_504()
    {
        var (status, report) = await HarvestAsync($"http://localhost:{_target.Port}/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Contains("did not answer within 2 s", report.Descendants(Ows + "ExceptionText").Single().Value);
    }

    [Fact]
    public async Task An_allowed_source_whose_answer_is_too_large_is_a_413()
    {
        var (status, report) = await HarvestAsync($"http://localhost:{_target.Port}/huge");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("Catalog:MaxHarvestBytes", report.Descendants(Ows + "ExceptionText").Single().Value);
    }

    [Fact]
    public async Task An_allowed_source_is_harvested()
    {
        var (status, report) = await HarvestAsync($"http://localhost:{_target.Port}/csw");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("HarvestResponse", report.Root!.Name.LocalName);
        Assert.Single(_target.Requests, r => r.StartsWith("/csw?", StringComparison.Ordinal));
    }

    [Fact]
    public void An_SLD_never_fetches_its_external_graphics_or_entities()
    {
        string url = $"http://127.0.0.1:{_target.Port}/icon.png";
        string sld = $"""
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:xlink="http://www.w3.org/1999/xlink">
              <NamedLayer><Name>x</Name><UserStyle><Name>icons</Name><FeatureTypeStyle><Rule><PointSymbolizer><Graphic>
                <ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="{url}"/><Format>image/png</Format></ExternalGraphic>
              </Graphic></PointSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;
        var imported = StyleFiles.Parse(sld, "sld", PointSchema);
        Assert.Contains(imported.Warnings, w => w.Contains(url) && w.Contains("not supported"));

        string entity = $"""<?xml version="1.0"?><!DOCTYPE s [<!ENTITY e SYSTEM "{url}">]><StyledLayerDescriptor xmlns="http://www.opengis.net/sld">&e;</StyledLayerDescriptor>""";
        Assert.Throws<StyleException>(() => StyleFiles.Parse(entity, "sld", PointSchema));
        Assert.Empty(_target.Requests);
    }

    private static readonly GeoServer.Core.Sources.FeatureSchema PointSchema = new("fid", [], "POINT");

    private async Task<(HttpStatusCode, XDocument)> HarvestAsync(string source)
    {
        var request = new HttpRequestMessage(HttpMethod.Get,
            $"csw?service=CSW&version=2.0.2&request=Harvest&Source={Uri.EscapeDataString(source)}&ResourceType={Uri.EscapeDataString(CswRecords)}");
        request.Headers.Add("X-API-Key", AdminKey);
        var response = await _server.Client.SendAsync(request);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<int> RecordCountAsync()
    {
        var (_, doc) = await GetAsync(_server.Client, "service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=hits");
        return int.Parse(doc.Descendants(CswNs + "SearchResults").Single().Attribute("numberOfRecordsMatched")!.Value);
    }
}
