using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Spatial;

/// <summary>
/// Writes NetTopologySuite geometries as GeoJSON geometry objects (RFC 7946 3.1). With <c>northingFirst</c> the
/// coordinates come out (y, x), as OGC API Features Part 2 asks for CRSs such as EPSG:4326. With
/// <c>decimals</c> coordinates are rounded: transformed values carry float noise far below survey precision.
/// </summary>
public static class GeoJsonGeometryWriter
{
    public static void Write(Utf8JsonWriter json, Geometry geometry, bool northingFirst, int? decimals = null)
    {
        var axes = new Axes(northingFirst, decimals);
        json.WriteStartObject();
        switch (geometry)
        {
            case Point p:
                json.WriteString("type", "Point");
                json.WritePropertyName("coordinates");
                if (p.IsEmpty) { json.WriteStartArray(); json.WriteEndArray(); }
                else Position(json, p.CoordinateSequence, 0, axes);
                break;
            case LineString l:
                json.WriteString("type", "LineString");
                json.WritePropertyName("coordinates");
                Positions(json, l.CoordinateSequence, axes);
                break;
            case Polygon poly:
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                Rings(json, poly, axes);
                break;
            case MultiPoint mp:
                json.WriteString("type", "MultiPoint");
                json.WriteStartArray("coordinates");
                foreach (var g in mp.Geometries) Position(json, ((Point)g).CoordinateSequence, 0, axes);
                json.WriteEndArray();
                break;
            case MultiLineString ml:
                json.WriteString("type", "MultiLineString");
                json.WriteStartArray("coordinates");
                foreach (var g in ml.Geometries) Positions(json, ((LineString)g).CoordinateSequence, axes);
                json.WriteEndArray();
                break;
            case MultiPolygon mpoly:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var g in mpoly.Geometries) Rings(json, (Polygon)g, axes);
                json.WriteEndArray();
                break;
            case GeometryCollection gc:
                json.WriteString("type", "GeometryCollection");
                json.WriteStartArray("geometries");
                foreach (var g in gc.Geometries) Write(json, g, northingFirst, decimals);
                json.WriteEndArray();
                break;
        }
        json.WriteEndObject();
    }

    private readonly record struct Axes(bool NorthingFirst, int? Decimals)
    {
        public double Round(double v) => Decimals is { } d ? Math.Round(v, d) : v;
    }

    private static void Rings(Utf8JsonWriter json, Polygon polygon, Axes axes)
    {
        json.WriteStartArray();
        if (!polygon.IsEmpty)
        {
            Positions(json, polygon.Shell.CoordinateSequence, axes);
            foreach (var hole in polygon.Holes) Positions(json, hole.CoordinateSequence, axes);
        }
        json.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter json, CoordinateSequence seq, Axes axes)
    {
        json.WriteStartArray();
        for (int i = 0; i < seq.Count; i++) Position(json, seq, i, axes);
        json.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter json, CoordinateSequence seq, int i, Axes axes)
    {
        json.WriteStartArray();
        double x = axes.Round(seq.GetX(i)), y = axes.Round(seq.GetY(i));
        json.WriteNumberValue(axes.NorthingFirst ? y : x);
        json.WriteNumberValue(axes.NorthingFirst ? x : y);
        if (seq.HasZ && !double.IsNaN(seq.GetZ(i))) json.WriteNumberValue(seq.GetZ(i));
        json.WriteEndArray();
    }
}
