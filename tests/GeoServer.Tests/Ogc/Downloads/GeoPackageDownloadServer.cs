using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// The download server on the sample GeoPackages and the DEM: in "vn" populated places, rivers, the 2025 provinces
/// (restricted), monitoring stations (dates) and observations (160,560 rows, beyond the limit), and the DEM raster;
/// in "ha-noi" the synthetic land parcels and the land-use codes (no geometry).
/// </summary>
public sealed class GeoPackageDownloadServer : IAsyncLifetime
{
    public GeoSdiProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DownloadServer.StartAsync(new Dictionary<string, object>
    {
        ["vn"] = new
        {
            Title = "Bộ Tài nguyên và Môi trường",
            Stores = new Dictionary<string, object>
            {
                ["base"] = new { Type = "geopackage", Path = SampleData.PathOf("base.gpkg") },
                ["envmon"] = new { Type = "geopackage", Path = SampleData.PathOf("envmon.gpkg") },
                ["dem"] = new { Type = "gdal", Path = SampleData.PathOf("raster/dem_srtm3_N21E105.tif"), Attribution = "SRTM 3″: NASA/USGS (public domain)" },
            },
            Layers = new Dictionary<string, object>
            {
                ["populated_places"] = new { Store = "base", Title = "Điểm dân cư", Attribution = "© OpenStreetMap contributors (ODbL)" },
                ["rivers"] = new { Store = "base" },
                ["vn_provinces_2025"] = new { Store = "base", Title = "Tỉnh, thành phố 2025", Access = "Restricted" },
                ["monitoring_stations"] = new { Store = "envmon" },
                ["observations"] = new { Store = "envmon" },
            },
        },
        ["ha-noi"] = new
        {
            Title = "Hà Nội",
            Stores = new Dictionary<string, object> { ["land"] = new { Type = "geopackage", Path = SampleData.PathOf("land.gpkg") } },
            Layers = new Dictionary<string, object>
            {
                ["land_parcels_synthetic"] = new { Store = "land" },
                ["land_use_codes"] = new { Store = "land" },
            },
        },
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
