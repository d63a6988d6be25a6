using System.Text.Json;
using GeoServer.Core.Api;
using GeoServer.Core.Crs;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Ogc.Common;

using GeoServer.Ogc.Coverages;

namespace GeoServer.Ogc.Features;

/// <summary>Writes a collection description (OGC API Features 7.14), used by /collections and /collections/{id}.</summary>
public static class CollectionJson
{
    /// <param name="contributed">Links other areas add for this collection (its tilesets, …).</param>
    public static void Write(Utf8JsonWriter json, LayerInfo layer, OgcPaths paths, CrsRegistry crs, IEnumerable<Link> contributed)
    {
        json.WriteStartObject();
        json.WriteString("id", layer.Id);
        json.WriteString("title", layer.Title);
        if (layer.Abstract is not null) json.WriteString("description", layer.Abstract);
        if (layer.Attribution is not null) json.WriteString("attribution", layer.Attribution);
        if (layer.Keywords.Count > 0)
        {
            json.WriteStartArray("keywords");
            foreach (var k in layer.Keywords) json.WriteStringValue(k);
            json.WriteEndArray();
        }
        json.WriteString("itemType", "feature");
        WriteExtent(json, layer, crs.Crs84.Uri);
        if (layer.StorageCrs is not null)
        {
            json.WriteStartArray("crs");
            foreach (var c in crs.All) json.WriteStringValue(c.Uri);
            json.WriteEndArray();
            json.WriteString("storageCrs", layer.StorageCrs.Uri);
        }
        JsonResponse.WriteLinks(json, Links(layer, paths).Concat(contributed));
        json.WriteEndObject();
    }

    /// <summary>Writes a collection another area contributes (<see cref="IOgcApiExtension.Collections"/>).</summary>
    public static void Write(Utf8JsonWriter json, ApiCollection collection, string crs84)
    {
        json.WriteStartObject();
        json.WriteString("id", collection.Id);
        json.WriteString("title", collection.Title);
        if (collection.Description is not null) json.WriteString("description", collection.Description);
        json.WriteString("itemType", collection.ItemType);
        if (collection.Extent is { } box)
        {
            json.WriteStartObject("extent");
            WriteSpatial(json, box, crs84);
            json.WriteEndObject();
        }
        JsonResponse.WriteLinks(json, collection.Links.Select(Link.From));
        json.WriteEndObject();
    }

    /// <summary>The extent's "spatial" member: one CRS84 bbox.</summary>
    private static void WriteSpatial(Utf8JsonWriter json, Core.Spatial.BBox box, string crs84)
    {
        json.WriteStartObject("spatial");
        json.WriteStartArray("bbox");
        json.WriteStartArray();
        json.WriteNumberValue(box.MinX);
        json.WriteNumberValue(box.MinY);
        json.WriteNumberValue(box.MaxX);
        json.WriteNumberValue(box.MaxY);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteString("crs", crs84);
        json.WriteEndObject();
    }

    private static void WriteExtent(Utf8JsonWriter json, LayerInfo layer, string crs84)
    {
        if (layer.WgsExtent is null && layer.TemporalExtent is null) return;
        json.WriteStartObject("extent");
        if (layer.WgsExtent is { } box) WriteSpatial(json, box, crs84);
        if (layer.TemporalExtent is { } time)
        {
            json.WriteStartObject("temporal");
            json.WriteStartArray("interval");
            json.WriteStartArray();
            if (time.Start is null) json.WriteNullValue(); else json.WriteStringValue(time.Start);
            if (time.End is null) json.WriteNullValue(); else json.WriteStringValue(time.End);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteString("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The links every registered extension adds to the document of <paramref name="layer"/>.</summary>
    public static List<Link> Contributed(IEnumerable<IOgcApiExtension> extensions, OgcPaths paths, LayerInfo layer) =>
        extensions.SelectMany(e => e.CollectionLinks(paths.Base, layer)).Select(Link.From).ToList();

    /// <summary>How a download link is titled: every package is a zip, so the title names what it holds.</summary>
    public static string DownloadTitle(DownloadFormat format) => $"Download as {format.Name} ({format.MediaType}), zipped with a README";

    private static IEnumerable<Link> Links(LayerInfo layer, OgcPaths paths)
    {
        string self = paths.Collection(layer.Id);
        yield return new Link(self + "?f=json", "self", MediaTypes.Json, "This collection");
        yield return new Link(self + "?f=html", "alternate", MediaTypes.Html, "This collection as HTML");
        // No query string: GDAL appends "/{featureId}" to this link to fetch one feature.
        yield return new Link(paths.Items(layer.Id), "items", MediaTypes.GeoJson, "Features as GeoJSON");
        yield return new Link(paths.Items(layer.Id) + "?f=html", "items", MediaTypes.Html, "Features as HTML");
        // GDAL looks for "describedBy" spelled so.
        yield return new Link(paths.Schema(layer.Id), "describedBy", "application/xml", "GML application schema");
        yield return new Link(paths.Queryables(layer.Id), "http://www.opengis.net/def/rel/ogc/1.0/queryables",
            MediaTypes.SchemaJson, "Queryable properties");
        if (layer.Raster is not null)
            yield return new Link(paths.Collection(layer.Id) + "/coverage", "http://www.opengis.net/def/rel/ogc/1.0/coverage",
                CoverageEndpoints.GeoTiff, "The pixels as GeoTIFF (bbox, bbox-crs, crs, width, height)");
        foreach (var format in DownloadFormats.For(layer))
            yield return new Link(paths.Download(layer.Id, format.Key), "enclosure", DownloadFormat.ZipMediaType, DownloadTitle(format));
    }
}
