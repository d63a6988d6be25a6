using GeoServer.Core.Sources;
using GeoServer.Data.PostGis;

namespace GeoServer.Tests.Support;

/// <summary>
/// The sample tables as one PostGIS store publishes them from the test database, opened once for the whole run
/// (as the server shares its stores) and found by their GeoPackage table name.
/// </summary>
public static class PostGisSamples
{
    private static readonly Lazy<Task<Dictionary<string, IFeatureSource>>> Sources = new(OpenAllAsync);

    /// <summary>The sample table of this GeoPackage name ("populated_places"), published as "base.populated_places".</summary>
    public static async Task<IFeatureSource> OpenAsync(string table) =>
        (await Sources.Value).TryGetValue(table, out var source)
            ? source
            : throw new InvalidOperationException($"The test database publishes no table '{table}'.");

    private static async Task<Dictionary<string, IFeatureSource>> OpenAllAsync()
    {
        // Listed rather than discovered, so that the attribute tables (no geometry) are published too.
        var published = PostGisDatabase.SampleTables.Value;
        var store = new PostGisStore(PostGisDatabase.ConnectionString, new PostGisStoreOptions { Tables = published.Values.ToList() });
        var byPublishedName = (await store.OpenFeatureSourcesAsync(default)).ToDictionary(s => s.Info.Name);
        return published.ToDictionary(t => t.Key, t => byPublishedName[t.Value], StringComparer.Ordinal);
    }
}
