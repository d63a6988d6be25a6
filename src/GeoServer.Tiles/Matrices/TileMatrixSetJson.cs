using System.Text.Json;
using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;

namespace GeoServer.Tiles.Matrices;

/// <summary>
/// The JSON encoding of OGC 17-083r4 (Two Dimensional Tile Matrix Set 2.0), read and written. Points and boxes
/// in that encoding follow the CRS's authoritative axis order (latitude first for EPSG:4326); the model keeps
/// x = east, y = north, so both directions swap when <see cref="CrsDefinition.NorthingFirst"/> says so.
/// </summary>
public static class TileMatrixSetJson
{
    // 2^40 tiles across is far beyond any real matrix (WebMercatorQuad stops at 2^24) and keeps row × span exact
    // enough in doubles; larger counts are treated as typos.
    private const long MaxMatrixSize = 1L << 40;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads one tile matrix set document; its CRS must be one <paramref name="crs"/> knows.</summary>
    /// <exception cref="InvalidDataException">A required member is missing or malformed, the CRS is unknown, or the
    /// document uses variable matrix widths (not supported: none of the sets served needs them).</exception>
    public static TileMatrixSet Read(Stream json, CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(crs);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement, crs);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A tile matrix set is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads one tile matrix set from a parsed JSON object.</summary>
    /// <exception cref="InvalidDataException">See <see cref="Read(Stream, CrsRegistry)"/>.</exception>
    public static TileMatrixSet Read(JsonElement root, CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("A tile matrix set must be a JSON object.");
        var id = RequiredString(root, "id", "tile matrix set");
        var where = $"tile matrix set {id}";
        var crsText = CrsText(root, where);
        var definition = crs.Find(crsText)
            ?? throw new InvalidDataException($"The CRS {crsText} of {where} is not one the server knows.");

        var axes = new List<string>();
        if (root.TryGetProperty("orderedAxes", out var axesElement) && axesElement.ValueKind == JsonValueKind.Array)
            axes.AddRange(axesElement.EnumerateArray().Select(a => a.GetString() ?? ""));

        BBox? box = null;
        if (root.TryGetProperty("boundingBox", out var boxElement) && boxElement.ValueKind == JsonValueKind.Object)
        {
            var (x0, y0) = Point(boxElement, "lowerLeft", definition, where);
            var (x1, y1) = Point(boxElement, "upperRight", definition, where);
            box = new BBox(x0, y0, x1, y1);
        }

        if (!root.TryGetProperty("tileMatrices", out var matricesElement) || matricesElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"The {where} lacks \"tileMatrices\".");
        var matrices = new List<TileMatrix>();
        foreach (var m in matricesElement.EnumerateArray())
            matrices.Add(ReadMatrix(m, definition, where));

        try
        {
            return new TileMatrixSet(id, OptionalString(root, "title") ?? id, OptionalString(root, "description"),
                OptionalString(root, "uri"), definition, axes, OptionalString(root, "wellKnownScaleSet"), box, matrices);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>
    /// Writes the full definition of a set as a TMS 2.0 JSON object (the body of
    /// <c>/ogc/tileMatrixSets/{id}</c>), points and boxes in the CRS's authoritative axis order.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, TileMatrixSet set)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(set);
        writer.WriteStartObject();
        writer.WriteString("id", set.Id);
        writer.WriteString("title", set.Title);
        if (set.Description is not null)
            writer.WriteString("description", set.Description);
        if (set.Uri is not null)
            writer.WriteString("uri", set.Uri);
        writer.WriteString("crs", set.Crs.Uri);
        writer.WriteStartArray("orderedAxes");
        foreach (var axis in set.OrderedAxes)
            writer.WriteStringValue(axis);
        writer.WriteEndArray();
        if (set.WellKnownScaleSet is not null)
            writer.WriteString("wellKnownScaleSet", set.WellKnownScaleSet);
        if (set.BoundingBox is { } box)
        {
            writer.WriteStartObject("boundingBox");
            WritePoint(writer, "lowerLeft", box.MinX, box.MinY, set.Crs);
            WritePoint(writer, "upperRight", box.MaxX, box.MaxY, set.Crs);
            writer.WriteEndObject();
        }
        writer.WriteStartArray("tileMatrices");
        foreach (var m in set.TileMatrices)
        {
            writer.WriteStartObject();
            writer.WriteString("id", m.Id);
            writer.WriteNumber("scaleDenominator", m.ScaleDenominator);
            writer.WriteNumber("cellSize", m.CellSize);
            writer.WriteString("cornerOfOrigin", m.CornerOfOrigin == CornerOfOrigin.TopLeft ? "topLeft" : "bottomLeft");
            WritePoint(writer, "pointOfOrigin", m.OriginX, m.OriginY, set.Crs);
            writer.WriteNumber("tileWidth", m.TileWidth);
            writer.WriteNumber("tileHeight", m.TileHeight);
            writer.WriteNumber("matrixWidth", m.MatrixWidth);
            writer.WriteNumber("matrixHeight", m.MatrixHeight);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the short form of a set used in the list at <c>/ogc/tileMatrixSets</c>: id, title, uri, crs and a
    /// <c>self</c> link to <paramref name="href"/> (the full definition).
    /// </summary>
    public static void WriteSummary(Utf8JsonWriter writer, TileMatrixSet set, string href)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(href);
        writer.WriteStartObject();
        writer.WriteString("id", set.Id);
        writer.WriteString("title", set.Title);
        if (set.Uri is not null)
            writer.WriteString("uri", set.Uri);
        writer.WriteString("crs", set.Crs.Uri);
        writer.WriteStartArray("links");
        writer.WriteStartObject();
        writer.WriteString("rel", "self");
        writer.WriteString("type", "application/json");
        writer.WriteString("title", $"The {set.Id} tile matrix set");
        writer.WriteString("href", href);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the body of <c>/ogc/tileMatrixSets</c>: <c>{"tileMatrixSets": [summary, …]}</c>, each summary linking
    /// to the href <paramref name="hrefOf"/> gives for it. Callers that need document-level links write the object
    /// themselves around <see cref="WriteSummary"/>.
    /// </summary>
    public static void WriteList(Utf8JsonWriter writer, IEnumerable<TileMatrixSet> sets, Func<TileMatrixSet, string> hrefOf)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(hrefOf);
        writer.WriteStartObject();
        writer.WriteStartArray("tileMatrixSets");
        foreach (var set in sets)
            WriteSummary(writer, set, hrefOf(set));
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static TileMatrix ReadMatrix(JsonElement m, CrsDefinition crs, string where)
    {
        if (m.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"A tile matrix of {where} is not a JSON object.");
        var id = RequiredString(m, "id", $"a tile matrix of {where}");
        var at = $"tile matrix {id} of {where}";
        if (m.TryGetProperty("variableMatrixWidths", out _))
            throw new InvalidDataException($"The {at} uses variableMatrixWidths, which this server does not support.");
        var corner = OptionalString(m, "cornerOfOrigin") switch
        {
            null or "topLeft" => CornerOfOrigin.TopLeft,
            "bottomLeft" => CornerOfOrigin.BottomLeft,
            var other => throw new InvalidDataException($"The {at} has an unknown cornerOfOrigin \"{other}\"."),
        };
        var (x, y) = Point(m, "pointOfOrigin", crs, at);
        try
        {
            return new TileMatrix(id, RequiredNumber(m, "scaleDenominator", at), RequiredNumber(m, "cellSize", at),
                corner, x, y,
                (int)RequiredInteger(m, "tileWidth", at, int.MaxValue), (int)RequiredInteger(m, "tileHeight", at, int.MaxValue),
                RequiredInteger(m, "matrixWidth", at, MaxMatrixSize), RequiredInteger(m, "matrixHeight", at, MaxMatrixSize));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The {at} is invalid: {e.Message}", e);
        }
    }

    // TMS 2.0 allows "crs" as a URI string or as an object holding one ({"uri": …}); a WKT-only CRS cannot be
    // matched to the registry and is rejected.
    private static string CrsText(JsonElement root, string where)
    {
        if (root.TryGetProperty("crs", out var c))
        {
            if (c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 } text)
                return text;
            if (c.ValueKind == JsonValueKind.Object && OptionalString(c, "uri") is { Length: > 0 } uri)
                return uri;
        }
        throw new InvalidDataException($"The {where} lacks a \"crs\" URI.");
    }

    private static (double X, double Y) Point(JsonElement parent, string name, CrsDefinition crs, string where)
    {
        if (!parent.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.Array || p.GetArrayLength() != 2 ||
            p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
            throw new InvalidDataException($"The {where} lacks \"{name}\" as two numbers.");
        double a = p[0].GetDouble(), b = p[1].GetDouble();
        return crs.NorthingFirst ? (b, a) : (a, b);
    }

    private static void WritePoint(Utf8JsonWriter writer, string name, double x, double y, CrsDefinition crs)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberValue(crs.NorthingFirst ? y : x);
        writer.WriteNumberValue(crs.NorthingFirst ? x : y);
        writer.WriteEndArray();
    }

    private static string RequiredString(JsonElement e, string name, string where) =>
        OptionalString(e, name) is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"The {where} lacks \"{name}\".");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double RequiredNumber(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new InvalidDataException($"The {where} lacks the number \"{name}\".");

    private static long RequiredInteger(JsonElement e, string name, string where, long max) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0 && n <= max
            ? n
            : throw new InvalidDataException($"The {where} lacks the positive integer \"{name}\".");
}
