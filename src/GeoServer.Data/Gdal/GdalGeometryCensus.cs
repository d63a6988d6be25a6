namespace GeoServer.Data.Gdal;

/// <summary>
/// The geometries a vector layer really holds: how many of each 2D type, keyed by OGR's wkbGeometryType number
/// (1 Point … 6 MultiPolygon, 7 GeometryCollection, higher for curves and surfaces), how many features have none, and
/// whether any has a Z coordinate.
/// </summary>
internal sealed record GdalGeometryCensus(IReadOnlyDictionary<int, long> Counts, long Missing, bool HasZ)
{
    /// <summary>OGR's name of a type number ("Multi Polygon").</summary>
    public static string Name(int type) => GdalNative.Text(GdalNative.OGRGeometryTypeToName(type)) ?? $"type {type}";

    /// <summary>"Point (12), Polygon (3)": the types found with their counts, for messages.</summary>
    public string Describe() => string.Join(", ", Counts.OrderBy(c => c.Key).Select(c => $"{Name(c.Key)} ({c.Value})"));
}
