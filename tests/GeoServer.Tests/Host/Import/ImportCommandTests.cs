using GeoServer.Core.Layers;
using GeoServer.Host.Import;
using GeoServer.Host.Startup;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host.Import;

/// <summary>
/// <c>geosdi import</c> run as an operator runs it (the built GeoServer.Host, with the server's configuration file)
/// beside a running server, which publishes what it imports within seconds through the shared configuration database.
/// </summary>
public sealed class ImportCommandTests
{
    [Fact]
    public void The_import_command_line_reads_its_file_workspace_and_options()
    {
        var line = CommandLine.Parse(["import", "duong.zip", "--workspace", "ha-noi", "--layer", "duong_bo", "--into", "postgis", "--crs", "EPSG:5897",
            "--source-layer", "roads", "--store", "db", "--access", "restricted", "--replace", "--config", "x.yaml"]);

        var import = Assert.IsType<ImportCommand>(line.Import);
        Assert.Equal("duong.zip", import.File);
        Assert.Equal(("ha-noi", "duong_bo", "postgis", "EPSG:5897", "roads", "db"), (import.Workspace, import.Layer, import.Into, import.Crs, import.SourceLayer, import.Store));
        Assert.True(import.Replace);
        Assert.Equal(AccessLevel.Restricted, import.Access);
        Assert.Equal("x.yaml", line.ConfigFile);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import --workspace ha-noi")]
    [InlineData("import a.shp")]
    [InlineData("import a.shp --workspace ha-noi --into oracle")]
    [InlineData("import a.shp --workspace ha-noi --access 1")]
    [InlineData("import a.shp --workspace")]
    [InlineData("serve --layer x")]
    public void A_bad_import_command_line_is_refused_with_the_usage(string arguments)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(arguments.Split(' ')));

        Assert.Contains("usage:", error.Message);
    }

    private static Task<(int ExitCode, string Output)> ImportAsync(GeoSdiProcess server, string arguments) =>
        GeoSdiProcess.RunToExitAsync(Path.Combine(server.Folder, "config.json"), "import " + arguments, ("GEOSDI_DATA_ROOT", SampleData.RepositoryRoot));

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Geosdi_import_loads_a_Shapefile_a_GeoJSON_and_a_KML_that_the_running_server_then_serves_as_they_are()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("");
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        await using var server = await ImportServer.StartAsync(schema);
        try
        {
            var shp = await ImportFiles.ParcelsShapefileAsync(sources);
            var places = await ImportFiles.PlacesGeoJsonAsync(sources);
            var rivers = await ImportFiles.RiversKmlAsync(sources);

            var (exit, output) = await ImportAsync(server, $"{shp} --workspace ha-noi");
            Assert.True(exit == 0, output);
            Assert.Contains("as layer ha-noi:thua_dat: 4268 features (Polygon) in EPSG:3405", output);
            await ImportFiles.WaitForAsync(server.Client, "ogc/collections/ha-noi:thua_dat", TimeSpan.FromSeconds(10));
            Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3405", await ImportFiles.StorageCrsAsync(server.Client, "ha-noi:thua_dat"));
            (await ImportFiles.OfServedAsync(server.Client, "ha-noi:thua_dat", sources, "http://www.opengis.net/def/crs/EPSG/0/3405"))
                .AssertSameAs(await ImportFiles.OfFileAsync(shp, "thua_dat"));

            (exit, output) = await ImportAsync(server, $"{places} --workspace ha-noi --into postgis --layer Điểm_dân_cư");
            Assert.True(exit == 0, output);
            string placesId = $"ha-noi:{schema.Name}.diem_dan_cu";
            await ImportFiles.WaitForAsync(server.Client, $"ogc/collections/{placesId}", TimeSpan.FromSeconds(10));
            (await ImportFiles.OfServedAsync(server.Client, placesId, sources)).AssertSameAs(await ImportFiles.OfFileAsync(places, "populated_places"));

            (exit, output) = await ImportAsync(server, $"{rivers} --workspace ha-noi --into postgis --store db");
            Assert.True(exit == 0, output);
            string riversId = $"ha-noi:{schema.Name}.rivers";
            await ImportFiles.WaitForAsync(server.Client, $"ogc/collections/{riversId}", TimeSpan.FromSeconds(10));
            (await ImportFiles.OfServedAsync(server.Client, riversId, sources)).AssertSameAs(await ImportFiles.OfFileAsync(rivers, "rivers"));

            Assert.Equal("diem_dan_cu,rivers", await ImportServer.TablesAsync(schema));
            Assert.Equal(["ha-noi/thua_dat.gpkg"], server.ImportedFiles());
            // Each table has its spatial index, named as if the table had been made under its own name.
            Assert.Equal(1, await PostGisDatabase.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema.Name}' AND tablename = 'rivers' AND indexdef LIKE '%USING gist%' AND indexname LIKE 'rivers_%'"));
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Geosdi_import_refuses_a_broken_file_with_its_reason_and_a_non_zero_exit_leaving_nothing_behind()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("");
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        await using var server = await ImportServer.StartAsync(schema);
        try
        {
            var configuration = server.ConfigurationState();
            var broken = Path.Combine(sources, "hong.geojson");
            await File.WriteAllTextAsync(broken, """{"type":"FeatureCollection","features":[{"type":"Feat""");
            var mixed = Path.Combine(sources, "tron.geojson");
            await File.WriteAllTextAsync(mixed, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[105.8,21.0],[105.9,21.1]]},"properties":{}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}}]}
                """);
            var csv = Path.Combine(sources, "tram.csv");
            await File.WriteAllTextAsync(csv, "ten,lon,lat\nA,105.8,21.0\n");
            var taken = Path.Combine(sources, "commune_boundary_synthetic.csv");
            File.Copy(csv, taken);

            foreach (var (arguments, says) in new[]
            {
                ($"{broken} --workspace ha-noi", "cannot be read as GeoJSON"),
                ($"{mixed} --workspace ha-noi --into postgis", "mixes geometry types in one layer: Point (1), Line String (1)"),
                ($"{csv} --workspace ha-noi", "does not say which CRS"),
                ($"{taken} --workspace ha-noi --crs EPSG:4326", "exists and was not imported"),
                ($"{csv} --workspace khong-co --crs EPSG:4326", "No workspace 'khong-co'"),
                ($"{csv} --workspace other --crs EPSG:4326 --into postgis", "has no PostGIS store"),
            })
            {
                var (exit, output) = await ImportAsync(server, arguments);
                Assert.True(exit == 1, $"{arguments}: exit {exit}\n{output}");
                Assert.Contains(says, output);
                Assert.Empty(server.ImportedFiles());
                Assert.Equal("", await ImportServer.TablesAsync(schema));
                Assert.Equal(configuration, server.ConfigurationState());
            }
            var (missingExit, missing) = await ImportAsync(server, $"{Path.Combine(sources, "khong.shp")} --workspace ha-noi");
            Assert.Equal(2, missingExit);
            Assert.Contains("no file", missing);

            // The CSV, once its CRS is given, is imported after all.
            var (ok, done) = await ImportAsync(server, $"{csv} --workspace ha-noi --crs EPSG:4326");
            Assert.True(ok == 0, done);
            await ImportFiles.WaitForAsync(server.Client, "ogc/collections/ha-noi:tram/items", TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }
}
