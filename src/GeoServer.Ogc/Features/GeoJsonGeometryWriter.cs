using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoServer.Ogc.Features;

/// <summary>
/// Writes NetTopologySuite geometries as GeoJSON geometry objects (RFC 7946 3.1). With <c>northingFirst</c> the
/// coordinates come out (y, x), as OGC API Features Part 2 asks for CRSs such as EPSG:4326.
/// </summary>
public static class GeoJsonGeometryWriter
{
    public static void Write(Utf8JsonWriter json, Geometry geometry, bool northingFirst)
    {
        json.WriteStartObject();
        switch (geometry)
        {
            case Point p:
                json.WriteString("type", "Point");
                json.WritePropertyName("coordinates");
                if (p.IsEmpty) { json.WriteStartArray(); json.WriteEndArray(); }
                else Position(json, p.CoordinateSequence, 0, northingFirst);
                break;
            case LineString l:
                json.WriteString("type", "LineString");
                json.WritePropertyName("coordinates");
                Positions(json, l.CoordinateSequence, northingFirst);
                break;
            case Polygon poly:
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                Rings(json, poly, northingFirst);
                break;
            case MultiPoint mp:
                json.WriteString("type", "MultiPoint");
                json.WriteStartArray("coordinates");
                foreach (var g in mp.Geometries) Position(json, ((Point)g).CoordinateSequence, 0, northingFirst);
                json.WriteEndArray();
                break;
            case MultiLineString ml:
                json.WriteString("type", "MultiLineString");
                json.WriteStartArray("coordinates");
                foreach (var g in ml.Geometries) Positions(json, ((LineString)g).CoordinateSequence, northingFirst);
                json.WriteEndArray();
                break;
            case MultiPolygon mpoly:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var g in mpoly.Geometries) Rings(json, (Polygon)g, northingFirst);
                json.WriteEndArray();
                break;
            case GeometryCollection gc:
                json.WriteString("type", "GeometryCollection");
                json.WriteStartArray("geometries");
                foreach (var g in gc.Geometries) Write(json, g, northingFirst);
                json.WriteEndArray();
                break;
        }
        json.WriteEndObject();
    }

    private static void Rings(Utf8JsonWriter json, Polygon polygon, bool northingFirst)
    {
        json.WriteStartArray();
        if (!polygon.IsEmpty)
        {
            Positions(json, polygon.Shell.CoordinateSequence, northingFirst);
            foreach (var hole in polygon.Holes) Positions(json, hole.CoordinateSequence, northingFirst);
        }
        json.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter json, CoordinateSequence seq, bool northingFirst)
    {
        json.WriteStartArray();
        for (int i = 0; i < seq.Count; i++) Position(json, seq, i, northingFirst);
        json.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter json, CoordinateSequence seq, int i, bool northingFirst)
    {
        json.WriteStartArray();
        double x = seq.GetX(i), y = seq.GetY(i);
        json.WriteNumberValue(northingFirst ? y : x);
        json.WriteNumberValue(northingFirst ? x : y);
        if (seq.HasZ && !double.IsNaN(seq.GetZ(i))) json.WriteNumberValue(seq.GetZ(i));
        json.WriteEndArray();
    }
}
