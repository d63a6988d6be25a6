using System.Security.Claims;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Tilesets;

namespace GeoServer.Tests.Tiles.Tilesets;

/// <summary>
/// Tilesets are reused between requests (no allocation or hashing on the hit path), yet every request still passes
/// the access policy, and callers with different rights never share a cache id.
/// </summary>
public sealed class TilesetResolverTests
{
    private static readonly Workspace Vn = new("vn", "Viet Nam");
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, AccessPolicy.AdminRole)], "test"));

    private static Layer Layer(string name, AccessLevel access = AccessLevel.Open) => new(new LayerInfo
    {
        Id = "vn:" + name, Name = name, Workspace = Vn, Title = name, Access = access,
        Schema = new FeatureSchema("fid", [], "GEOMETRY"),
    }, null!);   // the resolver never reads features

    private static readonly LayerRegistry Registry = new([Vn], [Layer("rivers"), Layer("secret", AccessLevel.Restricted)], new AccessPolicy());

    [Fact]
    public void A_layer_s_tileset_is_the_same_object_on_every_request()
    {
        var first = TilesetResolver.Find(Registry, Anonymous, "vn:rivers");
        var second = TilesetResolver.Find(Registry, Anonymous, "vn:rivers");

        Assert.Same(first, second);
        Assert.Equal("vn:rivers", first!.CacheId);
    }

    [Fact]
    public void A_hidden_layer_stays_hidden_after_someone_allowed_to_see_it_asked()
    {
        Assert.NotNull(TilesetResolver.Find(Registry, Admin, "vn:secret"));

        Assert.Null(TilesetResolver.Find(Registry, Anonymous, "vn:secret"));
    }

    [Fact]
    public void Callers_with_different_rights_get_workspace_tilesets_with_different_cache_ids_however_they_alternate()
    {
        var admin = TilesetResolver.Find(Registry, Admin, "vn")!;
        var anonymous = TilesetResolver.Find(Registry, Anonymous, "vn")!;
        var adminAgain = TilesetResolver.Find(Registry, Admin, "vn")!;
        var anonymousAgain = TilesetResolver.Find(Registry, Anonymous, "vn")!;

        Assert.Equal(2, admin.Layers.Count);
        Assert.Equal(["vn:rivers"], anonymous.Layers.Select(l => l.Info.Id));
        Assert.NotEqual(admin.CacheId, anonymous.CacheId);
        Assert.Equal(admin.CacheId, adminAgain.CacheId);
        Assert.Equal(anonymous.CacheId, anonymousAgain.CacheId);
        Assert.Equal(["vn:rivers"], anonymousAgain.Layers.Select(l => l.Info.Id));
    }
}
