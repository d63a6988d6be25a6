using System.Globalization;
using GeoServer.Core.Spatial;
using GeoServer.Tiles.Http;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>WMTS GetFeatureInfo (07-057r7 7.3): the features under pixel (I, J) of a tile, as WMS answers it.</summary>
public static class WmtsFeatureInfo
{
    public static readonly string[] Formats = ["application/json", "text/html", "text/xml", "text/plain"];

    public static async Task WriteAsync(HttpContext http, TileServices services, TileRequest tile, string? iText, string? jText,
        string? infoFormat, CancellationToken ct)
    {
        var format = infoFormat ?? throw WmtsException.Missing("infoformat");
        if (!Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
            throw WmtsException.Invalid("infoformat", $"'{format}' is not offered; use one of: {string.Join(", ", Formats)}.");
        int i = Pixel(iText, "i", tile.Matrix.TileWidth), j = Pixel(jText, "j", tile.Matrix.TileHeight);
        var frame = new MapFrame(tile.Matrix.TileBounds(tile.Row, tile.Col), tile.Set.Crs, tile.Matrix.TileWidth, tile.Matrix.TileHeight);
        var hits = new List<FeatureInfoHit>();
        foreach (var styled in tile.Layers)
            hits.AddRange(await FeatureInfoSearch.FindAsync(services.Crs, styled.Layer, frame, i + 0.5, j + 0.5,
                services.Limits.FeatureInfoTolerancePixels, 10, ct));
        await FeatureInfoWriter.WriteAsync(http.Response, format.ToLowerInvariant(), hits, l => l.Id, services.Crs, ct);
    }

    private static int Pixel(string? text, string name, int size)
    {
        if (text is null) throw WmtsException.Missing(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value < size
            ? value
            : throw new WmtsException("PointIJOutOfRange", $"{name.ToUpperInvariant()}={text} is not a pixel of the {size}-pixel tile.", name);
    }
}
