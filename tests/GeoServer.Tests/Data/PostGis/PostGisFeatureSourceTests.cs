using GeoServer.Core.Sources;
using GeoServer.Tests.Data.GeoPackage;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.PostGis;

/// <summary>
/// The feature source contract on the sample GeoPackages as tests/postgis.sh loads them into PostGIS (same rows,
/// same fids): the same assertions as over the files.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisFeatureSourceTests : FeatureSourceContract
{
    protected override Task<IFeatureSource> OpenAsync(string table) => PostGisSamples.OpenAsync(table);

    protected override async Task<long> CountStoredRowsAsync(string table) =>
        await PostGisDatabase.ScalarAsync<long>($"SELECT count(*) FROM {PostGisDatabase.SampleTables.Value[table]}");
}
