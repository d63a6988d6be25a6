using System.Security.Claims;
using GeoServer.Catalog;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Registration;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;

namespace GeoServer.Tests.Catalog;

/// <summary>A small registry of layers with Vietnamese metadata, one of them restricted, and callers with and without rights.</summary>
public static class CatalogFixtures
{
    public static readonly Workspace Vn = new("vn", "Bộ Tài nguyên và Môi trường");
    public static readonly Workspace HaNoi = new("ha-noi", "Sở Nông nghiệp và Môi trường Hà Nội");

    public static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    public static readonly ClaimsPrincipal HaNoiStaff = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "staff"), new Claim(ClaimTypes.Role, "workspace:ha-noi")], "test"));

    public static LayerInfo Layer(Workspace ws, string name, string title, string? @abstract = null, string[]? keywords = null,
        AccessLevel access = AccessLevel.Open, BBox? extent = null, bool geometry = true) => new()
    {
        Id = ws.Id + ":" + name,
        Name = name,
        Workspace = ws,
        Title = title,
        Abstract = @abstract,
        Keywords = keywords ?? [],
        Access = access,
        StorageCrs = geometry ? CrsRegistry.Default.Crs84 : null,
        WgsExtent = geometry ? extent ?? new BBox(102, 8, 110, 24) : null,
        Schema = new FeatureSchema("fid", [new PropertyInfo("ten", PropertyType.String)], geometry ? "MULTIPOLYGON" : null),
    };

    public static LayerRegistry Registry(params LayerInfo[] layers) =>
        new([Vn, HaNoi], layers.Select(l => new Layer(l, null!)), new AccessPolicy());

    /// <summary>Land, rivers, a restricted cadastre of Hà Nội and a table without geometry.</summary>
    public static LayerRegistry Sample() => Registry(
        Layer(Vn, "land_use", "Hiện trạng sử dụng đất đai", "Bản đồ hiện trạng sử dụng đất toàn quốc.", ["đất đai", "quy hoạch"]),
        Layer(Vn, "rivers", "Sông ngòi Việt Nam", "Mạng lưới sông chính, dữ liệu tham khảo về đất đai ven sông.", ["thủy văn"],
            extent: new BBox(103, 10, 108, 23)),
        Layer(HaNoi, "parcels", "Thửa đất Hà Nội", "Ranh giới thửa đất địa chính thành phố Hà Nội.", ["địa chính"],
            AccessLevel.Restricted, new BBox(105.3, 20.5, 106.0, 21.4)),
        Layer(HaNoi, "codes", "Mã loại đất", null, ["danh mục"], geometry: false));

    public static CatalogOptions Options => OptionsAllowing([]);

    /// <summary>The options, with harvesting allowed to reach <paramref name="harvestAllowedHosts"/> (loopback, to harvest the test server).</summary>
    public static CatalogOptions OptionsAllowing(List<string> harvestAllowedHosts) => new()
    {
        HarvestAllowedHosts = harvestAllowedHosts,
        Licence = "CC BY 4.0",
        Records = new()
        {
            ["vn"] = new()
            {
            ["rivers"] = new RecordOptions
            {
                TitleEn = "Rivers of Viet Nam",
                TopicCategories = [TopicCategory.InlandWaters],
                Lineage = "Số hoá từ bản đồ địa hình 1:50.000",
                Thesauri = [new ThesaurusKeywords { Thesaurus = "GEMET", Keywords = ["river", "hydrography"] }],
            },
            ["land_use"] = new RecordOptions { TopicCategories = [TopicCategory.PlanningCadastre] },
            },
        },
    };

    public static RecordCatalog NewCatalog(LayerRegistry? registry = null, List<string>? harvestAllowedHosts = null) =>
        new(registry ?? Sample(), new ServerOptions(), OptionsAllowing(harvestAllowedHosts ?? []));
}
