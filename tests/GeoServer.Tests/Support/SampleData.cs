using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace GeoServer.Tests.Support;

/// <summary>
/// The sample GeoPackages in data-samples/ and what the embedded default configuration publishes from them,
/// read straight from the files with SQLite so that tests compare the server with the data, not with itself.
/// </summary>
public static class SampleData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository folder holding data-samples/, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Stores of the embedded default configuration: workspace, GeoPackage file.</summary>
    public static readonly IReadOnlyList<(string Workspace, string File)> Stores =
    [
        ("vn", "base.gpkg"),
        ("vn", "marine.gpkg"),
        ("vn", "geology.gpkg"),
        ("vn", "envmon.gpkg"),
        ("ha-noi", "land.gpkg"),
    ];

    /// <summary>Every collection the default configuration publishes: 21 tables of five GeoPackages.</summary>
    public static readonly IReadOnlyList<string> CollectionIds =
    [
        "ha-noi:commune_boundary_synthetic",
        "ha-noi:land_parcels_synthetic",
        "ha-noi:land_use_codes",
        "ha-noi:osm_landuse_hanoi",
        "vn:coastline",
        "vn:countries_context",
        "vn:faults_illustrative",
        "vn:geological_units_synthetic",
        "vn:land_islands",
        "vn:mineral_occurrences_illustrative",
        "vn:monitoring_stations",
        "vn:observations",
        "vn:observed_properties",
        "vn:populated_places",
        "vn:railways",
        "vn:rivers",
        "vn:sea_area",
        "vn:vn_national_boundary",
        "vn:vn_provinces_2024_63",
        "vn:vn_provinces_2025",
        "vn:vn_provinces_2025_ne",
    ];

    /// <summary>The sample COGs the default configuration publishes as raster layers (their features: one footprint).</summary>
    public static readonly IReadOnlyList<string> RasterCollectionIds = ["vn:bluemarble_vn", "vn:dem_srtm3_N21E105"];

    /// <summary>Every collection: the GeoPackage tables and the rasters, in ordinal order.</summary>
    public static IReadOnlyList<string> AllCollectionIds => CollectionIds.Concat(RasterCollectionIds).Order(StringComparer.Ordinal).ToList();

    /// <summary>Collections without geometry (GeoPackage attribute tables).</summary>
    public static readonly IReadOnlySet<string> AttributeCollections =
        new HashSet<string> { "ha-noi:land_use_codes", "vn:observations", "vn:observed_properties" };

    /// <summary>Whether a collection has geometry (and so is a map layer).</summary>
    public static bool HasGeometry(string collectionId) => !AttributeCollections.Contains(collectionId);

    /// <summary>The map layers of the default configuration: every collection with geometry, and the rasters.</summary>
    public static IEnumerable<string> MapLayerIds => CollectionIds.Where(HasGeometry).Concat(RasterCollectionIds);

    public static string PathOf(string file) => System.IO.Path.Combine(RepositoryRoot, "data-samples", file);

    /// <summary>The GeoPackage file and table behind a collection id such as "vn:populated_places".</summary>
    public static (string Path, string Table) Locate(string collectionId)
    {
        var (workspace, table) = (collectionId[..collectionId.IndexOf(':')], collectionId[(collectionId.IndexOf(':') + 1)..]);
        foreach (var store in Stores.Where(s => s.Workspace == workspace))
        {
            var path = PathOf(store.File);
            if (Scalar<long>(path, "SELECT count(*) FROM gpkg_contents WHERE table_name = $t", ("$t", table)) == 1)
                return (path, table);
        }
        throw new InvalidOperationException($"No sample GeoPackage holds '{collectionId}'.");
    }

    /// <summary>Rows of the table behind a collection, counted by SQLite.</summary>
    public static long CountRows(string collectionId)
    {
        var (path, table) = Locate(collectionId);
        return Scalar<long>(path, $"SELECT count(*) FROM \"{table}\"");
    }

    /// <summary>One value computed by SQLite on a sample file opened read-only.</summary>
    public static T Scalar<T>(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenReadOnly(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The raw geometry blob of one row, as stored.</summary>
    public static byte[] GeometryBlob(string file, string table, long fid)
    {
        using var connection = OpenReadOnly(PathOf(file));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT geom FROM \"{table}\" WHERE fid = $fid";
        cmd.Parameters.AddWithValue("$fid", fid);
        return (byte[])cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// Ids of populated places inside a lon/lat box, decoded here straight from the blobs (little-endian header
    /// without envelope, then WKB point: byte order, type, x, y) rather than through the server's reader.
    /// </summary>
    public static List<long> PlacesInside(double minX, double minY, double maxX, double maxY)
    {
        var ids = new List<long>();
        using var connection = OpenReadOnly(PathOf("base.gpkg"));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT fid, geom FROM populated_places ORDER BY fid";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var blob = (byte[])reader.GetValue(1);
            if (blob[3] != 0x01) throw new InvalidDataException($"populated_places fid {reader.GetInt64(0)}: unexpected header flags {blob[3]:x2}.");
            double x = BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(8 + 5)), y = BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(8 + 13));
            if (minX <= x && x <= maxX && minY <= y && y <= maxY) ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "data-samples", "base.gpkg")))
                return dir.FullName;
        throw new DirectoryNotFoundException(
            $"No data-samples/base.gpkg above {AppContext.BaseDirectory}; run the tests from the repository (./geosdi test).");
    }
}
