using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host.Import;

/// <summary>
/// POST /admin/api/workspaces/{ws}/imports through a real server process: a Shapefile (zipped), a GeoJSON and a KML
/// are published with the features and CRS of the source, into a GeoPackage the server owns and into PostGIS; a
/// raster becomes a COG drawn by WMS; every broken file is refused with its reason and leaves nothing behind.
/// </summary>
public sealed class ImportAdminTests
{
    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Uploaded_Shapefile_GeoJSON_and_KML_are_published_with_the_features_and_CRS_of_their_source()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("");
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        var server = await ImportServer.StartAsync(schema);
        try
        {
            var zip = await ImportFiles.ParcelsZipAsync(sources);
            var places = await ImportFiles.PlacesGeoJsonAsync(sources);
            var rivers = await ImportFiles.RiversKmlAsync(sources);

            var parcels = await server.UploadAsync(zip, fields: ("into", "postgis"));
            Assert.True(parcels.StatusCode == HttpStatusCode.Created, await parcels.Content.ReadAsStringAsync());
            string parcelsId = $"ha-noi:{schema.Name}.thua_dat";
            Assert.Equal($"/ogc/collections/{parcelsId}", parcels.Headers.Location?.OriginalString);
            Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3405", await ImportFiles.StorageCrsAsync(server.Client, parcelsId));
            (await ImportFiles.OfServedAsync(server.Client, parcelsId, sources, "http://www.opengis.net/def/crs/EPSG/0/3405"))
                .AssertSameAs(await ImportFiles.OfFileAsync(Path.ChangeExtension(zip, ".shp"), "thua_dat"));
            Assert.Equal("thua_dat", await ImportServer.TablesAsync(schema));

            Assert.Equal(HttpStatusCode.Created, (await server.UploadAsync(places)).StatusCode);
            Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4326", await ImportFiles.StorageCrsAsync(server.Client, "ha-noi:places"));
            (await ImportFiles.OfServedAsync(server.Client, "ha-noi:places", sources)).AssertSameAs(await ImportFiles.OfFileAsync(places, "populated_places"));

            var kml = await server.UploadAsync(rivers, fields: ("layer", "Sông ngòi"));
            var created = JsonDocument.Parse(await kml.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("ha-noi:song_ngoi", created.GetProperty("layer").GetString());
            Assert.Equal("LineString", created.GetProperty("geometryType").GetString());
            (await ImportFiles.OfServedAsync(server.Client, "ha-noi:song_ngoi", sources)).AssertSameAs(await ImportFiles.OfFileAsync(rivers, "rivers"));
            Assert.Equal(["ha-noi/places.gpkg", "ha-noi/song_ngoi.gpkg"], server.ImportedFiles());

            // Published everywhere the registry reaches: WMS, the catalog; and audited.
            Assert.Contains("<Name>ha-noi:song_ngoi</Name>", await server.Client.GetStringAsync("wms?service=WMS&request=GetCapabilities"));
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("ogc/collections/catalog/items/ha-noi:places?f=json")).StatusCode);
            var audit = await (await server.SendAsync(HttpMethod.Get, "admin/api/audit?target=ha-noi:")).Content.ReadAsStringAsync();
            Assert.Equal(3, audit.Split("layer.import").Length - 1);
            var list = JsonDocument.Parse(await (await server.SendAsync(HttpMethod.Get, "admin/api/workspaces/ha-noi/imports")).Content.ReadAsStringAsync());
            Assert.Equal(3, list.RootElement.GetProperty("imports").GetArrayLength());

            // After a restart the PostGIS store of the file's workspace also discovers the imported table: still one layer.
            server.Kill();
            server = await ImportServer.StartAsync(schema, folder: server.Folder);
            var collections = await server.Client.GetStringAsync("ogc/collections?f=json&limit=1000");
            Assert.Equal(1, collections.Split($"\"id\":\"{parcelsId}\"").Length - 1);
            foreach (var id in new[] { "ha-noi:places", "ha-noi:song_ngoi" }) Assert.Contains($"\"id\":\"{id}\"", collections);
            Assert.Equal(4268, (await ImportFiles.OfServedAsync(server.Client, parcelsId, sources)).Count);
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(sources, recursive: true);
        }
    }

    [Fact]
    public async Task An_uploaded_raster_becomes_a_Cloud_Optimized_GeoTIFF_drawn_by_WMS()
    {
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        await using var server = await ImportServer.StartAsync();
        try
        {
            // A plain striped GeoTIFF, as a surveyor would send it: not yet cloud optimised.
            var plain = Path.Combine(sources, "dem_hanoi.tif");
            await ExternalTool.RunAsync("gdal_translate", "gdal-bin", sources, true, "-q", "-of", "GTiff", SampleData.PathOf("raster/dem_srtm3_N21E105.tif"), plain);
            Assert.DoesNotContain("LAYOUT=COG", await ExternalTool.RunAsync("gdalinfo", "gdal-bin", sources, true, plain));

            var response = await server.UploadAsync(plain);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            Assert.Equal("gdal", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
            var cog = Path.Combine(server.Folder, ".geosdi", "imports", "ha-noi", "dem_hanoi.tif");
            var info = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", sources, true, cog);
            Assert.Contains("LAYOUT=COG", info);
            Assert.Contains("Overviews:", info);

            var map = await server.Client.GetAsync("wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ha-noi:dem_hanoi&STYLES=&CRS=EPSG:3857" +
                                                   "&BBOX=11710000,2392000,11755000,2437000&WIDTH=256&HEIGHT=256&FORMAT=image/png");
            Assert.Equal("image/png", map.Content.Headers.ContentType?.MediaType);
            var png = PngReader.Read(await map.Content.ReadAsByteArrayAsync());
            Assert.True(png.Pixels.Count(p => p.A == 255) > png.Pixels.Length * 9 / 10, "the raster covers the map");
            Assert.True(png.Pixels.Select(p => p.R).Distinct().Count() > 20, "the elevations are drawn, not a flat colour");
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }

    /// <summary>A broken upload: the file to make, the form fields, the status and what the problem's detail must say.</summary>
    public sealed record Broken(string Name, Func<string, Task<string>> Make, (string, string)[] Fields, int Status, string Says);

    private static Task<string> Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return Task.FromResult(path);
    }

    private static string Zip(string folder, string name, Action<ZipArchive> fill)
    {
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        fill(zip);
        return path;
    }

    private static readonly Broken[] BrokenFiles =
    [
        new("corrupt GeoJSON", f => Write(f, "hong.geojson", """{"type":"FeatureCollection","features":[{"type":"Feat"""), [], 422, "cannot be read as GeoJSON"),
        new("unknown format", f => Write(f, "notes.txt", "không phải dữ liệu không gian"), [], 422, "of no format GeoSDI imports"),
        new("CSV without a CRS", f => Write(f, "tram.csv", "ten,lon,lat\nA,105.8,21.0\n"), [], 422, "does not say which CRS"),
        new("CRS GeoSDI does not serve", async f =>
        {
            var path = Path.Combine(f, "lambert.geojson");
            await ImportFiles.Ogr2ogrAsync(f, "-f", "GeoJSON", "-t_srs", "EPSG:2154", path, SampleData.PathOf("base.gpkg"), "populated_places");
            return path;
        }, [], 422, "EPSG:2154, which GeoSDI does not serve"),
        new("crs not known", f => Write(f, "tram.csv", "ten,lon,lat\nA,105.8,21.0\n"), [("crs", "EPSG:999999")], 400, "not a CRS GeoSDI serves"),
        new("no features", f => Write(f, "rong.geojson", """{"type":"FeatureCollection","features":[]}"""), [], 422, "has no features"),
        new("mixed geometry types", f => Write(f, "tron.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}},
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[105,21],[106,21],[106,22],[105,21]]]},"properties":{}}]}
            """), [("into", "postgis")], 422, "mixes geometry types in one layer: Point (1), Polygon (1)"),
        new("zip bomb", f => Task.FromResult(Zip(f, "bom.zip", zip =>
        {
            using var entry = zip.CreateEntry("big.geojson", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (int i = 0; i < 200; i++) entry.Write(spaces);
        })), [], 413, "times its packed size"),
        new("zip climbing out", f => Task.FromResult(Zip(f, "evil.zip", zip =>
        {
            using var writer = new StreamWriter(zip.CreateEntry("../evil.shp").Open());
            writer.Write("x");
        })), [], 422, "unsafe path ('../evil.shp')"),
        new("zip with an absolute path", f => Task.FromResult(Zip(f, "abs.zip", zip =>
        {
            using var writer = new StreamWriter(zip.CreateEntry("/tmp/evil.shp").Open());
            writer.Write("x");
        })), [], 422, "unsafe path"),
        new("a shapefile alone", async f => Path.ChangeExtension(await ImportFiles.ParcelsZipAsync(f), ".shp"), [], 422, "needs its .shx and .dbf"),
        new("a name with nothing to keep", f => Write(f, "ok.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}}]}"""),
            [("layer", "../!!")], 400, "no letter or digit"),
        new("a layer of the configuration file", f => Write(f, "land_parcels_synthetic.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}}]}"""),
            [], 409, "was not imported"),
        new("a target that is no store", f => Write(f, "ok.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}}]}"""),
            [("into", "oracle")], 400, "into 'oracle'"),
        new("an unknown field", f => Write(f, "ok.geojson", "{}"), [("path", "/etc/passwd")], 400, "Unknown field 'path'"),
    ];

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task Each_broken_upload_is_refused_with_its_reason_and_leaves_no_file_table_or_configuration_behind()
    {
        await using var schema = await PostGisDatabase.CreateScratchSchemaAsync("");
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        await using var server = await ImportServer.StartAsync(schema);
        try
        {
            var collections = await server.Client.GetStringAsync("ogc/collections?f=json&limit=1000");
            var configuration = server.ConfigurationState();
            foreach (var broken in BrokenFiles)
            {
                var file = await broken.Make(Directory.CreateDirectory(Path.Combine(sources, Guid.NewGuid().ToString("N"))).FullName);
                var response = await server.UploadAsync(file, fields: broken.Fields);
                var problem = await HttpJson.AssertProblemAsync(response, broken.Status, null);
                Assert.True(problem.GetProperty("detail").GetString()!.Contains(broken.Says, StringComparison.Ordinal),
                    $"{broken.Name}: '{problem.GetProperty("detail").GetString()}' does not say '{broken.Says}'");
                Assert.DoesNotContain(server.Folder, problem.GetProperty("detail").GetString());

                Assert.True(server.ImportedFiles().Count == 0, $"{broken.Name} left {string.Join(", ", server.ImportedFiles())}");
                Assert.Equal("", await ImportServer.TablesAsync(schema));
                Assert.Equal(configuration, server.ConfigurationState());
                Assert.Equal(collections, await server.Client.GetStringAsync("ogc/collections?f=json&limit=1000"));
            }
            Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "evil.shp")), "nothing was written outside the upload's folder");
            Assert.Empty(Directory.GetFiles(server.Folder, "evil.shp", SearchOption.AllDirectories));

            // Not multipart at all, no file, and a workspace that does not exist.
            using var json = new HttpRequestMessage(HttpMethod.Post, "admin/api/workspaces/ha-noi/imports") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            json.Headers.Add("X-API-Key", ImportServer.AdminKey);
            await HttpJson.AssertProblemAsync(await server.Client.SendAsync(json), 415, null);
            using var noFile = new HttpRequestMessage(HttpMethod.Post, "admin/api/workspaces/ha-noi/imports") { Content = new MultipartFormDataContent { { new StringContent("x"), "layer" } } };
            noFile.Headers.Add("X-API-Key", ImportServer.AdminKey);
            Assert.Contains("No file", (await HttpJson.AssertProblemAsync(await server.Client.SendAsync(noFile), 400, null)).GetProperty("detail").GetString());
            var ok = await Write(sources, "ok.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}}]}""");
            await HttpJson.AssertProblemAsync(await server.UploadAsync(ok, workspace: "khong-co"), 404, null);
            Assert.Equal(configuration, server.ConfigurationState());
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }

    [Fact]
    public async Task A_name_taken_by_an_import_is_a_conflict_unless_replacing_and_a_deleted_import_leaves_no_file()
    {
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        await using var server = await ImportServer.StartAsync();
        try
        {
            var places = await ImportFiles.PlacesGeoJsonAsync(sources);
            var two = await Write(sources, "two.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{"ten":"Một"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[105.9,21.1]},"properties":{"ten":"Hai"}}]}
                """);
            Assert.Equal(HttpStatusCode.Created, (await server.UploadAsync(places, fields: ("layer", "diem"))).StatusCode);
            var again = await server.UploadAsync(two, fields: ("layer", "diem"));
            Assert.Contains("--replace", (await HttpJson.AssertProblemAsync(again, 409, null)).GetProperty("detail").GetString());
            Assert.Equal(4806, (await ImportFiles.OfServedAsync(server.Client, "ha-noi:diem", sources)).Count);

            var replaced = await server.UploadAsync(two, fields: [("layer", "diem"), ("replace", "true")]);
            Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
            Assert.True(JsonDocument.Parse(await replaced.Content.ReadAsStringAsync()).RootElement.GetProperty("replaced").GetBoolean());
            (await ImportFiles.OfServedAsync(server.Client, "ha-noi:diem", sources)).AssertSameAs(await ImportFiles.OfFileAsync(two, "two"));
            Assert.Equal(["ha-noi/diem.gpkg"], server.ImportedFiles());

            Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, "admin/api/workspaces/ha-noi/imports/diem")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("ogc/collections/ha-noi:diem")).StatusCode);
            Assert.Empty(server.ImportedFiles());
            Assert.Equal(HttpStatusCode.NotFound, (await server.SendAsync(HttpMethod.Delete, "admin/api/workspaces/ha-noi/imports/diem")).StatusCode);

            // A database workspace's imports go with it, files included.
            File.Copy(SampleData.PathOf("land.gpkg"), Path.Combine(server.Folder, "land.gpkg"));
            using var put = new HttpRequestMessage(HttpMethod.Put, "admin/api/workspaces/tinh-mau")
                { Content = new StringContent("""{"Stores":{"land":{"Type":"geopackage","Path":"land.gpkg"}}}""", Encoding.UTF8, "application/json") };
            put.Headers.Add("X-API-Key", ImportServer.AdminKey);
            Assert.Equal(HttpStatusCode.Created, (await server.Client.SendAsync(put)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await server.UploadAsync(two, workspace: "tinh-mau")).StatusCode);
            Assert.Equal(["tinh-mau/two.gpkg"], server.ImportedFiles());
            Assert.Equal(HttpStatusCode.NoContent, (await server.SendAsync(HttpMethod.Delete, "admin/api/workspaces/tinh-mau")).StatusCode);
            Assert.Empty(server.ImportedFiles());
            Assert.Equal(0, server.ConfigurationState().Imports);
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }

    [Fact]
    public async Task Only_global_admins_and_the_workspaces_own_admins_import_and_the_API_describes_the_upload()
    {
        var sources = Directory.CreateTempSubdirectory("geosdi-import-src-").FullName;
        await using var server = await ImportServer.StartAsync(maxUploadMegabytes: 1);
        try
        {
            var one = await Write(sources, "mot.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.8,21.0]},"properties":{}}]}""");
            await HttpJson.AssertProblemAsync(await server.UploadAsync(one, key: null), 401, null);
            foreach (var key in new[] { ImportServer.ReaderKey, ImportServer.EditorKey, ImportServer.OtherAdminKey })
                await HttpJson.AssertProblemAsync(await server.UploadAsync(one, key), 403, null);
            await HttpJson.AssertProblemAsync(await server.SendAsync(HttpMethod.Get, "admin/api/workspaces/ha-noi/imports", ImportServer.OtherAdminKey), 403, null);
            Assert.Empty(server.ImportedFiles());

            Assert.Equal(HttpStatusCode.Created, (await server.UploadAsync(one, ImportServer.HanoiAdminKey)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("ogc/collections/ha-noi:mot/items")).StatusCode);

            // Import:MaxUploadMegabytes is 1 here: 2 MiB are refused before they are kept.
            var big = Path.Combine(sources, "lon.geojson");
            await File.WriteAllTextAsync(big, """{"type":"FeatureCollection","features":[]}""" + new string(' ', 2 << 20));
            Assert.Contains("at most 1 MiB", (await HttpJson.AssertProblemAsync(await server.UploadAsync(big), 413, null)).GetProperty("detail").GetString());
            Assert.Equal(["ha-noi/mot.gpkg"], server.ImportedFiles());

            var document = JsonDocument.Parse(await server.Client.GetStringAsync("admin/api/openapi.json")).RootElement;
            var upload = document.GetProperty("paths").GetProperty("/admin/api/workspaces/{workspace}/imports").GetProperty("post");
            Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
            Assert.True(upload.GetProperty("responses").TryGetProperty("422", out _));
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }
}
