using GeoServer.Core.Sources;

namespace GeoServer.Tests.Tiles.Styles;

/// <summary>Schemas of sample layers (data-samples/base.gpkg) that the style tests compile against.</summary>
internal static class StyleTestSchemas
{
    public static readonly FeatureSchema Provinces = new("fid",
    [
        new PropertyInfo("ma_tinh", PropertyType.String),
        new PropertyInfo("ten_tinh", PropertyType.String),
        new PropertyInfo("loai", PropertyType.String),
        new PropertyInfo("dien_tich_km2", PropertyType.Number),
    ], "MULTIPOLYGON");

    public static readonly FeatureSchema Places = new("fid",
    [
        new PropertyInfo("osm_id", PropertyType.Integer),
        new PropertyInfo("loai_osm", PropertyType.String),
        new PropertyInfo("ten", PropertyType.String),
        new PropertyInfo("dan_so_osm", PropertyType.Integer),
        new PropertyInfo("ma_tinh_2025", PropertyType.String),
    ], "POINT");

    public static readonly FeatureSchema Rivers = new("fid",
    [
        new PropertyInfo("cap_wdb", PropertyType.Integer),
        new PropertyInfo("mo_ta", PropertyType.String),
        new PropertyInfo("chieu_dai_km", PropertyType.Number),
    ], "LINESTRING");
}
