using System.Globalization;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Data.GeoPackage;
using GeoServer.Tests.Support;
using GeoServer.Tiles.Matrices;

namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// The sample tables on both stores (the GeoPackages of data-samples/, and the same rows in the test PostGIS) and
/// the WebMercatorQuad tiles the vector tile tests ask of them.
/// </summary>
internal static class VectorTileSamples
{
    /// <summary>Hoàn Kiếm, the centre of Hà Nội, in CRS84.</summary>
    public const double HaNoiLon = 105.8524, HaNoiLat = 21.0287;

    private static readonly Lazy<Task<Dictionary<string, IFeatureSource>>> GeoPackageSources = new(OpenGeoPackagesAsync);

    public static TileMatrixSet WebMercatorQuad => TileMatrixSetRegistry.Default.Find("WebMercatorQuad")!;

    /// <summary>The sample table of this name read from its GeoPackage.</summary>
    public static async Task<IFeatureSource> GeoPackageAsync(string table) => (await GeoPackageSources.Value)[table];

    /// <summary>The sample table of this (GeoPackage) name read from the test PostGIS.</summary>
    public static Task<IFeatureSource> PostGisAsync(string table) => PostGisSamples.OpenAsync(table);

    /// <summary>The WebMercatorQuad matrix and tile (row, column) holding a CRS84 point at a zoom level.</summary>
    public static (TileMatrix Matrix, long Row, long Col) TileAt(int zoom, double lon, double lat)
    {
        var crs = CrsRegistry.Default;
        double x = lon, y = lat;
        crs.GetTransform(crs.Crs84, crs.FromEpsg(3857)!).Transform(ref x, ref y);
        var matrix = WebMercatorQuad.Find(zoom.ToString(CultureInfo.InvariantCulture))!;
        var range = matrix.TileRangeCovering(new BBox(x, y, x, y))!.Value;
        return (matrix, range.MinRow, range.MinCol);
    }

    /// <summary>The request for one layer of the WebMercatorQuad tile holding a CRS84 point.</summary>
    public static VectorTileRequest Request(string layerName, int zoom, double lon = HaNoiLon, double lat = HaNoiLat)
    {
        var (matrix, row, col) = TileAt(zoom, lon, lat);
        return new VectorTileRequest { LayerName = layerName, Bounds = matrix.TileBounds(row, col), Srid = 3857 };
    }

    /// <summary>A published layer over a source, as the registry would give it.</summary>
    public static Task<Layer> LayerAsync(IFeatureSource source) =>
        LayerBuilder.BuildAsync(new Workspace("vn", "Việt Nam"), source, new StoreOptions(), null, CrsRegistry.Default, default);

    private static async Task<Dictionary<string, IFeatureSource>> OpenGeoPackagesAsync()
    {
        var sources = new Dictionary<string, IFeatureSource>(StringComparer.Ordinal);
        foreach (var file in new[] { "base.gpkg", "envmon.gpkg" })
        {
            // Opened for the whole run, as the server keeps its stores open.
            var store = new GeoPackageStore(SampleData.PathOf(file));
            foreach (var source in await store.OpenFeatureSourcesAsync(default))
                sources.Add(source.Info.Name, source);
        }
        return sources;
    }
}
