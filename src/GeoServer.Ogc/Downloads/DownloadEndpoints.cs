using System.IO.Compression;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Core.Metadata;
using GeoServer.Core.Sources;
using GeoServer.Core.Usage;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GeoServer.Ogc.Downloads;

/// <summary>
/// /collections/{id}/download: a layer as a zip package, its data file(s) and a README (<see cref="PackageReadme"/>).
/// Features go from the source to a GeoJSON file (<see cref="FeatureCollectionFile"/>), through the converter into the
/// format, into a zip on disk, and out with the file's length; a raster goes through the coverage's GeoTIFF export.
/// Nothing is held whole in memory (but a raster's GeoTIFF, which the coverage limit bounds), and the request's folder
/// is deleted however the request ends.
/// </summary>
public static class DownloadEndpoints
{
    public static async Task Download(string collectionId, HttpContext http, LayerRegistry layers, ServerOptions server,
        DownloadOptions downloads, CrsRegistry crs, IVectorConverter converter, [FromServices] IEnumerable<ILayerMetadata> metadata,
        CancellationToken ct)
    {
        var layer = layers.Find(http.User, collectionId) ?? throw OgcException.NotFound($"No collection '{collectionId}'.");
        var query = http.Request.Query;
        var format = DownloadParameters.Format(query, layer.Info);
        string name = FileName(layer.Info.Name);
        var extracted = DateTimeOffset.UtcNow;
        await using var folder = DownloadFolder.Create(downloads.Folder);

        var (outputCrs, features, grid, renamed) = layer.Raster is null
            ? await WriteFeaturesAsync(http, layer, format, name, folder, server, downloads, crs, converter, ct)
            : await WriteRasterAsync(http, layer, format, name, folder, server, crs, ct);
        var paths = new OgcPaths(http.Request);
        var files = Directory.GetFiles(folder.Data).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        var facts = new PackageFacts(layer.Info, metadata.Select(m => m.Of(layer.Info)).FirstOrDefault(m => m is not null), server.Title,
            paths.Collection(layer.Info.Id), RequestUrl(http.Request), extracted, format, outputCrs, features, grid,
            query.Where(q => q.Key != DownloadParameters.FormatName).Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())).ToList(),
            files, renamed);
        await File.WriteAllTextAsync(Path.Combine(folder.Data, PackageReadme.FileName), PackageReadme.Write(facts), ct);
        await ZipAsync(folder, [PackageReadme.FileName, .. files], ct);

        http.Response.ContentType = DownloadFormat.ZipMediaType;
        http.Response.ContentLength = new FileInfo(folder.Zip).Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(layer.Info.Workspace.Id)}_{name}.{format.Key}.zip\"";
        // HEAD makes the package too: its length is part of the answer.
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.SendFileAsync(folder.Zip, ct);
    }

    private static async Task<(CrsDefinition?, long?, RasterRequest?, IReadOnlyDictionary<string, string>)> WriteFeaturesAsync(
        HttpContext http, Layer layer, DownloadFormat format, string name, DownloadFolder folder, ServerOptions server,
        DownloadOptions downloads, CrsRegistry crs, IVectorConverter converter, CancellationToken ct)
    {
        var info = layer.Info;
        var request = DownloadParameters.Features(http.Request.Query, info, format, server, crs);
        var source = Path.Combine(folder.Source, "features.geojson");
        long features = await FeatureCollectionFile.WriteAsync(source, layer, request, crs, downloads, ct);
        var outputCrs = info.StorageCrs is null ? null : request.OutputCrs;
        var properties = (request.Properties ?? Enumerable.Range(0, info.Schema.Properties.Count).ToList()).Select(i => info.Schema.Properties[i]).ToList();
        var converted = await converter.ConvertAsync(new VectorConversion(source, folder.Data, name, format.Format, info.Schema.KeyName,
            properties, info.Schema.GeometryType, outputCrs), ct);
        http.Features.Get<RequestUsage>()?.AddFeatures(features);
        return (outputCrs, features, null, converted.RenamedFields);
    }

    private static async Task<(CrsDefinition?, long?, RasterRequest?, IReadOnlyDictionary<string, string>)> WriteRasterAsync(
        HttpContext http, Layer layer, DownloadFormat format, string name, DownloadFolder folder, ServerOptions server,
        CrsRegistry crs, CancellationToken ct)
    {
        var grid = DownloadParameters.Raster(http.Request.Query, layer.Info, server, crs);
        var tiff = await layer.Raster!.ExportGeoTiffAsync(grid, ct);
        await File.WriteAllBytesAsync(Path.Combine(folder.Data, name + format.Extension), tiff, ct);
        return (crs.FromEpsg(grid.Srid), null, grid, new Dictionary<string, string>());
    }

    /// <summary>The files of the data folder, in this order, into the package.</summary>
    private static async Task ZipAsync(DownloadFolder folder, IReadOnlyList<string> files, CancellationToken ct)
    {
        await using var output = new FileStream(folder.Zip, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, ct);
        // Fastest: packages are made while the client waits, and most of the gain is in the first pass.
        foreach (var file in files)
            await zip.CreateEntryFromFileAsync(Path.Combine(folder.Data, file), file, CompressionLevel.Fastest, ct);
    }

    /// <summary>A name safe in every file system and in a Content-Disposition header: ASCII letters, digits, '_' and '-'.</summary>
    private static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));

    private static string RequestUrl(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
}
