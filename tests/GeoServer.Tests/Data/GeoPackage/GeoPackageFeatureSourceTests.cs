using GeoServer.Core.Sources;
using GeoServer.Data.GeoPackage;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.GeoPackage;

/// <summary>The feature source contract on the sample GeoPackages in data-samples/, opened read-only.</summary>
public sealed class GeoPackageFeatureSourceTests : FeatureSourceContract
{
    private static readonly Lazy<Task<Dictionary<string, IFeatureSource>>> Sources = new(OpenAllAsync);

    protected override async Task<IFeatureSource> OpenAsync(string table) =>
        (await Sources.Value).TryGetValue(table, out var source)
            ? source
            : throw new InvalidOperationException($"No sample GeoPackage has a table '{table}'.");

    protected override Task<long> CountStoredRowsAsync(string table)
    {
        var file = SampleData.Stores.Select(s => SampleData.PathOf(s.File))
            .First(path => SampleData.Scalar<long>(path, "SELECT count(*) FROM gpkg_contents WHERE table_name = $t", ("$t", table)) == 1);
        return Task.FromResult(SampleData.Scalar<long>(file, $"SELECT count(*) FROM \"{table}\""));
    }

    [Fact]
    public async Task Opening_a_sample_GeoPackage_lists_its_feature_and_attribute_tables()
    {
        await using var store = new GeoPackageStore(SampleData.PathOf("envmon.gpkg"));

        var names = (await store.OpenFeatureSourcesAsync(default)).Select(s => s.Info.Name).Order().ToList();

        Assert.Equal(["monitoring_stations", "observations", "observed_properties"], names);
    }

    [Fact]
    public async Task A_missing_file_fails_the_store_check_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"geosdi-missing-{Guid.NewGuid():N}.gpkg");
        await using var store = new GeoPackageStore(path);

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => store.CheckAsync(default));

        Assert.Contains(path, e.Message);
        Assert.False(File.Exists(path));
    }

    private static async Task<Dictionary<string, IFeatureSource>> OpenAllAsync()
    {
        var all = new Dictionary<string, IFeatureSource>(StringComparer.Ordinal);
        foreach (var (_, file) in SampleData.Stores)
        {
            // Shared by every test for the whole run, as the server shares its stores; never disposed.
            var store = new GeoPackageStore(SampleData.PathOf(file));
            foreach (var source in await store.OpenFeatureSourcesAsync(default))
                all.Add(source.Info.Name, source);
        }
        return all;
    }
}
