using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Coverages;
using GeoServer.Ogc.Features;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Downloads;

/// <summary>
/// The query of /collections/{id}/download: "f" picks the format; a layer of features takes the items endpoint's own
/// parameters (bbox, bbox-crs, filter, datetime, crs, properties, sortby, property=value), parsed by the same code so
/// the package holds exactly what items would return, but no paging; a raster takes the coverage's parameters.
/// Anything invalid is a 400 naming the parameter.
/// </summary>
public static class DownloadParameters
{
    public const string FormatName = "f";

    private static readonly string[] Paging = ["limit", "offset", PageCursor.Name];

    private static readonly HashSet<string> RasterParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        FormatName, BBoxParameter.Name, "bbox-crs", "crs", "width", "height", "resampling",
    };

    /// <summary>The format asked for, or the layer's first (GeoPackage, GeoTIFF) when "f" is absent.</summary>
    public static DownloadFormat Format(IQueryCollection query, LayerInfo layer)
    {
        var offered = DownloadFormats.For(layer);
        string f = query[FormatName].ToString();
        if (f.Length == 0) return offered[0];
        if (offered.FirstOrDefault(o => o.Key.Equals(f, StringComparison.OrdinalIgnoreCase)) is { } format) return format;
        string allowed = string.Join(", ", offered.Select(o => o.Key));
        bool otherKind = DownloadFormats.Vector.Concat(DownloadFormats.Raster).Any(o => o.Key.Equals(f, StringComparison.OrdinalIgnoreCase));
        throw OgcException.BadParameter(FormatName, otherKind
            ? $"'{f}' is for {(layer.Raster is null ? "raster" : "feature")} collections; '{layer.Id}' is {(layer.Raster is null ? "a collection of features" : "a raster")}: use {allowed}."
            : $"'{f}' is not a download format; '{layer.Id}' can be downloaded as {allowed}.");
    }

    /// <summary>The features to package: the items query of the same parameters, every match (paging is refused).</summary>
    public static ItemsRequest Features(IQueryCollection query, LayerInfo layer, DownloadFormat format, ServerOptions server, CrsRegistry crs)
    {
        foreach (var name in Paging)
            if (query.ContainsKey(name))
                throw OgcException.BadParameter(name, $"a download holds every matching feature; leave out '{name}' (or page through the items).");
        var request = ItemsQueryParser.Parse(query, layer, server, crs);
        if (format.Format == FileFormat.Kml && request.OutputCrs != crs.Crs84 && request.OutputCrs.Epsg != 4326)
            throw OgcException.BadParameter("crs", "KML holds WGS 84 longitude and latitude only (OGC KML 2.2); leave out 'crs'.");
        if (format.Format == FileFormat.Shapefile && layer.Schema.GeometryType is { } type && !ShapefileHolds(type))
            throw OgcException.BadParameter(FormatName,
                $"a Shapefile holds one kind of geometry (points, lines or polygons) and '{layer.Id}' has {type}; use gpkg or geojson.");
        return request;
    }

    /// <summary>The grid to package from a raster, as the coverage endpoint reads it.</summary>
    public static RasterRequest Raster(IQueryCollection query, LayerInfo layer, ServerOptions server, CrsRegistry crs)
    {
        foreach (var (name, _) in query)
            if (!RasterParameters.Contains(name))
                throw new OgcException(400, "Bad Request",
                    $"Unknown query parameter '{name}'. A raster download takes {string.Join(", ", RasterParameters)}.", name);
        return CoverageQueryParser.Parse(query, layer, server, crs);
    }

    private static bool ShapefileHolds(string geometryType) => geometryType.ToUpperInvariant() is
        "POINT" or "MULTIPOINT" or "LINESTRING" or "MULTILINESTRING" or "POLYGON" or "MULTIPOLYGON";
}
