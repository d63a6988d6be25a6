using GeoServer.Core.Sources;
using GeoServer.Data.GeoPackage;
using GeoServer.Data.PostGis;
using GeoServer.Tests.Support;
using Npgsql;

namespace GeoServer.Tests.Data.Filtering;

/// <summary>
/// <see cref="Cql2ExampleDataset"/> in a scratch PostGIS schema and, copied by ogr2ogr (R-tree, gpkg_contents and
/// all), in a temporary GeoPackage; both opened by the real stores, as the server opens them. Without the test
/// database (GEOSDI_TEST_POSTGRES) every test of the class fails with the instructions.
/// </summary>
public sealed class Cql2ExampleStores : IAsyncLifetime
{
    private PostGisScratchSchema? _schema;
    private string? _folder;
    private PostGisStore? _postGisStore;
    private GeoPackageStore? _geoPackageStore;

    /// <summary>The PostGIS sources by table name (without the schema).</summary>
    public IReadOnlyDictionary<string, IFeatureSource> PostGis { get; private set; } = new Dictionary<string, IFeatureSource>();

    /// <summary>The GeoPackage sources by table name.</summary>
    public IReadOnlyDictionary<string, IFeatureSource> GeoPackage { get; private set; } = new Dictionary<string, IFeatureSource>();

    public async Task InitializeAsync()
    {
        _schema = await PostGisDatabase.CreateScratchSchemaAsync(Cql2ExampleDataset.Sql);
        _folder = Directory.CreateTempSubdirectory("geosdi-cql2-examples-").FullName;
        string path = Path.Combine(_folder, "cql2-examples.gpkg");
        await ExternalTool.RunAsync("ogr2ogr", "gdal-bin", _folder, errorsFail: true,
        [
            "-f", "GPKG", path, Cql2ExampleDataset.GdalDataSource(PostGisDatabase.ConnectionString, _schema.Name),
            .. Cql2ExampleDataset.Tables,
            "-preserve_fid", "-lco", "FID=fid", "-lco", "GEOMETRY_NAME=geom",
        ]);

        _geoPackageStore = new GeoPackageStore(path);
        GeoPackage = (await _geoPackageStore.OpenFeatureSourcesAsync(default)).ToDictionary(s => s.Info.Name);

        string prefix = _schema.Name + ".";
        _postGisStore = new PostGisStore(PostGisDatabase.ConnectionString,
            new PostGisStoreOptions { Tables = Cql2ExampleDataset.Tables.Select(t => prefix + t).ToList() });
        PostGis = (await _postGisStore.OpenFeatureSourcesAsync(default)).ToDictionary(s => s.Info.Name[prefix.Length..]);
    }

    /// <summary>The fids a hand-written query selects, ascending; the scratch schema comes first on the search path.</summary>
    public async Task<List<long>> SelectAsync(string sql)
    {
        await using var connection = await PostGisDatabase.OpenAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO {_schema!.Name}, public", connection))
            await path.ExecuteNonQueryAsync();
        await using var cmd = new NpgsqlCommand($"SELECT q.fid::int8 FROM ({sql}) q ORDER BY 1", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    public async Task DisposeAsync()
    {
        if (_postGisStore is not null) await _postGisStore.DisposeAsync();
        if (_geoPackageStore is not null) await _geoPackageStore.DisposeAsync();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        if (_schema is not null) await _schema.DisposeAsync();
    }
}
