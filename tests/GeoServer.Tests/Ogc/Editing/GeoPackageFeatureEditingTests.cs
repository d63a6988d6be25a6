using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Editing;

/// <summary>Part 4 on a copy of land.gpkg (its R-tree triggers must keep working without GDAL's SQL functions).</summary>
public sealed class GeoPackageFeatureEditingTests : FeatureEditingContract
{
    private string Copy => Path.Combine(Folder, "land.gpkg");

    protected override string CollectionId => "ha-noi:land_parcels_synthetic";

    protected override Task<object> CreateStoreAsync()
    {
        File.Copy(SampleData.PathOf("land.gpkg"), Copy);
        return Task.FromResult<object>(new { Type = "geopackage", Path = Copy, AutoPublish = true });
    }

    protected override async Task<long> CountInStoreAsync()
    {
        await using var connection = SampleData.OpenReadOnly(Copy);
        await using var cmd = connection.CreateCommand();
        // The R-tree must follow every write: the same count there as in the table.
        cmd.CommandText = "SELECT (SELECT count(*) FROM land_parcels_synthetic) - (SELECT count(*) FROM rtree_land_parcels_synthetic_geom), (SELECT count(*) FROM land_parcels_synthetic)";
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        Xunit.Assert.Equal(0L, reader.GetInt64(0));
        return reader.GetInt64(1);
    }
}
