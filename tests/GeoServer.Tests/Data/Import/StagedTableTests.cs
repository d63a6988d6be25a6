using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Data.Import;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.Import;

/// <summary>A PostGIS import is loaded under a temporary name: dropped whole when not committed, renamed in one transaction when it is.</summary>
[Trait("Needs", "PostGIS")]
public sealed class StagedTableTests
{
    private static InspectedVector Places(string work) =>
        (InspectedVector)ImportInspector.Inspect(SampleData.PathOf("base.gpkg"), "base.gpkg", work,
            new ImportSettings(new ImportOptions(), CrsRegistry.Default) { SourceLayer = "populated_places" });

    [Fact]
    public async Task An_import_that_is_not_committed_leaves_no_table()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("");
        var work = Directory.CreateTempSubdirectory("geosdi-staged-").FullName;
        try
        {
            await using (var staged = await VectorImport.ToPostGisAsync(Places(work), PostGisDatabase.ConnectionString, schema.Name, "places", default))
            {
                var tables = await Host.Import.ImportServer.TablesAsync(schema);
                Assert.StartsWith("places_imp_", tables);
                Assert.Equal(4806, await PostGisDatabase.ScalarAsync<long>($"SELECT count(*) FROM {schema.Name}.{tables}"));
            }
            Assert.Equal("", await Host.Import.ImportServer.TablesAsync(schema));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Committing_renames_the_table_its_index_and_sequence_and_replaces_the_previous_table()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("CREATE TABLE {schema}.places (id int); INSERT INTO {schema}.places VALUES (1);");
        var work = Directory.CreateTempSubdirectory("geosdi-staged-").FullName;
        try
        {
            await using (var staged = await VectorImport.ToPostGisAsync(Places(work), PostGisDatabase.ConnectionString, schema.Name, "places", default))
                await staged.CommitAsync(default);
            Assert.Equal("places", await Host.Import.ImportServer.TablesAsync(schema));
            Assert.Equal(4806, await PostGisDatabase.ScalarAsync<long>($"SELECT count(*) FROM {schema.Name}.places"));
            Assert.Equal("places_geom_geom_idx,places_pkey", await PostGisDatabase.ScalarAsync<string>(
                $"SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '{schema.Name}'"));
            Assert.Equal($"{schema.Name}.places_fid_seq", await PostGisDatabase.ScalarAsync<string>($"SELECT pg_get_serial_sequence('{schema.Name}.places', 'fid')"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
