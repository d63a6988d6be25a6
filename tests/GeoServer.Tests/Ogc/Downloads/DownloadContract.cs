using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// What every store's packages must hold, whatever the format: exactly the features the items endpoint returns for the
/// same query (ids, attribute values with their Vietnamese text, geometry checksums), read back by GDAL from the zip.
/// One subclass per store, on the same sample rows.
/// </summary>
public abstract class DownloadContract
{
    protected const string KeyName = "fid";

    protected abstract GeoSdiProcess Server { get; }

    /// <summary>The populated places (points, Vietnamese names, null populations).</summary>
    protected abstract string Places { get; }

    /// <summary>The synthetic land parcels (polygons, Vietnamese text, names longer than a Shapefile allows).</summary>
    protected abstract string Parcels { get; }

    /// <summary>The monitoring stations (date-times).</summary>
    protected abstract string Stations { get; }

    /// <summary>The land-use codes (no geometry).</summary>
    protected abstract string Codes { get; }

    public static TheoryData<string> Formats => new() { "gpkg", "shp", "geojson", "csv", "kml" };

    [Theory]
    [MemberData(nameof(Formats))]
    public Task A_bbox_and_filter_package_holds_the_features_items_returns(string f) =>
        AssertSameAsync(Places, "bbox=105.5,20.8,106,21.2&filter=" + Uri.EscapeDataString("loai_osm IN ('city','town','suburb','village')"), f);

    [Theory]
    [MemberData(nameof(Formats))]
    public Task A_cql2_text_filter_on_vietnamese_text_selects_the_same_parcels(string f) =>
        AssertSameAsync(Parcels, "filter=" + Uri.EscapeDataString("ten_loai_dat = 'Đất trồng cây lâu năm' AND dia_danh LIKE 'Cánh đồng Đ%'"), f);

    [Theory]
    [InlineData("gpkg")]
    [InlineData("shp")]
    public Task A_cql2_json_filter_selects_the_same_parcels(string f) =>
        AssertSameAsync(Parcels, "filter-lang=cql2-json&filter=" +
            Uri.EscapeDataString("""{"op":"in","args":[{"property":"ma_loai_dat"},["NTS","HNK"]]}"""), f);

    [Theory]
    [MemberData(nameof(Formats))]
    public Task Dates_come_through_as_the_same_instants(string f) => AssertSameAsync(Stations, "", f);

    [Theory]
    [InlineData("gpkg")]
    [InlineData("shp")]
    [InlineData("geojson")]
    [InlineData("csv")]
    public Task A_table_without_geometry_downloads_its_rows(string f) => AssertSameAsync(Codes, "", f);

    [Theory]
    [InlineData("gpkg")]
    [InlineData("shp")]
    [InlineData("geojson")]
    [InlineData("csv")]
    public async Task A_crs_writes_the_coordinates_items_gives_in_it(string f)
    {
        using var package = await AssertSameAsItemsAsync(Places, "bbox=105.5,20.8,106,21.2&crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/3405"), f);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/3405", package.ReadmeValue("CRS"));
        if (f == "shp")
            Assert.Contains("VN_2000_UTM_Zone_48N", package.EntryText(package.Entries.Single(e => e.EndsWith(".prj"))));
    }

    [Fact]
    public async Task A_shapefile_has_its_five_files_with_utf8_text_and_names_of_ten_characters()
    {
        using var package = await AssertSameAsItemsAsync(Parcels, "filter=" + Uri.EscapeDataString("ma_loai_dat = 'NTS'"), "shp");
        string name = package.Entries.Single(e => e.EndsWith(".shp"))[..^4];
        Assert.Equal(["README.txt", .. new[] { ".cpg", ".dbf", ".prj", ".shp", ".shx" }.Select(e => name + e)], package.Entries);
        Assert.Equal("UTF-8", package.EntryText(name + ".cpg").Trim());
        Assert.Equal("ten_loai_d", package.RenamedFields["ten_loai_dat"]);
        Assert.Equal("doi_tuong_", package.RenamedFields["doi_tuong_su_dung"]);
        Assert.All(package.RenamedFields.Values, n => Assert.True(n.Length <= 10, n));
    }

    [Fact]
    public async Task Only_the_selected_properties_are_written_besides_the_key()
    {
        using var package = await AssertSameAsItemsAsync(Places, "bbox=105.5,20.8,106,21.2&properties=ten,loai_osm", "geojson");
        var features = await package.ReadFeaturesAsync(package.Entries.Single(e => e.EndsWith(".geojson")), KeyName);
        Assert.All(features.Values, f => Assert.Equal(["loai_osm", "ten"], f.Properties.Keys.Order(StringComparer.Ordinal)));
    }

    private async Task AssertSameAsync(string collection, string query, string f) =>
        (await AssertSameAsItemsAsync(collection, query, f)).Dispose();

    /// <summary>
    /// Downloads the collection in the format, reads its data back with ogr2ogr and asserts it holds exactly what the
    /// items endpoint returns for the same query; the README counts them. The package is the caller's to dispose.
    /// </summary>
    protected async Task<DownloadedPackage> AssertSameAsItemsAsync(string collection, string query, string f)
    {
        var items = await ItemsReference.GetAsync(Server.Client, collection, query);
        var package = await DownloadedPackage.GetAsync(Server.Client, $"ogc/collections/{collection}/download?{query}&f={f}");
        try
        {
            string extension = f == "shp" && !package.Entries.Any(e => e.EndsWith(".shp")) ? ".dbf" : "." + f;
            var data = package.Entries.Single(e => e.EndsWith(extension, StringComparison.Ordinal));
            PackageComparison.AssertSame(items, await package.ReadFeaturesAsync(data, KeyName), package.RenamedFields, $"{collection}?{query} as {f}");
            Assert.Equal(items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), package.ReadmeValue("Features"));
            Assert.Equal("README.txt", package.Entries[0]);
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }
}
