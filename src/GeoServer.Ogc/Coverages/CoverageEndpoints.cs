using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Coverages;

/// <summary>
/// OGC API – Coverages-style download of a raster collection: /collections/{id}/coverage as a GeoTIFF of the asked
/// box, CRS and size (see <see cref="CoverageQueryParser"/>), built in GDAL's memory file system and sent whole.
/// </summary>
public static class CoverageEndpoints
{
    public const string GeoTiff = "image/tiff; application=geotiff";

    public static async Task Coverage(string collectionId, HttpContext http, LayerRegistry layers, ServerOptions server,
        CrsRegistry crs, CancellationToken ct)
    {
        var layer = layers.Find(http.User, collectionId) ?? throw OgcException.NotFound($"No collection '{collectionId}'.");
        var raster = layer.Raster ?? throw OgcException.NotFound($"Collection '{collectionId}' has features, not a coverage; read its items.");
        var request = CoverageQueryParser.Parse(http.Request.Query, layer.Info, server, crs);
        var tiff = await raster.ExportGeoTiffAsync(request, ct);
        http.Response.ContentType = GeoTiff;
        http.Response.ContentLength = tiff.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{layer.Info.Name}.tif\"";
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(tiff, ct);
    }
}
