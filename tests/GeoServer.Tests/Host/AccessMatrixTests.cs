using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using GeoServer.Host.Security;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host;

/// <summary>
/// One access policy, every door: for each access level × caller, every service that can reveal a layer (OGC API
/// collections, items, vector and map tiles; WMS capabilities, GetMap, GetFeatureInfo, legends; WMTS capabilities
/// and tiles; XYZ tiles and TileJSON, including tiles already in the cache; CSW and OGC API – Records searches and
/// records) shows the layer exactly when the
/// policy allows, and a hidden layer is indistinguishable from a missing one (404 or LayerNotDefined, never 403,
/// never its title). The admin API's parts of a workspace answer only its own admins and global admins.
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["agency"] = "matrix-agency-key",
        ["vn-member"] = "matrix-vn-member-key",
        ["hanoi-member"] = "matrix-hanoi-member-key",
        ["admin"] = "matrix-admin-key",
        ["hanoi-editor"] = "matrix-hanoi-editor-key",
        ["hanoi-admin"] = "matrix-hanoi-admin-key",
        ["vn-admin"] = "matrix-vn-admin-key",
    };

    /// <summary>Layer, its title (which a hidden layer's answers must not contain), and a tile (z, x, y) with data.</summary>
    private static readonly (string Id, string Title, int Z)[] Layers =
    [
        ("vn:populated_places", "Open places", 8),
        ("vn:rivers", "Shared rivers", 8),
        ("vn:vn_provinces_2025", "Restricted provinces", 8),
        ("ha-noi:land_parcels_synthetic", "Restricted parcels", 15),
    ];

    /// <summary>Who sees what: caller → layers.</summary>
    private static readonly Dictionary<string, string[]> Sees = new()
    {
        ["anonymous"] = ["vn:populated_places"],
        ["agency"] = ["vn:populated_places", "vn:rivers"],
        ["vn-member"] = ["vn:populated_places", "vn:rivers", "vn:vn_provinces_2025"],
        ["hanoi-member"] = ["vn:populated_places", "vn:rivers", "ha-noi:land_parcels_synthetic"],
        ["basic-vn-member"] = ["vn:populated_places", "vn:rivers", "vn:vn_provinces_2025"],
        ["admin"] = Layers.Select(l => l.Id).ToArray(),
    };

    private const string BasicPassword = "correct horse battery staple";
    private GeoSdiProcess _server = null!;

    public async Task InitializeAsync()
    {
        object Credential(string key, string role, params string[] workspaces) => new { Hash = SecretHash.OfApiKey(key), Role = role, Workspaces = workspaces };
        _server = await GeoSdiProcess.StartAsync(new
        {
            Workspaces = new Dictionary<string, object>
            {
                ["vn"] = new
                {
                    Stores = new { @base = new { Type = "geopackage", Path = SampleData.PathOf("base.gpkg") } },
                    Layers = new Dictionary<string, object>
                    {
                        ["populated_places"] = new { Store = "base", Title = "Open places", Access = "Open" },
                        ["rivers"] = new { Store = "base", Title = "Shared rivers", Access = "Shared" },
                        ["vn_provinces_2025"] = new { Store = "base", Title = "Restricted provinces", Access = "Restricted" },
                    },
                },
                ["ha-noi"] = new
                {
                    Stores = new { land = new { Type = "geopackage", Path = SampleData.PathOf("land.gpkg") } },
                    Layers = new Dictionary<string, object>
                    {
                        ["land_parcels_synthetic"] = new { Store = "land", Title = "Restricted parcels", Access = "Restricted" },
                    },
                },
            },
            Security = new
            {
                ApiKeys = new Dictionary<string, object>
                {
                    ["agency"] = Credential(Keys["agency"], "Agency"),
                    ["vn-member"] = Credential(Keys["vn-member"], "Member", "vn"),
                    ["hanoi-member"] = Credential(Keys["hanoi-member"], "Member", "ha-noi"),
                    ["admin"] = Credential(Keys["admin"], "Admin"),
                    ["hanoi-editor"] = Credential(Keys["hanoi-editor"], "Editor", "ha-noi"),
                    ["hanoi-admin"] = Credential(Keys["hanoi-admin"], "WorkspaceAdmin", "ha-noi"),
                    ["vn-admin"] = Credential(Keys["vn-admin"], "WorkspaceAdmin", "vn"),
                },
                Users = new Dictionary<string, object>
                {
                    ["analyst"] = new { Hash = SecretHash.OfPassword(BasicPassword), Role = "Member", Workspaces = new[] { "vn" } },
                },
            },
        });
        // Every tile of every layer is drawn once for the admin first, so the anonymous and lesser callers below
        // meet tiles that are already in the cache.
        foreach (var layer in Layers)
            foreach (var url in await TileUrlsAsync(layer.Id, layer.Z))
                Assert.True((await SendAsync("admin", url)).IsSuccessStatusCode, url);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Callers => new() { "anonymous", "agency", "vn-member", "hanoi-member", "basic-vn-member", "admin" };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_service_shows_a_caller_exactly_the_layers_the_policy_allows(string caller)
    {
        var problems = new List<string>();
        string collections = await (await SendAsync(caller, "ogc/collections?f=json")).Content.ReadAsStringAsync();
        string wmsCapabilities = await (await SendAsync(caller, "wms?service=WMS&request=GetCapabilities&version=1.3.0")).Content.ReadAsStringAsync();
        string wmtsCapabilities = await (await SendAsync(caller, "wmts?service=WMTS&request=GetCapabilities&version=1.0.0")).Content.ReadAsStringAsync();
        string cswSearch = await (await SendAsync(caller, "csw?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&ElementSetName=brief&maxRecords=100")).Content.ReadAsStringAsync();
        string recordsSearch = await (await SendAsync(caller, "ogc/collections/catalog/items?limit=100&f=json")).Content.ReadAsStringAsync();
        foreach (var (id, title, z) in Layers)
        {
            bool visible = Sees[caller].Contains(id);
            void Check(string what, bool shown) { if (shown != visible) problems.Add($"{id} {(visible ? "hidden from" : "shown by")} {what}"); }

            Check("/ogc/collections", collections.Contains($"\"id\":\"{id}\""));
            Check("WMS capabilities", wmsCapabilities.Contains($"<Name>{id}</Name>"));
            Check("WMTS capabilities", wmtsCapabilities.Contains($"<ows:Identifier>{id}</ows:Identifier>"));
            Check("CSW GetRecords", cswSearch.Contains($">{id}</dc:identifier>"));
            Check("OGC API Records search", recordsSearch.Contains($"\"id\":\"{id}\""));
            string byId = await (await SendAsync(caller, $"csw?service=CSW&version=2.0.2&request=GetRecordById&id={id}&ElementSetName=brief")).Content.ReadAsStringAsync();
            Check("CSW GetRecordById", byId.Contains($">{id}</dc:identifier>"));
            if (!visible && byId.Contains(title)) problems.Add($"CSW GetRecordById names the hidden layer's title");
            var urls = new List<string>
            {
                $"ogc/collections/{id}?f=json",
                $"ogc/collections/{id}/items?limit=1&f=json",
                $"ogc/collections/{id}/items/1?f=json",
                $"ogc/collections/{id}/queryables?f=json",
                $"ogc/collections/catalog/items/{id}?f=json",
                $"tiles/{id}.json",
                $"wms?service=WMS&version=1.3.0&request=GetMap&layers={id}&styles=&crs=CRS:84&bbox=102,8,110,24&width=64&height=64&format=image/png",
                $"wms?service=WMS&version=1.3.0&request=GetFeatureInfo&layers={id}&query_layers={id}&styles=&crs=CRS:84&bbox=102,8,110,24&width=64&height=64&i=32&j=32&info_format=application/json",
                $"wms?service=WMS&version=1.3.0&request=GetLegendGraphic&layer={id}&format=image/png&sld_version=1.1.0",
            };
            urls.AddRange(await TileUrlsAsync(id, z));
            foreach (var url in urls)
            {
                var response = await SendAsync(caller, url);
                string body = await response.Content.ReadAsStringAsync();
                bool ok = response.IsSuccessStatusCode && !body.Contains("ServiceException") && !body.Contains("ExceptionReport");
                Check(url, ok);
                if (!visible)
                {
                    if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                        problems.Add($"{url}: {(int)response.StatusCode} confirms that {id} exists");
                    if (body.Contains(title)) problems.Add($"{url}: the answer names the hidden layer's title");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{caller}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_workspace_tileset_draws_for_each_caller_only_the_layers_it_may_see()
    {
        var (x, y) = XyzTiles.At(105.83, 21.135, 8);
        var asAdmin = await (await SendAsync("admin", $"tiles/vn/8/{x}/{y}.png")).Content.ReadAsByteArrayAsync();
        var asAnonymous = await (await SendAsync("anonymous", $"tiles/vn/8/{x}/{y}.png")).Content.ReadAsByteArrayAsync();
        var asAdminAgain = await (await SendAsync("admin", $"tiles/vn/8/{x}/{y}.png")).Content.ReadAsByteArrayAsync();
        Assert.NotEqual(asAdmin, asAnonymous);   // the restricted provinces are drawn for the admin only
        Assert.Equal(asAdmin, asAdminAgain);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_with_a_Basic_challenge()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "ogc/collections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("analyst:wrong"u8.ToArray()));
        var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>
    /// The admin API's parts of a workspace (stores, layers, metadata, styles), for workspace ha-noi, and what each answers
    /// a caller allowed to use it (ha-noi comes from the configuration file: its definition is read-only here, 409).
    /// </summary>
    private static readonly (string Method, string Path, string? Body, HttpStatusCode Allowed)[] WorkspaceAdmin =
    [
        ("GET", "admin/api/workspaces/ha-noi/stores", null, HttpStatusCode.OK),
        ("GET", "admin/api/workspaces/ha-noi/stores/land", null, HttpStatusCode.OK),
        ("POST", "admin/api/workspaces/ha-noi/stores/land/test", null, HttpStatusCode.OK),
        ("PUT", "admin/api/workspaces/ha-noi/stores/land", """{"Type":"geopackage","Path":"land.gpkg"}""", HttpStatusCode.Conflict),
        ("DELETE", "admin/api/workspaces/ha-noi/stores/land", null, HttpStatusCode.Conflict),
        ("GET", "admin/api/workspaces/ha-noi/layers", null, HttpStatusCode.OK),
        ("GET", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic", null, HttpStatusCode.OK),
        ("PUT", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic", """{"Store":"land"}""", HttpStatusCode.Conflict),
        ("PATCH", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic", """{"Title":"x"}""", HttpStatusCode.Conflict),
        ("DELETE", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic", null, HttpStatusCode.Conflict),
        ("GET", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic/metadata", null, HttpStatusCode.OK),
        ("PUT", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic/metadata", """{"Lineage":"Ma trận quyền"}""", HttpStatusCode.OK),
        ("PATCH", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic/metadata", """{"LineageEn":"Access matrix"}""", HttpStatusCode.OK),
        ("PUT", "admin/api/workspaces/ha-noi/layers/land_parcels_synthetic/styles/default", """{"name":"default","rules":[]}""", HttpStatusCode.Conflict),
    ];

    /// <summary>Who may use the admin API's parts of workspace ha-noi (one test, one server: the tiles drawn at start are not needed here).</summary>
    private static readonly (string Caller, bool Allowed)[] WorkspaceAdmins =
    [
        ("anonymous", false), ("agency", false), ("hanoi-member", false), ("hanoi-editor", false), ("vn-admin", false), ("basic-vn-member", false),
        ("hanoi-admin", true), ("admin", true),
    ];

    [Fact]
    public async Task A_workspaces_stores_layers_and_metadata_are_administered_by_its_admins_and_global_admins_only()
    {
        var problems = new List<string>();
        foreach (var (caller, allowed) in WorkspaceAdmins)
        foreach (var (method, path, body, answer) in WorkspaceAdmin)
        {
            var request = Request(caller, new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            var response = await _server.Client.SendAsync(request);
            var expected = allowed ? answer : caller == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected)
                problems.Add($"{caller} {method} {path}: {(int)response.StatusCode}, not {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The layer's vector and map tiles (OGC API, WMTS REST and KVP, XYZ) at the centre of its extent.</summary>
    private async Task<string[]> TileUrlsAsync(string id, int z)
    {
        var collection = JsonNode.Parse(await (await SendAsync("admin", $"ogc/collections/{id}?f=json")).Content.ReadAsStringAsync())!;
        var box = collection["extent"]!["spatial"]!["bbox"]![0]!.AsArray().Select(v => (double)v!).ToArray();
        var (x, y) = XyzTiles.At((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, z);
        return
        [
            $"tiles/{id}/{z}/{x}/{y}.png",
            $"tiles/{id}/{z}/{x}/{y}.mvt",
            $"ogc/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}",
            $"ogc/collections/{id}/map/tiles/WebMercatorQuad/{z}/{y}/{x}",
            $"wmts/1.0.0/{id}/default/WebMercatorQuad/{z}/{y}/{x}.png",
            $"wmts?service=WMTS&version=1.0.0&request=GetTile&layer={id}&style=default&format=image/png&tilematrixset=WebMercatorQuad&tilematrix={z}&tilerow={y}&tilecol={x}",
        ];
    }

    private Task<HttpResponseMessage> SendAsync(string caller, string url) => _server.Client.SendAsync(Request(caller, HttpMethod.Get, url));

    private static HttpRequestMessage Request(string caller, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        if (caller == "basic-vn-member")
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("analyst:" + BasicPassword)));
        else if (Keys.TryGetValue(caller, out var key))
            request.Headers.Add("X-API-Key", key);
        return request;
    }
}
