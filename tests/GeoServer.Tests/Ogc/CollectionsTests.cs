using System.Net;
using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc;

[Collection(GeoSdiServerCollection.Name)]
public sealed class CollectionsTests(GeoSdiServer server)
{
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static TheoryData<string> Collections => new(SampleData.CollectionIds);

    public static TheoryData<string> CollectionsWithGeometry =>
        new(SampleData.CollectionIds.Where(id => !SampleData.AttributeCollections.Contains(id)));

    // The layers are the feature collections; the catalog adds its record collection beside them.
    private async Task<List<JsonElement>> ListAsync() =>
        (await server.Client.GetJsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray()
            .Where(c => c.GetProperty("itemType").GetString() == "feature").ToList();

    [Fact]
    public async Task The_collections_are_every_table_of_the_five_sample_GeoPackages_and_the_sample_rasters_by_workspace()
    {
        var ids = (await ListAsync()).Select(c => c.GetProperty("id").GetString()).ToList();

        Assert.Equal(23, ids.Count);
        Assert.Equal(SampleData.AllCollectionIds, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_feature_and_attribute_table_in_the_sample_files_is_a_collection()
    {
        var ids = (await ListAsync()).Select(c => c.GetProperty("id").GetString()).ToHashSet();
        var tables = new List<string>();
        foreach (var (workspace, file) in SampleData.Stores)
        {
            using var connection = SampleData.OpenReadOnly(SampleData.PathOf(file));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes')";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) tables.Add(workspace + ":" + reader.GetString(0));
        }

        Assert.Equal(tables.Concat(SampleData.RasterCollectionIds).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_optional_maritime_GeoPackage_is_not_published()
    {
        var ids = (await ListAsync()).Select(c => c.GetProperty("id").GetString()!).ToList();

        Assert.DoesNotContain(ids, id => id.Contains("maritime", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ids, id => id.StartsWith("optional", StringComparison.Ordinal));
        using var response = await server.Client.GetAsync("/ogc/collections/vn:osm_country_maritime_2017");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CollectionsWithGeometry))]
    public async Task A_collection_with_geometry_has_a_CRS84_extent_the_CRS_list_and_its_storage_CRS(string id)
    {
        var collection = (await ListAsync()).Single(c => c.GetProperty("id").GetString() == id);

        var spatial = collection.GetProperty("extent").GetProperty("spatial");
        Assert.Equal(Crs84, spatial.GetProperty("crs").GetString());
        var bbox = spatial.GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(4, bbox.Count);
        Assert.True(bbox[0] <= bbox[2] && bbox[1] <= bbox[3], $"{id}: {string.Join(",", bbox)}");
        Assert.InRange(bbox[0], 90, 120);
        Assert.InRange(bbox[3], 0, 30);
        var crs = collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(Crs84, crs[0]);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4326", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/3857", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4756", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/3405", crs);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4326", collection.GetProperty("storageCrs").GetString());
        Assert.Contains(collection.GetProperty("storageCrs").GetString(), crs);
    }

    [Theory]
    [MemberData(nameof(CollectionsWithGeometry))]
    public async Task The_extent_of_a_collection_contains_every_feature_of_its_table(string id)
    {
        var collection = await server.Client.GetJsonAsync("/ogc/collections/" + id);
        var bbox = collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (path, table) = SampleData.Locate(id);

        // The R-tree bounds of every row, as stored (single precision, rounded outwards by at most ~1e-5°).
        double minX = SampleData.Scalar<double>(path, $"SELECT min(minx) FROM \"rtree_{table}_geom\"");
        double minY = SampleData.Scalar<double>(path, $"SELECT min(miny) FROM \"rtree_{table}_geom\"");
        double maxX = SampleData.Scalar<double>(path, $"SELECT max(maxx) FROM \"rtree_{table}_geom\"");
        double maxY = SampleData.Scalar<double>(path, $"SELECT max(maxy) FROM \"rtree_{table}_geom\"");

        const double tolerance = 1e-4;
        Assert.True(bbox[0] <= minX + tolerance && bbox[1] <= minY + tolerance && bbox[2] >= maxX - tolerance && bbox[3] >= maxY - tolerance,
            $"{id}: extent {string.Join(",", bbox)} does not hold the data {minX},{minY},{maxX},{maxY}");
    }

    [Theory]
    [InlineData("ha-noi:land_use_codes")]
    [InlineData("vn:observed_properties")]
    public async Task A_table_without_geometry_or_time_has_no_extent_and_no_CRS_list(string id)
    {
        var collection = await server.Client.GetJsonAsync("/ogc/collections/" + id);

        Assert.False(collection.TryGetProperty("extent", out _));
        Assert.False(collection.TryGetProperty("crs", out _));
        Assert.False(collection.TryGetProperty("storageCrs", out _));
    }

    [Fact]
    public async Task Observations_have_a_temporal_extent_from_the_first_to_the_last_hour()
    {
        var collection = await server.Client.GetJsonAsync("/ogc/collections/vn:observations");

        var interval = collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];

        Assert.Equal(DateTimeOffset.Parse("2025-01-01T00:00:00Z"), DateTimeOffset.Parse(interval[0].GetString()!));
        Assert.Equal(DateTimeOffset.Parse("2025-01-30T23:00:00Z"), DateTimeOffset.Parse(interval[1].GetString()!));
    }

    [Fact]
    public async Task Monitoring_stations_have_a_temporal_extent_from_their_configured_start_and_end_columns()
    {
        var collection = await server.Client.GetJsonAsync("/ogc/collections/vn:monitoring_stations");
        var path = SampleData.PathOf("envmon.gpkg");

        var interval = collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];

        Assert.Equal(SampleData.Scalar<string>(path, "SELECT min(bat_dau) FROM monitoring_stations"), interval[0].GetString());
        Assert.Equal(SampleData.Scalar<string>(path, "SELECT max(ket_thuc) FROM monitoring_stations"), interval[1].GetString());
    }

    [Theory]
    [InlineData("vn:populated_places", "OpenStreetMap")]
    [InlineData("vn:railways", "OpenStreetMap")]
    [InlineData("vn:coastline", "OpenStreetMap")] // from the marine store
    [InlineData("vn:vn_provinces_2025", "sapnhap.bando.com.vn")]
    [InlineData("vn:countries_context", "Natural Earth")]
    [InlineData("vn:rivers", "GSHHG")]
    [InlineData("vn:monitoring_stations", "synthetic")]
    [InlineData("ha-noi:osm_landuse_hanoi", "OpenStreetMap")]
    [InlineData("ha-noi:land_parcels_synthetic", "synthetic")]
    public async Task A_collection_credits_its_source_as_configured(string id, string credit)
    {
        var collection = await server.Client.GetJsonAsync("/ogc/collections/" + id);

        Assert.Contains(credit, collection.GetProperty("attribution").GetString());
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task A_collection_describes_itself_as_it_appears_in_the_list_and_links_to_its_items(string id)
    {
        var listed = (await ListAsync()).Single(c => c.GetProperty("id").GetString() == id);

        var single = await server.Client.GetJsonAsync("/ogc/collections/" + Uri.EscapeDataString(id));

        Assert.Equal(listed.GetRawText(), single.GetRawText());
        Assert.Equal("feature", single.GetProperty("itemType").GetString());
        var items = single.Link("items", "application/geo+json");
        Assert.NotNull(items);
        var page = await server.Client.GetJsonAsync(items);
        Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_queryables_of_a_collection_are_its_attributes_as_JSON_schema()
    {
        using var response = await server.Client.GetAsync("/ogc/collections/vn:populated_places/queryables");
        var schema = HttpJson.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var properties = schema.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("ten").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("dan_so_osm").GetProperty("type").GetString());
        Assert.False(properties.TryGetProperty("fid", out _));
    }
}
