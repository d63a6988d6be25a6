using System.Globalization;
using GeoServer.Core.Spatial;

namespace GeoServer.Host.Startup;

/// <summary>
/// <c>geosdi seed TILESET</c>: pre-render a tileset's tiles into the cache over a box (CRS84, default: the
/// tileset's extent) and a zoom range (default 0–8) of a grid (default WebMercatorQuad), in one format.
/// </summary>
public sealed record SeedCommand(string Tileset)
{
    public (int From, int To) Zooms { get; init; } = (0, 8);
    public BBox? BBox { get; init; }
    public string Grid { get; init; } = "WebMercatorQuad";
    public string Format { get; init; } = "png";

    public static (int, int) ParseZooms(string text)
    {
        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            int from = int.Parse(parts[0], CultureInfo.InvariantCulture), to = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (from <= to && to <= 30) return (from, to);
        }
        throw new ArgumentException($"--zooms '{text}' is not a range such as 0-8. {CommandLine.Usage}");
    }

    public static BBox ParseBBox(string text)
    {
        var v = text.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        return v.Length == 4 && v.All(double.IsFinite) && v[0] < v[2] && v[1] < v[3]
            ? new BBox(v[0], v[1], v[2], v[3])
            : throw new ArgumentException($"--bbox '{text}' is not minlon,minlat,maxlon,maxlat. {CommandLine.Usage}");
    }

    public static string ParseFormat(string text) => text is "png" or "jpg" or "mvt"
        ? text : throw new ArgumentException($"--format '{text}' is not png, jpg or mvt. {CommandLine.Usage}");
}
