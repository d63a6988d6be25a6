using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Host.Import;

/// <summary>
/// Files to import, made from the samples by GDAL's own ogr2ogr as a user would make them, and the checksum that
/// compares a source with what the server serves: feature count, and the sums of areas, lengths and centroid
/// coordinates, each computed by ogrinfo's SQLite dialect (SpatiaLite) over the source file and over the served GeoJSON.
/// </summary>
public static class ImportFiles
{
    /// <summary>The synthetic land parcels (4268 polygons) as a Shapefile in VN-2000 / UTM 48N (EPSG:3405), UTF-8.</summary>
    public static async Task<string> ParcelsShapefileAsync(string folder)
    {
        var shp = Path.Combine(folder, "thua_dat.shp");
        await Ogr2ogrAsync(folder, "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:3405", shp, SampleData.PathOf("land.gpkg"), "land_parcels_synthetic");
        return shp;
    }

    /// <summary>The Shapefile's files zipped together, as an upload must send them.</summary>
    public static async Task<string> ParcelsZipAsync(string folder)
    {
        var shp = await ParcelsShapefileAsync(folder);
        var zip = Path.Combine(folder, "thua_dat.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var file in Directory.GetFiles(folder, "thua_dat.*").Where(f => !f.EndsWith(".zip", StringComparison.Ordinal)))
            archive.CreateEntryFromFile(file, Path.GetFileName(file));
        return zip;
    }

    /// <summary>The populated places (points) as GeoJSON.</summary>
    public static async Task<string> PlacesGeoJsonAsync(string folder)
    {
        var path = Path.Combine(folder, "places.geojson");
        await Ogr2ogrAsync(folder, "-f", "GeoJSON", path, SampleData.PathOf("base.gpkg"), "populated_places");
        return path;
    }

    /// <summary>The rivers (lines) as KML.</summary>
    public static async Task<string> RiversKmlAsync(string folder)
    {
        var path = Path.Combine(folder, "rivers.kml");
        await Ogr2ogrAsync(folder, "-f", "KML", path, SampleData.PathOf("base.gpkg"), "rivers");
        return path;
    }

    public static Task Ogr2ogrAsync(string folder, params string[] arguments) =>
        ExternalTool.RunAsync("ogr2ogr", "gdal-bin", folder, false, arguments);

    /// <summary>The checksum of one layer of a file, by ogrinfo.</summary>
    public static async Task<Checksum> OfFileAsync(string file, string layer)
    {
        var output = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", Path.GetDirectoryName(file)!, true, "-q", "-dialect", "sqlite", "-sql",
            $"SELECT count(*) AS n, total(ST_Area(geometry)) AS area, total(ST_Length(geometry)) AS length, " +
            $"total(ST_X(ST_Centroid(geometry))) AS cx, total(ST_Y(ST_Centroid(geometry))) AS cy FROM \"{layer}\"", file);
        double Value(string name) => double.Parse(output.Split('\n').Single(l => l.Trim().StartsWith(name + " (", StringComparison.Ordinal)).Split('=')[1].Trim(),
            CultureInfo.InvariantCulture);
        return new Checksum((long)Value("n"), Value("area"), Value("length"), Value("cx"), Value("cy"));
    }

    /// <summary>
    /// The checksum of a layer as the server serves it: every page of /ogc/collections/{id}/items (in
    /// <paramref name="crs"/>, default CRS84) gathered into one GeoJSON file, then summed by ogrinfo as the source was.
    /// </summary>
    public static async Task<Checksum> OfServedAsync(HttpClient client, string collectionId, string folder, string? crs = null)
    {
        var features = new JsonArray();
        string? next = $"ogc/collections/{collectionId}/items?limit=1000" + (crs is null ? "" : "&crs=" + Uri.EscapeDataString(crs));
        while (next is not null)
        {
            var page = JsonNode.Parse(await client.GetStringAsync(next))!;
            foreach (var feature in page["features"]!.AsArray()) features.Add(feature!.DeepClone());
            next = page["links"]!.AsArray().FirstOrDefault(l => (string?)l!["rel"] == "next")?["href"]?.GetValue<string>();
        }
        var file = Path.Combine(folder, "served-" + Guid.NewGuid().ToString("N")[..8] + ".geojson");
        await File.WriteAllTextAsync(file, new JsonObject { ["type"] = "FeatureCollection", ["name"] = "served", ["features"] = features }.ToJsonString());
        return await OfFileAsync(file, "served");
    }

    /// <summary>The collection's storage CRS URI.</summary>
    public static async Task<string> StorageCrsAsync(HttpClient client, string collectionId) =>
        JsonDocument.Parse(await client.GetStringAsync($"ogc/collections/{collectionId}")).RootElement.GetProperty("storageCrs").GetString()!;

    public static async Task WaitForAsync(HttpClient client, string url, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while ((await client.GetAsync(url)).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{url} was not served within {within.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}

/// <summary>Feature count and sums of areas, lengths and centroid coordinates (in the layer's CRS units).</summary>
public sealed record Checksum(long Count, double Area, double Length, double X, double Y)
{
    /// <summary>Asserts the same count and sums equal to 1e-9 relative (coordinates printed to 15 digits round a little).</summary>
    public void AssertSameAs(Checksum source)
    {
        Assert.Equal(source.Count, Count);
        foreach (var (expected, actual, what) in new[] { (source.Area, Area, "area"), (source.Length, Length, "length"), (source.X, X, "x"), (source.Y, Y, "y") })
            Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"sum of {what}: source {expected:R}, served {actual:R}");
    }
}
