using System.Globalization;
using System.Text.Json;
using GeoServer.Core.Sources;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>
/// Parses CQL2 JSON (<c>filter-lang=cql2-json</c>, the JSON Schema of OGC 21-065r2 annex C) into the same
/// <see cref="CqlExpression"/> tree as <see cref="CqlTextParser"/>. Operator names are matched case-insensitively;
/// members other than those CQL2 defines are ignored.
/// </summary>
public sealed class CqlJsonParser
{
    private static readonly HashSet<string> LogicAndComparison = new(
        ["and", "or", "not", "=", "<>", "<", ">", "<=", ">=", "like", "between", "in", "isNull"],
        StringComparer.OrdinalIgnoreCase);

    private readonly CqlSchema _schema;
    private readonly CqlBudget _budget;

    private CqlJsonParser(CqlSchema schema, CqlBudget budget)
    {
        _schema = schema;
        _budget = budget;
    }

    /// <summary>The filter as a tree.</summary>
    /// <exception cref="CqlException">Malformed JSON, an unknown queryable or function, mixed types, an unsupported
    /// conformance class (arithmetic, arrays, custom functions) or a limit of <paramref name="options"/>; the
    /// exception's <see cref="CqlException.JsonPath"/> locates the offending value.</exception>
    public static CqlExpression Parse(string json, FeatureSchema schema, CqlParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= CqlParserOptions.Default;
        var budget = new CqlBudget(options);
        if (budget.Length(json.Length) is { } tooLong)
            throw new CqlException(tooLong, "$");
        JsonDocument document;
        try
        {
            // Every CQL2 level is an object and an "args" array; geometries add up to five array levels.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth * 2 + 8 });
        }
        catch (JsonException e)
        {
            throw new CqlException($"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", "$");
        }
        using (document)
            return Parse(document.RootElement, schema, options);
    }

    /// <summary>The filter as a tree, from JSON the caller has already read (a POST body, for instance).</summary>
    /// <exception cref="CqlException">As <see cref="Parse(string, FeatureSchema, CqlParserOptions?)"/>.</exception>
    public static CqlExpression Parse(JsonElement filter, FeatureSchema schema, CqlParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        options ??= CqlParserOptions.Default;
        return new CqlJsonParser(new CqlSchema(schema, options), new CqlBudget(options)).Predicate(filter, "$", 0);
    }

    private CqlExpression Predicate(JsonElement e, string path, int depth)
    {
        Depth(depth, path);
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return Node(Literal.Boolean(e.GetBoolean()), path);
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("op", out var opElement))
            throw new CqlException("expected a predicate: an object with \"op\" and \"args\", or true or false", path);

        var op = OpName(opElement, path);
        var args = Args(e, path);
        switch (op.ToLowerInvariant())
        {
            case "and" or "or":
            {
                if (args.Length < 2)
                    throw new CqlException($"'{op}' takes at least 2 arguments, not {args.Length}", path + ".args");
                var operands = new CqlExpression[args.Length];
                for (var i = 0; i < args.Length; i++)
                    operands[i] = Predicate(args[i], ArgPath(path, i), depth + 1);
                return Node(op.Equals("and", StringComparison.OrdinalIgnoreCase) ? new And(operands) : new Or(operands), path);
            }
            case "not":
                Arity(op, args, 1, path);
                return Node(new Not(Predicate(args[0], ArgPath(path, 0), depth + 1)), path);
            case "like":
            {
                Arity(op, args, 2, path);
                var value = Operand(args[0], ArgPath(path, 0), depth + 1);
                var pattern = Pattern(args[1], ArgPath(path, 1), depth + 1);
                Check(CqlTypeCheck.Like(value), path);
                return Node(new Like(value, pattern), path);
            }
            case "between":
            {
                Arity(op, args, 3, path);
                var value = Operand(args[0], ArgPath(path, 0), depth + 1);
                var low = Operand(args[1], ArgPath(path, 1), depth + 1);
                var high = Operand(args[2], ArgPath(path, 2), depth + 1);
                Check(CqlTypeCheck.Between(value, low, high), path);
                return Node(new Between(value, low, high), path);
            }
            case "in":
            {
                Arity(op, args, 2, path);
                var value = Operand(args[0], ArgPath(path, 0), depth + 1);
                var listPath = ArgPath(path, 1);
                if (args[1].ValueKind != JsonValueKind.Array)
                    throw new CqlException("the second argument of 'in' must be an array of values", listPath);
                var items = args[1].EnumerateArray().ToArray();
                if (items.Length == 0)
                    throw new CqlException("the list of 'in' is empty", listPath);
                var values = new CqlExpression[items.Length];
                for (var i = 0; i < items.Length; i++)
                    values[i] = Operand(items[i], $"{listPath}[{i}]", depth + 1);
                if (CqlTypeCheck.In(value, values) is { } error)
                    throw new CqlException(error.Reason, error.Operand == 0 ? ArgPath(path, 0) : $"{listPath}[{error.Operand - 1}]");
                return Node(new In(value, values), path);
            }
            case "isnull":
            {
                Arity(op, args, 1, path);
                var value = Operand(args[0], ArgPath(path, 0), depth + 1);
                Check(CqlTypeCheck.IsNull(value), path);
                return Node(new IsNull(value), path);
            }
        }
        if (CqlOperators.Comparisons.TryGetValue(op, out var comparison))
        {
            var (left, right) = TwoOperands(op, args, path, depth);
            Check(CqlTypeCheck.Comparison(comparison, left, right), path);
            return Node(new Comparison(comparison, left, right), path);
        }
        if (CqlOperators.Spatial.TryGetValue(op, out var spatial))
        {
            var (left, right) = TwoOperands(op, args, path, depth);
            Check(CqlTypeCheck.Spatial(spatial, left, right), path);
            return Node(new SpatialPredicate(spatial, left, right), path);
        }
        if (CqlOperators.Temporal.TryGetValue(op, out var temporal))
        {
            var (left, right) = TwoOperands(op, args, path, depth);
            Check(CqlTypeCheck.Temporal(temporal, left, right), path);
            return Node(new TemporalPredicate(temporal, left, right), path);
        }
        if (op.Equals("casei", StringComparison.OrdinalIgnoreCase) || op.Equals("accenti", StringComparison.OrdinalIgnoreCase))
            throw new CqlException($"'{op}' gives a string, not true or false; compare it with something", path);
        throw Unsupported(op, path);
    }

    private (CqlExpression Left, CqlExpression Right) TwoOperands(string op, JsonElement[] args, string path, int depth)
    {
        Arity(op, args, 2, path);
        return (Operand(args[0], ArgPath(path, 0), depth + 1), Operand(args[1], ArgPath(path, 1), depth + 1));
    }

    /// <summary>A value: literal, property, casei/accenti, date/timestamp/interval, bbox or a GeoJSON geometry.</summary>
    private CqlExpression Operand(JsonElement e, string path, int depth)
    {
        Depth(depth, path);
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Node(Literal.Text(e.GetString()!), path);
            case JsonValueKind.Number:
                return Node(NumberLiteral(e, path), path);
            case JsonValueKind.True or JsonValueKind.False:
                return Node(Literal.Boolean(e.GetBoolean()), path);
            case JsonValueKind.Null:
                throw new CqlException("null is not a value; test for it with isNull", path);
            case JsonValueKind.Array:
                throw new CqlException("an array is only allowed as the list of 'in'; CQL2 Array Functions are not supported", path);
        }

        if (e.TryGetProperty("op", out var opElement))
        {
            var op = OpName(opElement, path);
            if (op.Equals("casei", StringComparison.OrdinalIgnoreCase) || op.Equals("accenti", StringComparison.OrdinalIgnoreCase))
            {
                var args = Args(e, path);
                Arity(op, args, 1, path);
                var operand = Operand(args[0], ArgPath(path, 0), depth + 1);
                var casei = op.Equals("casei", StringComparison.OrdinalIgnoreCase);
                Check(CqlTypeCheck.StringFunction(casei ? "CASEI" : "ACCENTI", operand), path);
                return Node(casei ? new CaseInsensitive(operand) : new AccentInsensitive(operand), path);
            }
            if (LogicAndComparison.Contains(op) || CqlOperators.Spatial.ContainsKey(op) || CqlOperators.Temporal.ContainsKey(op))
                throw new CqlException($"'{op}' is a predicate and cannot be used as a value", path);
            throw Unsupported(op, path);
        }
        if (e.TryGetProperty("property", out var property))
        {
            if (property.ValueKind != JsonValueKind.String || property.GetString() is not { Length: > 0 } name)
                throw new CqlException("\"property\" must be a property name", path + ".property");
            return Node(_schema.Resolve(name) ?? throw new CqlException(_schema.Unknown(name), path + ".property"), path);
        }
        if (e.TryGetProperty("date", out var date))
        {
            return Node(date.ValueKind == JsonValueKind.String && CqlInstant.TryParseDate(date.GetString()!, out var d)
                ? Literal.Date(d)
                : throw new CqlException($"{date.GetRawText()} is not a date (yyyy-mm-dd)", path + ".date"), path);
        }
        if (e.TryGetProperty("timestamp", out var timestamp))
        {
            return Node(timestamp.ValueKind == JsonValueKind.String && CqlInstant.TryParseTimestamp(timestamp.GetString()!, out var t)
                ? Literal.Timestamp(t)
                : throw new CqlException($"{timestamp.GetRawText()} is not an RFC 3339 timestamp such as 2024-01-31T08:00:00Z", path + ".timestamp"), path);
        }
        if (e.TryGetProperty("interval", out var interval))
            return Interval(interval, path + ".interval", depth);
        // Before "bbox": a GeoJSON geometry may carry its own "bbox" member.
        if (e.TryGetProperty("type", out _))
            return Node(new GeometryLiteral(GeoJson(e, path, allowCollection: true)), path);
        if (e.TryGetProperty("bbox", out var bbox))
            return BBox(bbox, path + ".bbox");
        throw new CqlException(
            "expected a value: a string, number or boolean, or an object with op, property, date, timestamp, interval, bbox or a GeoJSON geometry",
            path);
    }

    /// <summary>A LIKE pattern: a string, possibly inside casei or accenti (schema patternExpression).</summary>
    private CqlExpression Pattern(JsonElement e, string path, int depth)
    {
        Depth(depth, path);
        if (e.ValueKind == JsonValueKind.String)
        {
            var pattern = e.GetString()!;
            if (CqlTypeCheck.LikePattern(pattern) is { } reason)
                throw new CqlException(reason, path);
            return Node(Literal.Text(pattern), path);
        }
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("op", out var opElement))
        {
            var op = OpName(opElement, path);
            var casei = op.Equals("casei", StringComparison.OrdinalIgnoreCase);
            if (casei || op.Equals("accenti", StringComparison.OrdinalIgnoreCase))
            {
                var args = Args(e, path);
                Arity(op, args, 1, path);
                var inner = Pattern(args[0], ArgPath(path, 0), depth + 1);
                return Node(casei ? new CaseInsensitive(inner) : new AccentInsensitive(inner), path);
            }
        }
        throw new CqlException("a LIKE pattern must be a string, possibly inside casei or accenti", path);
    }

    private CqlExpression Interval(JsonElement e, string path, int depth)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2)
            throw new CqlException("\"interval\" must be an array of a start and an end", path);
        var ends = new CqlExpression?[2];
        for (var i = 0; i < 2; i++)
        {
            var item = e[i];
            var itemPath = $"{path}[{i}]";
            if (item.ValueKind == JsonValueKind.String)
            {
                var text = item.GetString()!;
                if (text == "..")
                    ends[i] = null;
                else if (CqlInstant.TryParseDate(text, out var date))
                    ends[i] = Node(Literal.Date(date), itemPath);
                else if (CqlInstant.TryParseTimestamp(text, out var timestamp))
                    ends[i] = Node(Literal.Timestamp(timestamp), itemPath);
                else
                    throw new CqlException($"'{text}' is not a date (yyyy-mm-dd), a timestamp (yyyy-mm-ddThh:mm:ssZ) or '..'", itemPath);
                continue;
            }
            var end = Operand(item, itemPath, depth + 1);
            if (CqlTypeCheck.IntervalEnd(end) is { } reason)
                throw new CqlException(reason, itemPath);
            ends[i] = end;
        }
        return Node(new IntervalLiteral(ends[0], ends[1]), path);
    }

    private CqlExpression BBox(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() is not (4 or 6))
            throw new CqlException("\"bbox\" must be an array of 4 numbers (west, south, east, north) or 6 with elevations", path);
        var n = e.EnumerateArray().Select((v, i) => Coordinate(v, $"{path}[{i}]")).ToArray();
        // With elevations the order is west, south, min elevation, east, north, max elevation; the box stays 2D.
        var (west, south, east, north) = n.Length == 4 ? (n[0], n[1], n[2], n[3]) : (n[0], n[1], n[3], n[4]);
        if (CqlGeometry.CheckBox(west, south, east, north) is { } reason)
            throw new CqlException(reason, path);
        CountCoordinate(path);
        CountCoordinate(path);
        return Node(new GeometryLiteral(CqlGeometry.Box(west, south, east, north)), path);
    }

    /// <summary>A GeoJSON (RFC 7946) geometry object; no nested collections, as in CQL2's schema.</summary>
    private Geometry GeoJson(JsonElement e, string path, bool allowCollection)
    {
        var factory = CqlGeometry.Factory;
        var type = e.GetProperty("type");
        var typeName = type.ValueKind == JsonValueKind.String ? type.GetString()! : type.GetRawText();
        if (typeName == "GeometryCollection")
        {
            if (!allowCollection)
                throw new CqlException("a GeometryCollection cannot contain another", path + ".type");
            var members = Array(e, "geometries", path);
            return factory.CreateGeometryCollection(
                members.Select((m, i) => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("type", out _)
                    ? GeoJson(m, $"{path}.geometries[{i}]", allowCollection: false)
                    : throw new CqlException("expected a GeoJSON geometry", $"{path}.geometries[{i}]")).ToArray());
        }
        var coordinatesPath = path + ".coordinates";
        return typeName switch
        {
            "Point" => factory.CreatePoint(Position(Coordinates(e, path), coordinatesPath)),
            "LineString" => factory.CreateLineString(Line(Coordinates(e, path), coordinatesPath)),
            "Polygon" => Polygon(Coordinates(e, path), coordinatesPath),
            "MultiPoint" => factory.CreateMultiPoint(
                Items(Coordinates(e, path), coordinatesPath).Select(p => factory.CreatePoint(Position(p.Item, p.Path))).ToArray()),
            "MultiLineString" => factory.CreateMultiLineString(
                Items(Coordinates(e, path), coordinatesPath).Select(l => factory.CreateLineString(Line(l.Item, l.Path))).ToArray()),
            "MultiPolygon" => factory.CreateMultiPolygon(
                Items(Coordinates(e, path), coordinatesPath).Select(p => Polygon(p.Item, p.Path)).ToArray()),
            _ => throw new CqlException($"unknown GeoJSON geometry type {typeName}", path + ".type"),
        };
    }

    private static JsonElement Coordinates(JsonElement geometry, string path) =>
        geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
            ? coordinates
            : throw new CqlException("a GeoJSON geometry needs a \"coordinates\" array", path);

    private static JsonElement[] Array(JsonElement e, string member, string path) =>
        e.TryGetProperty(member, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToArray()
            : throw new CqlException($"\"{member}\" must be an array", path);

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement array, string path) =>
        array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]"))
            : throw new CqlException("expected an array", path);

    private Polygon Polygon(JsonElement rings, string path)
    {
        var linearRings = Items(rings, path).Select(r =>
        {
            var positions = Items(r.Item, r.Path).Select(p => Position(p.Item, p.Path)).ToArray();
            return CqlGeometry.CheckRing(positions) is { } reason
                ? throw new CqlException(reason, r.Path)
                : CqlGeometry.Factory.CreateLinearRing(positions);
        }).ToArray();
        if (linearRings.Length == 0)
            throw new CqlException("a Polygon needs at least one ring; empty geometries are not supported", path);
        return CqlGeometry.Factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private Coordinate[] Line(JsonElement positions, string path)
    {
        var line = Items(positions, path).Select(p => Position(p.Item, p.Path)).ToArray();
        return line.Length >= 2 ? line : throw new CqlException("a LineString needs at least 2 positions", path);
    }

    private Coordinate Position(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() is not (2 or 3))
            throw new CqlException("a position is an array of 2 or 3 numbers", path);
        CountCoordinate(path);
        return CqlGeometry.Coordinate(
            Coordinate(e[0], path + "[0]"),
            Coordinate(e[1], path + "[1]"),
            e.GetArrayLength() == 3 ? Coordinate(e[2], path + "[2]") : double.NaN);
    }

    private static double Coordinate(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new CqlException($"expected a number, found {e.GetRawText()}", path);

    private static Literal NumberLiteral(JsonElement e, string path)
    {
        // Same rule as CQL2 Text: written without '.' or exponent is an integer, so both encodings give equal trees.
        var raw = e.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0 && e.TryGetInt64(out var integer))
            return Literal.Integer(integer);
        return e.TryGetDouble(out var value) && double.IsFinite(value)
            ? Literal.Number(value)
            : throw new CqlException($"the number {raw} is out of range", path);
    }

    private static string OpName(JsonElement op, string path) =>
        op.ValueKind == JsonValueKind.String && op.GetString() is { Length: > 0 } name
            ? name
            : throw new CqlException("\"op\" must be an operator or function name", path + ".op");

    private static JsonElement[] Args(JsonElement e, string path) =>
        e.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array
            ? args.EnumerateArray().ToArray()
            : throw new CqlException("\"args\" must be an array of arguments", path);

    private static void Arity(string op, JsonElement[] args, int count, string path)
    {
        if (args.Length != count)
            throw new CqlException($"'{op}' takes {count} argument{(count == 1 ? "" : "s")}, not {args.Length}", path + ".args");
    }

    private static CqlException Unsupported(string op, string path)
    {
        if (CqlOperators.Arithmetic.Contains(op))
            return new CqlException($"arithmetic expressions ('{op}') are not supported", path + ".op");
        if (CqlOperators.ArrayFunctions.Contains(op))
            return new CqlException($"'{op}' belongs to CQL2 Array Functions, which are not supported", path + ".op");
        return new CqlException($"unknown function '{op}'; only CQL2's own functions are supported", path + ".op");
    }

    private static string ArgPath(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}.args[{index}]");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private CqlExpression Node(CqlExpression node, string path) =>
        _budget.Node() is { } reason ? throw new CqlException(reason, path) : node;

    private void Depth(int depth, string path)
    {
        if (_budget.Depth(depth) is { } reason)
            throw new CqlException(reason, path);
    }

    private void CountCoordinate(string path)
    {
        if (_budget.Coordinate() is { } reason)
            throw new CqlException(reason, path);
    }

    /// <summary>Type errors point at the offending operand, args[i] of the operator at <paramref name="path"/>.</summary>
    private static void Check((int Operand, string Reason)? error, string path)
    {
        if (error is { } e)
            throw new CqlException(e.Reason, ArgPath(path, e.Operand));
    }
}
