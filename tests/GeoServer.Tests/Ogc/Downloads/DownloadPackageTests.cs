using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// What every package carries beside its data (the README's facts, in English and Vietnamese), rasters as the
/// coverage's pixels, the access policy, the limits, metering, and a download folder emptied whatever happens.
/// </summary>
[Collection(GeoPackageDownloadCollection.Name)]
public sealed class DownloadPackageTests(GeoPackageDownloadServer fixture)
{
    private const string Places = "vn:populated_places";
    private const string Provinces = "vn:vn_provinces_2025";
    private const string Dem = "vn:dem_srtm3_N21E105";
    private GeoSdiProcess Server => fixture.Server;

    private Task<HttpResponseMessage> GetAsync(string url, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        return Server.Client.SendAsync(request);
    }

    [Fact]
    public async Task The_readme_names_dataset_source_licence_access_date_crs_count_and_query_in_english_and_vietnamese()
    {
        const string filter = "loai_osm IN ('city','town')";
        string query = "bbox=105.5,20.8,106,21.2&filter=" + Uri.EscapeDataString(filter);
        var items = await ItemsReference.GetAsync(Server.Client, Places, query);
        using var package = await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Places}/download?f=gpkg&{query}");
        string count = items.Count.ToString(CultureInfo.InvariantCulture), licence = $"{DownloadServer.Licence} <{DownloadServer.LicenceUrl}>";

        Assert.Equal("vn_populated_places.gpkg.zip", package.FileName);
        Assert.Equal(["README.txt", "populated_places.gpkg"], package.Entries);
        Assert.StartsWith("Điểm dân cư (Populated places)\n", package.Readme);
        Assert.Equal("Điểm dân cư (Populated places)", package.ReadmeValue("Dataset"));
        Assert.Equal("vn:populated_places, published by Bộ Tài nguyên và Môi trường", package.ReadmeValue("Collection"));
        Assert.Equal($"GeoSDI download test, {Server.BaseAddress}ogc/collections/vn%3Apopulated_places", package.ReadmeValue("Source"));
        Assert.Equal(licence, package.ReadmeValue("Licence"));
        Assert.Equal("© OpenStreetMap contributors (ODbL)", package.ReadmeValue("Attribution"));
        Assert.StartsWith("Open: anyone may download", package.ReadmeValue("Access level"));
        var extracted = DateTimeOffset.Parse(package.ReadmeValue("Extracted")!, CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow - extracted, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Assert.StartsWith("WGS 84 (CRS84) (http://www.opengis.net/def/crs/OGC/1.3/CRS84)", package.ReadmeValue("CRS"));
        Assert.Equal(count, package.ReadmeValue("Features"));
        Assert.Equal($"bbox=105.5,20.8,106,21.2; filter={filter}", package.ReadmeValue("Query"));
        Assert.Equal("GeoPackage: populated_places.gpkg", package.ReadmeValue("Format"));

        Assert.Contains("\nTIẾNG VIỆT\n", package.Readme);
        Assert.Equal("Điểm dân cư", package.ReadmeValue("Tập dữ liệu"));
        Assert.Equal("vn:populated_places, do Bộ Tài nguyên và Môi trường công bố", package.ReadmeValue("Lớp dữ liệu"));
        Assert.Equal(licence, package.ReadmeValue("Giấy phép"));
        Assert.StartsWith("Mở: mọi người", package.ReadmeValue("Mức truy cập"));
        Assert.Equal(package.ReadmeValue("Extracted"), package.ReadmeValue("Ngày trích xuất"));
        Assert.StartsWith("WGS 84 (CRS84)", package.ReadmeValue("Hệ tọa độ"));
        Assert.Equal(count, package.ReadmeValue("Số đối tượng"));
        Assert.Equal(package.ReadmeValue("Query"), package.ReadmeValue("Truy vấn"));

        using var whole = await DownloadedPackage.GetAsync(Server.Client, "ogc/collections/vn:monitoring_stations/download?f=csv");
        Assert.Equal("none: the whole layer", whole.ReadmeValue("Query"));
        Assert.Equal("không có: toàn bộ lớp dữ liệu", whole.ReadmeValue("Truy vấn"));
        Assert.StartsWith("not stated", whole.ReadmeValue("Licence"));
        Assert.Equal("CSV: monitoring_stations.csv, monitoring_stations.csvt, monitoring_stations.prj", whole.ReadmeValue("Format"));
    }

    [Fact]
    public async Task A_raster_downloads_as_a_geotiff_with_the_pixels_of_the_coverage()
    {
        const string query = "bbox=105.6,21.0,105.9,21.2";
        using var package = await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Dem}/download?f=tif&{query}");
        Assert.Equal(["README.txt", "dem_srtm3_N21E105.tif"], package.Entries);
        Assert.Equal("vn_dem_srtm3_N21E105.tif.zip", package.FileName);
        Assert.StartsWith("361 × 241 pixels, 1 band (Int16)", package.ReadmeValue("Grid"));
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4326", package.ReadmeValue("CRS"));

        var coverage = Path.Combine(Path.GetTempPath(), $"geosdi-coverage-{Guid.NewGuid():N}.tif");
        try
        {
            await File.WriteAllBytesAsync(coverage, await Server.Client.GetByteArrayAsync($"ogc/collections/{Dem}/coverage?{query}"));
            var fromPackage = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", Path.GetTempPath(), true, "-checksum", package.Vsi("dem_srtm3_N21E105.tif"));
            var fromCoverage = await ExternalTool.RunAsync("gdalinfo", "gdal-bin", Path.GetTempPath(), true, "-checksum", coverage);
            Assert.Contains("Size is 361, 241", fromPackage);
            Assert.Contains("ID[\"EPSG\",4326]", fromPackage);
            Assert.Equal(Checksum(fromCoverage), Checksum(fromPackage));
        }
        finally
        {
            File.Delete(coverage);
        }
    }

    private static string Checksum(string gdalinfo) =>
        gdalinfo.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("Checksum=", StringComparison.Ordinal));

    [Fact]
    public async Task A_restricted_layer_is_a_404_anonymously_like_its_items_and_downloads_with_a_members_key()
    {
        const string query = "bbox=105.3,20.2,106.9,21.4";
        var items = await GetAsync($"ogc/collections/{Provinces}/items?{query}");
        var download = await GetAsync($"ogc/collections/{Provinces}/download?{query}&f=shp");
        await HttpJson.AssertProblemAsync(items, 404, null);
        var problem = await HttpJson.AssertProblemAsync(download, 404, null);
        Assert.DoesNotContain("Tỉnh, thành phố", problem.ToString());

        var expected = await ItemsReference.GetAsync(Server.Client, Provinces, query, DownloadServer.MemberKey);
        using (var package = await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Provinces}/download?{query}&f=shp", DownloadServer.MemberKey))
        {
            PackageComparison.AssertSame(expected, await package.ReadFeaturesAsync("vn_provinces_2025.shp", "fid"), package.RenamedFields, "restricted provinces");
            Assert.StartsWith("Restricted: for the members of workspace 'vn' only", package.ReadmeValue("Access level"));
            Assert.StartsWith("Hạn chế:", package.ReadmeValue("Mức truy cập"));
        }
        // The key as a parameter (for clients that cannot set headers) works too, and never reaches the README.
        using (var package = await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Provinces}/download?{query}&api_key={DownloadServer.MemberKey}"))
        {
            Assert.DoesNotContain(DownloadServer.MemberKey, package.Readme);
            Assert.Equal("bbox=105.3,20.2,106.9,21.4", package.ReadmeValue("Query"));
        }
        // A workspace's endpoint shows only its own layers, and the package says where it came from.
        await HttpJson.AssertProblemAsync(await GetAsync($"ws/ha-noi/ogc/collections/{Provinces}/download?{query}", DownloadServer.MemberKey), 404, null);
        using (var package = await DownloadedPackage.GetAsync(Server.Client, $"ws/vn/ogc/collections/{Provinces}/download?{query}", DownloadServer.MemberKey))
            Assert.Equal($"GeoSDI download test, {Server.BaseAddress}ws/vn/ogc/collections/vn%3Avn_provinces_2025", package.ReadmeValue("Source"));
    }

    [Theory]
    [InlineData("vn:observations", "f=csv", "more than 5000 features")]
    [InlineData("vn:rivers", "f=gpkg", "more than 2 MiB")]
    public async Task A_download_beyond_the_limits_is_a_400_problem_saying_how_to_narrow_it(string collection, string query, string limit)
    {
        var problem = await HttpJson.AssertProblemAsync(await GetAsync($"ogc/collections/{collection}/download?{query}"), 400, null);
        Assert.Contains(limit, problem.GetProperty("detail").GetString());
        Assert.Contains("bbox", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Places, "f=pdf", "f", "gpkg, shp, geojson, csv, kml")]
    [InlineData(Places, "f=tif", "f", "raster")]
    [InlineData(Dem, "f=gpkg", "f", "tif")]
    [InlineData(Places, "limit=10", "limit", "every matching feature")]
    [InlineData(Places, "offset=10", "offset", "")]
    [InlineData(Places, "f=kml&crs=EPSG:3405", "crs", "KML")]
    [InlineData(Places, "bbox=1,2,3", "bbox", "")]
    [InlineData(Places, "filter=ten%20%3D%3D%3D", "filter", "")]
    [InlineData(Places, "colour=red", "colour", "Unknown")]
    [InlineData(Dem, "colour=red", "colour", "Unknown")]
    [InlineData(Dem, "bbox=10,10,11,11", "bbox", "does not meet")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string collection, string query, string parameter, string detail)
    {
        var problem = await HttpJson.AssertProblemAsync(await GetAsync($"ogc/collections/{collection}/download?{query}"), 400, parameter);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_features_and_bytes_of_a_package_are_metered()
    {
        var response = await GetAsync($"ogc/collections/{Places}/download?f=geojson&bbox=105.5,20.8,106,21.2", DownloadServer.MeteredKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        long bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        long features = (await ItemsReference.GetAsync(Server.Client, Places, "bbox=105.5,20.8,106,21.2")).Count;
        JsonObject? row = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); row is null && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(500);
            var report = JsonNode.Parse(await (await GetAsync("admin/api/usage?by=caller,layer,service", DownloadServer.AdminKey)).Content.ReadAsStringAsync())!;
            row = report["rows"]!.AsArray().Select(r => r!.AsObject())
                .FirstOrDefault(r => (string?)r["caller"] == "key:metered" && (string?)r["layer"] == Places && (string?)r["service"] == "ogcapi");
        }
        Assert.NotNull(row);
        Assert.Equal(1, (long)row["requests"]!);
        Assert.Equal(features, (long)row["features"]!);
        Assert.Equal(bytes, (long)row["bytes"]!);
    }

    [Fact]
    public async Task The_download_folder_is_empty_after_packages_and_refusals()
    {
        foreach (var f in new[] { "gpkg", "shp", "geojson", "csv", "kml" })
            (await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Places}/download?f={f}&bbox=105.5,20.8,106,21.2")).Dispose();
        (await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Dem}/download?bbox=105.6,21.0,105.9,21.2")).Dispose();
        // Refused while the features were being written (the size limit), and before anything was written.
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("ogc/collections/vn:rivers/download")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("ogc/collections/vn:observations/download")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync($"ogc/collections/{Places}/download?filter=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"ogc/collections/{Provinces}/download")).StatusCode);
        await DownloadServer.AssertTempDirectoryEmptiesAsync(Server);
    }

    [Fact]
    public async Task A_client_that_goes_away_mid_download_leaves_no_files_behind()
    {
        // A package far larger than what the sockets can buffer (a client receive buffer of 8 KiB, the server's send
        // buffer of at most 4 MiB), so the server is still sending when the client closes.
        const string big = $"ogc/collections/{Dem}/download?width=5000&height=5000&resampling=cubic";
        using (var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectCallback = ConnectWithSmallBufferAsync })
               { BaseAddress = Server.BaseAddress })
        {
            using var response = await client.GetAsync(big, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentLength > 8 << 20, $"only {response.Content.Headers.ContentLength} bytes: too small to test");
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            for (int read = 0; read < buffer.Length;) read += await body.ReadAsync(buffer.AsMemory(read));
        }
        await DownloadServer.AssertTempDirectoryEmptiesAsync(Server);

        // Gone while the package was still being made.
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Server.Client.GetAsync(big, cancel.Token));
        await DownloadServer.AssertTempDirectoryEmptiesAsync(Server);

        (await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{Places}/download?bbox=105.5,20.8,106,21.2")).Dispose();
    }

    private static async ValueTask<Stream> ConnectWithSmallBufferAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8 * 1024, NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
