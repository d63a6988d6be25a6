using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>
/// A package as a user gets it: the zip saved to disk, its entries and README, and its features read back by GDAL's
/// ogr2ogr (through /vsizip/, as QGIS opens a zipped file) into GeoJSON. Deletes its file on dispose.
/// </summary>
public sealed class DownloadedPackage : IDisposable
{
    private DownloadedPackage(string path, string fileName)
    {
        Path = path;
        FileName = fileName;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        var readme = zip.GetEntry("README.txt");
        Assert.NotNull(readme);
        using var reader = new StreamReader(readme.Open(), Encoding.UTF8);
        Readme = reader.ReadToEnd();
    }

    public string Path { get; }

    /// <summary>The file name of Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The zip's entries, in order.</summary>
    public IReadOnlyList<string> Entries { get; }

    public string Readme { get; }

    /// <summary>GETs a package (200, application/zip, an attachment) and saves it.</summary>
    public static async Task<DownloadedPackage> GetAsync(HttpClient client, string url, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (apiKey is not null) request.Headers.Add("X-API-Key", apiKey);
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"geosdi-package-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, bytes);
        return new DownloadedPackage(path, disposition!.FileName!.Trim('"'));
    }

    /// <summary>The value of the README's first line starting with <paramref name="label"/> and a colon, or null.</summary>
    public string? ReadmeValue(string label) => Readme.Split('\n')
        .Where(l => l.StartsWith(label + ":", StringComparison.Ordinal)).Select(l => l[(label.Length + 1)..].Trim()).FirstOrDefault();

    /// <summary>The README's "Renamed field: a → b" lines, old name → name in the file.</summary>
    public Dictionary<string, string> RenamedFields => Readme.Split('\n')
        .Where(l => l.StartsWith("Renamed field:", StringComparison.Ordinal))
        .Select(l => l["Renamed field:".Length..].Trim().Split(" → "))
        .ToDictionary(p => p[0], p => p[1]);

    /// <summary>The text of an entry (UTF-8).</summary>
    public string EntryText(string entry)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The /vsizip/ path of an entry, for GDAL.</summary>
    public string Vsi(string entry) => $"/vsizip/{Path}/{entry}";

    /// <summary>
    /// The features of <paramref name="entry"/> as ogr2ogr reads them, by the server's key: the FID of a GeoPackage,
    /// the id of a GeoJSON feature, else the attribute <paramref name="keyName"/>.
    /// </summary>
    public async Task<Dictionary<long, FeatureCopy>> ReadFeaturesAsync(string entry, string keyName)
    {
        var arguments = new List<string> { "-f", "GeoJSON", "-lco", "RFC7946=NO", "/vsistdout/", Vsi(entry) };
        // A CSV's geometry is in X and Y (points) or WKT; a GeoPackage's key is its FID.
        if (entry.EndsWith(".csv", StringComparison.Ordinal))
            arguments.AddRange(["-oo", "X_POSSIBLE_NAMES=X", "-oo", "Y_POSSIBLE_NAMES=Y", "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO"]);
        if (entry.EndsWith(".gpkg", StringComparison.Ordinal)) arguments.Add("-preserve_fid");
        var output = await ExternalTool.RunAsync("ogr2ogr", "gdal-bin", System.IO.Path.GetTempPath(), errorsFail: true, [.. arguments]);
        var collection = HttpJson.Parse(output);
        var features = new Dictionary<long, FeatureCopy>();
        foreach (var feature in collection.GetProperty("features").EnumerateArray())
        {
            long id = feature.GetProperty("properties").TryGetProperty(keyName, out var key)
                ? (long)(key.ValueKind == JsonValueKind.String ? double.Parse(key.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : key.GetDouble())
                : feature.GetProperty("id").GetInt64();
            features.Add(id, FeatureCopy.From(feature, [keyName]));
        }
        return features;
    }

    public void Dispose() => File.Delete(Path);
}
