using System.Globalization;
using GeoServer.Core.Sources;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>
/// Parses CQL2 Text (<c>filter-lang=cql2-text</c>, OGC 21-065r2 annex B) into a <see cref="CqlExpression"/> whose
/// properties are resolved against a layer's schema. A recursive-descent parser: precedence NOT &gt; AND &gt; OR,
/// keywords case-insensitive, identifiers optionally double-quoted.
/// </summary>
public sealed class CqlTextParser
{
    private static readonly HashSet<string> Reserved = new(
        ["AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE", "DIV"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> GeometryTypes = new(
        ["POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"],
        StringComparer.OrdinalIgnoreCase);

    private readonly CqlTextLexer _lexer;
    private readonly CqlSchema _schema;
    private readonly CqlBudget _budget;
    private CqlToken _current;
    private CqlToken? _next;

    private CqlTextParser(string text, CqlSchema schema, CqlBudget budget)
    {
        _lexer = new CqlTextLexer(text);
        _schema = schema;
        _budget = budget;
        _current = _lexer.Next();
    }

    /// <summary>The filter as a tree.</summary>
    /// <exception cref="CqlException">Syntax, an unknown queryable or function, mixed types, an unsupported
    /// conformance class (arithmetic, arrays, custom functions) or a limit of <paramref name="options"/>; the
    /// exception's <see cref="CqlException.Position"/> is the offending character.</exception>
    public static CqlExpression Parse(string text, FeatureSchema schema, CqlParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= CqlParserOptions.Default;
        var budget = new CqlBudget(options);
        if (budget.Length(text.Length) is { } tooLong)
            throw new CqlException(tooLong, options.MaxLength);
        return new CqlTextParser(text, new CqlSchema(schema, options), budget).ParseFilter();
    }

    private CqlExpression ParseFilter()
    {
        if (_current.Kind == CqlTokenKind.End)
            throw new CqlException("the filter is empty", 0);
        var filter = ParseOr(0);
        if (_current.Kind != CqlTokenKind.End)
            throw Unexpected("AND, OR or the end of the filter");
        return filter;
    }

    private CqlExpression ParseOr(int depth)
    {
        var start = _current.Start;
        var first = ParseAnd(depth);
        if (!IsKeyword(_current, "OR"))
            return first;
        var operands = new List<CqlExpression> { first };
        while (IsKeyword(_current, "OR"))
        {
            Advance();
            operands.Add(ParseAnd(depth));
        }
        return Node(new Or(operands.ToArray()), start);
    }

    private CqlExpression ParseAnd(int depth)
    {
        var start = _current.Start;
        var first = ParseNot(depth);
        if (!IsKeyword(_current, "AND"))
            return first;
        var operands = new List<CqlExpression> { first };
        while (IsKeyword(_current, "AND"))
        {
            Advance();
            operands.Add(ParseNot(depth));
        }
        return Node(new And(operands.ToArray()), start);
    }

    private CqlExpression ParseNot(int depth)
    {
        if (!IsKeyword(_current, "NOT"))
            return ParsePrimary(depth);
        var not = Advance();
        Depth(depth + 1, not.Start);
        return Node(new Not(ParseNot(depth + 1)), not.Start);
    }

    private CqlExpression ParsePrimary(int depth)
    {
        var token = _current;
        if (token.Kind == CqlTokenKind.LeftParen)
        {
            Depth(depth + 1, token.Start);
            Advance();
            var inner = ParseOr(depth + 1);
            Close("the parenthesis");
            return inner;
        }
        if (token.Kind == CqlTokenKind.Identifier && Peek().Kind == CqlTokenKind.LeftParen)
        {
            if (CqlOperators.Spatial.TryGetValue(token.Value, out var spatial))
                return ParseSpatial(spatial, depth);
            if (CqlOperators.Temporal.TryGetValue(token.Value, out var temporal))
                return ParseTemporal(temporal, depth);
        }
        var left = ParseOperand(depth);
        return ParsePredicate(left, token.Start, depth);
    }

    /// <summary>What follows a first operand: a comparison, [NOT] LIKE/BETWEEN/IN, IS [NOT] NULL — or nothing for TRUE/FALSE.</summary>
    private CqlExpression ParsePredicate(CqlExpression left, int leftStart, int depth)
    {
        var token = _current;
        if (ComparisonOf(token.Kind) is { } op)
        {
            Advance();
            var rightStart = _current.Start;
            var right = ParseOperand(depth);
            Check(CqlTypeCheck.Comparison(op, left, right), leftStart, rightStart);
            return Node(new Comparison(op, left, right), token.Start);
        }

        var negated = false;
        if (IsKeyword(token, "NOT"))
        {
            Advance();
            negated = true;
            token = _current;
            if (!IsKeyword(token, "LIKE") && !IsKeyword(token, "BETWEEN") && !IsKeyword(token, "IN"))
                throw Unexpected("LIKE, BETWEEN or IN after NOT");
        }

        CqlExpression predicate;
        if (IsKeyword(token, "LIKE"))
        {
            Advance();
            var pattern = ParsePattern(depth);
            Check(CqlTypeCheck.Like(left), leftStart);
            predicate = new Like(left, pattern);
        }
        else if (IsKeyword(token, "BETWEEN"))
        {
            Advance();
            var lowStart = _current.Start;
            var low = ParseOperand(depth);
            if (!IsKeyword(_current, "AND"))
                throw Unexpected("AND between the bounds of BETWEEN");
            Advance();
            var highStart = _current.Start;
            var high = ParseOperand(depth);
            Check(CqlTypeCheck.Between(left, low, high), leftStart, lowStart, highStart);
            predicate = new Between(left, low, high);
        }
        else if (IsKeyword(token, "IN"))
        {
            Advance();
            Expect(CqlTokenKind.LeftParen, "'(' to open the IN list");
            Advance();
            var values = new List<CqlExpression>();
            var starts = new List<int> { leftStart };
            do
            {
                starts.Add(_current.Start);
                values.Add(ParseOperand(depth));
            }
            while (TryComma());
            Close("the IN list");
            Check(CqlTypeCheck.In(left, values), starts.ToArray());
            predicate = new In(left, values.ToArray());
        }
        else if (IsKeyword(token, "IS"))
        {
            Advance();
            if (IsKeyword(_current, "NOT"))
            {
                Advance();
                negated = true;
            }
            if (!IsKeyword(_current, "NULL"))
                throw Unexpected("NULL");
            Advance();
            Check(CqlTypeCheck.IsNull(left), leftStart);
            predicate = new IsNull(left);
        }
        else if (token.Kind is CqlTokenKind.Plus or CqlTokenKind.Minus or CqlTokenKind.Star or CqlTokenKind.Slash
                 or CqlTokenKind.Percent or CqlTokenKind.Caret || IsKeyword(token, "DIV"))
        {
            throw new CqlException("arithmetic expressions are not supported", token.Start);
        }
        else if (left is Literal { Type: LiteralType.Boolean })
        {
            return left;
        }
        else
        {
            throw Unexpected($"a comparison operator, LIKE, BETWEEN, IN or IS NULL after {CqlTypeCheck.Describe(left)}");
        }

        predicate = Node(predicate, token.Start);
        return negated ? Node(new Not(predicate), token.Start) : predicate;
    }

    private CqlExpression ParseSpatial(SpatialOperator op, int depth)
    {
        var name = Advance();
        Depth(depth + 1, name.Start);
        Advance();
        var (left, leftStart, right, rightStart) = TwoArguments(CqlOperators.Name(op), depth + 1);
        Check(CqlTypeCheck.Spatial(op, left, right), leftStart, rightStart);
        return Node(new SpatialPredicate(op, left, right), name.Start);
    }

    private CqlExpression ParseTemporal(TemporalOperator op, int depth)
    {
        var name = Advance();
        Depth(depth + 1, name.Start);
        Advance();
        var (left, leftStart, right, rightStart) = TwoArguments(CqlOperators.Name(op), depth + 1);
        Check(CqlTypeCheck.Temporal(op, left, right), leftStart, rightStart);
        return Node(new TemporalPredicate(op, left, right), name.Start);
    }

    private (CqlExpression Left, int LeftStart, CqlExpression Right, int RightStart) TwoArguments(string function, int depth)
    {
        var leftStart = _current.Start;
        var left = ParseOperand(depth);
        if (_current.Kind == CqlTokenKind.RightParen)
            throw new CqlException($"{function} takes two arguments, not one", _current.Start);
        Expect(CqlTokenKind.Comma, $"',' between the arguments of {function}");
        Advance();
        var rightStart = _current.Start;
        var right = ParseOperand(depth);
        if (_current.Kind == CqlTokenKind.Comma)
            throw new CqlException($"{function} takes two arguments, not more", _current.Start);
        Close(function);
        return (left, leftStart, right, rightStart);
    }

    /// <summary>A value: literal, property, CASEI/ACCENTI, DATE/TIMESTAMP/INTERVAL, BBOX or a WKT geometry.</summary>
    private CqlExpression ParseOperand(int depth)
    {
        var token = _current;
        Depth(depth, token.Start);
        switch (token.Kind)
        {
            case CqlTokenKind.String:
                Advance();
                return Node(Literal.Text(token.Value), token.Start);
            case CqlTokenKind.Number:
                Advance();
                return Node(NumberLiteral("", token), token.Start);
            case CqlTokenKind.Plus or CqlTokenKind.Minus when Peek().Kind == CqlTokenKind.Number:
                Advance();
                return Node(NumberLiteral(token.Value, Advance()), token.Start);
            case CqlTokenKind.Plus or CqlTokenKind.Minus:
                throw new CqlException("arithmetic expressions are not supported", token.Start);
            case CqlTokenKind.QuotedIdentifier:
                Advance();
                return Node(Property(token), token.Start);
            case CqlTokenKind.LeftParen:
                throw new CqlException(
                    "a value in parentheses is an arithmetic expression or an array, which are not supported", token.Start);
            case CqlTokenKind.Identifier:
                return ParseNamedOperand(depth);
            default:
                throw Unexpected("a property, a literal or a function");
        }
    }

    private CqlExpression ParseNamedOperand(int depth)
    {
        var token = _current;
        var name = token.Value.ToUpperInvariant();
        var next = Peek();
        if (next.Kind == CqlTokenKind.LeftParen)
        {
            switch (name)
            {
                case "CASEI" or "ACCENTI":
                {
                    Advance();
                    Advance();
                    var operandStart = _current.Start;
                    var operand = ParseOperand(depth + 1);
                    CloseFunction(name);
                    Check(CqlTypeCheck.StringFunction(name, operand), operandStart);
                    return Node(name == "CASEI" ? new CaseInsensitive(operand) : new AccentInsensitive(operand), token.Start);
                }
                case "DATE" or "TIMESTAMP":
                {
                    Advance();
                    Advance();
                    var literal = Instant(name == "DATE", _current);
                    Advance();
                    CloseFunction(name);
                    return Node(literal, token.Start);
                }
                case "INTERVAL":
                    return ParseInterval(depth);
                case "BBOX":
                    return ParseBBox();
            }
            if (GeometryTypes.Contains(name))
                return ParseGeometryLiteral();
            if (CqlOperators.Spatial.ContainsKey(name) || CqlOperators.Temporal.ContainsKey(name))
                throw new CqlException($"{name} is a predicate and cannot be used as a value", token.Start);
            if (CqlOperators.ArrayFunctions.Contains(name))
                throw new CqlException($"{name} belongs to CQL2 Array Functions, which are not supported", token.Start);
            throw new CqlException($"unknown function '{token.Value}'; only CQL2's own functions are supported", token.Start);
        }
        if (GeometryTypes.Contains(name) && next.Kind == CqlTokenKind.Identifier &&
            next.Value.ToUpperInvariant() is "Z" or "M" or "ZM" or "EMPTY")
        {
            return ParseGeometryLiteral();
        }
        if (name is "TRUE" or "FALSE")
        {
            Advance();
            return Node(Literal.Boolean(name == "TRUE"), token.Start);
        }
        if (name == "NULL")
            throw new CqlException("NULL is not a value; test for it with IS NULL", token.Start);
        if (Reserved.Contains(name))
            throw Unexpected("a property, a literal or a function");
        // Function keywords not followed by '(' (DATE, POINT, …) are read as property names: many tables have a
        // "date" column, and quoting it is what the standard asks but not what every client does.
        Advance();
        return Node(Property(token), token.Start);
    }

    /// <summary>A LIKE pattern: a string, possibly inside CASEI(…) or ACCENTI(…) (BNF patternExpression).</summary>
    private CqlExpression ParsePattern(int depth)
    {
        var token = _current;
        Depth(depth, token.Start);
        var name = token.Value.ToUpperInvariant();
        if (token.Kind == CqlTokenKind.Identifier && name is "CASEI" or "ACCENTI" && Peek().Kind == CqlTokenKind.LeftParen)
        {
            Advance();
            Advance();
            var inner = ParsePattern(depth + 1);
            CloseFunction(name);
            return Node(name == "CASEI" ? new CaseInsensitive(inner) : new AccentInsensitive(inner), token.Start);
        }
        if (token.Kind != CqlTokenKind.String)
            throw Unexpected("a LIKE pattern in quotes, such as 'abc%'");
        Advance();
        if (CqlTypeCheck.LikePattern(token.Value) is { } reason)
            throw new CqlException(reason, token.Start);
        return Node(Literal.Text(token.Value), token.Start);
    }

    private CqlExpression ParseInterval(int depth)
    {
        var interval = Advance();
        Depth(depth + 1, interval.Start);
        Advance();
        var start = IntervalEnd(depth + 1);
        if (_current.Kind == CqlTokenKind.RightParen)
            throw new CqlException("INTERVAL takes two arguments, a start and an end", _current.Start);
        Expect(CqlTokenKind.Comma, "',' between the start and end of INTERVAL");
        Advance();
        var end = IntervalEnd(depth + 1);
        if (_current.Kind == CqlTokenKind.Comma)
            throw new CqlException("INTERVAL takes two arguments, a start and an end", _current.Start);
        Close("INTERVAL");
        return Node(new IntervalLiteral(start, end), interval.Start);
    }

    /// <summary>'..' (open, null), a quoted date or timestamp, or an instant-valued operand.</summary>
    private CqlExpression? IntervalEnd(int depth)
    {
        var token = _current;
        if (token.Kind == CqlTokenKind.String)
        {
            Advance();
            if (token.Value == "..")
                return null;
            if (CqlInstant.TryParseDate(token.Value, out var date))
                return Node(Literal.Date(date), token.Start);
            if (CqlInstant.TryParseTimestamp(token.Value, out var timestamp))
                return Node(Literal.Timestamp(timestamp), token.Start);
            throw new CqlException($"'{token.Value}' is not a date (yyyy-mm-dd), a timestamp (yyyy-mm-ddThh:mm:ssZ) or '..'", token.Start);
        }
        var end = ParseOperand(depth);
        if (CqlTypeCheck.IntervalEnd(end) is { } reason)
            throw new CqlException(reason, token.Start);
        return end;
    }

    private Literal Instant(bool date, CqlToken token)
    {
        if (token.Kind != CqlTokenKind.String)
            throw Unexpected(date ? "a quoted date such as '2024-01-31'" : "a quoted timestamp such as '2024-01-31T08:00:00Z'");
        if (date)
        {
            return CqlInstant.TryParseDate(token.Value, out var d)
                ? Literal.Date(d)
                : throw new CqlException($"'{token.Value}' is not a date (yyyy-mm-dd)", token.Start);
        }
        return CqlInstant.TryParseTimestamp(token.Value, out var t)
            ? Literal.Timestamp(t)
            : throw new CqlException($"'{token.Value}' is not an RFC 3339 timestamp such as 2024-01-31T08:00:00Z", token.Start);
    }

    private CqlExpression ParseBBox()
    {
        var bbox = Advance();
        Advance();
        var numbers = new List<double>();
        do
        {
            numbers.Add(CoordinateNumber());
        }
        while (numbers.Count < 6 && TryComma());
        if (numbers.Count is not (4 or 6) || _current.Kind == CqlTokenKind.Comma)
            throw new CqlException("BBOX takes 4 numbers (west, south, east, north) or 6 with elevations", bbox.Start);
        Close("BBOX");
        // With elevations the order is west, south, min elevation, east, north, max elevation; the box stays 2D.
        var (west, south, east, north) = numbers.Count == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3])
            : (numbers[0], numbers[1], numbers[3], numbers[4]);
        if (CqlGeometry.CheckBox(west, south, east, north) is { } reason)
            throw new CqlException(reason, bbox.Start);
        CountCoordinate(bbox.Start);
        CountCoordinate(bbox.Start);
        return Node(new GeometryLiteral(CqlGeometry.Box(west, south, east, north)), bbox.Start);
    }

    private CqlExpression ParseGeometryLiteral()
    {
        var keyword = Advance();
        return Node(new GeometryLiteral(ReadGeometry(keyword, allowCollection: true)), keyword.Start);
    }

    /// <summary>
    /// WKT as CQL2's BNF has it: an optional Z (the dimension is read from the coordinates either way), positions of
    /// 2 or 3 numbers, MULTIPOINT with or without parentheses around each point, no nested collections, no EMPTY.
    /// </summary>
    private Geometry ReadGeometry(CqlToken keyword, bool allowCollection)
    {
        if (_current.Kind == CqlTokenKind.Identifier)
        {
            switch (_current.Value.ToUpperInvariant())
            {
                case "Z":
                    Advance();
                    break;
                case "M" or "ZM":
                    throw new CqlException("measured (M) coordinates are not supported", _current.Start);
                case "EMPTY":
                    throw new CqlException("empty geometries are not supported", _current.Start);
            }
        }
        var factory = CqlGeometry.Factory;
        switch (keyword.Value.ToUpperInvariant())
        {
            case "POINT":
            {
                Open();
                var point = factory.CreatePoint(Position());
                Close("POINT");
                return point;
            }
            case "LINESTRING":
                return factory.CreateLineString(LinePositions());
            case "POLYGON":
                return ReadPolygon();
            case "MULTIPOINT":
            {
                Open();
                var points = new List<Point>();
                do
                {
                    if (_current.Kind == CqlTokenKind.LeftParen)
                    {
                        Advance();
                        points.Add(factory.CreatePoint(Position()));
                        Close("the point");
                    }
                    else
                    {
                        points.Add(factory.CreatePoint(Position()));
                    }
                }
                while (TryComma());
                Close("MULTIPOINT");
                return factory.CreateMultiPoint(points.ToArray());
            }
            case "MULTILINESTRING":
            {
                Open();
                var lines = new List<LineString>();
                do
                {
                    lines.Add(factory.CreateLineString(LinePositions()));
                }
                while (TryComma());
                Close("MULTILINESTRING");
                return factory.CreateMultiLineString(lines.ToArray());
            }
            case "MULTIPOLYGON":
            {
                Open();
                var polygons = new List<Polygon>();
                do
                {
                    polygons.Add(ReadPolygon());
                }
                while (TryComma());
                Close("MULTIPOLYGON");
                return factory.CreateMultiPolygon(polygons.ToArray());
            }
            default:
            {
                if (!allowCollection)
                    throw new CqlException("a GEOMETRYCOLLECTION cannot contain another", keyword.Start);
                Open();
                var members = new List<Geometry>();
                do
                {
                    var member = _current;
                    if (member.Kind != CqlTokenKind.Identifier || !GeometryTypes.Contains(member.Value))
                        throw Unexpected("a geometry such as POINT(…) in the GEOMETRYCOLLECTION");
                    Advance();
                    members.Add(ReadGeometry(member, allowCollection: false));
                }
                while (TryComma());
                Close("GEOMETRYCOLLECTION");
                return factory.CreateGeometryCollection(members.ToArray());
            }
        }
    }

    private Polygon ReadPolygon()
    {
        Open();
        var rings = new List<LinearRing>();
        do
        {
            var start = _current.Start;
            var positions = Positions("the ring");
            if (CqlGeometry.CheckRing(positions) is { } reason)
                throw new CqlException(reason, start);
            rings.Add(CqlGeometry.Factory.CreateLinearRing(positions));
        }
        while (TryComma());
        Close("POLYGON");
        return CqlGeometry.Factory.CreatePolygon(rings[0], rings.Skip(1).ToArray());
    }

    private Coordinate[] LinePositions()
    {
        var start = _current.Start;
        var positions = Positions("LINESTRING");
        return positions.Length >= 2
            ? positions
            : throw new CqlException("a LINESTRING needs at least 2 positions", start);
    }

    private Coordinate[] Positions(string what)
    {
        Open();
        var positions = new List<Coordinate>();
        do
        {
            positions.Add(Position());
        }
        while (TryComma());
        Close(what);
        return positions.ToArray();
    }

    private Coordinate Position()
    {
        var start = _current.Start;
        var x = CoordinateNumber();
        var y = CoordinateNumber();
        var z = double.NaN;
        if (StartsNumber(_current.Kind))
            z = CoordinateNumber();
        if (StartsNumber(_current.Kind))
            throw new CqlException("a position has 2 or 3 coordinates", _current.Start);
        CountCoordinate(start);
        return CqlGeometry.Coordinate(x, y, z);
    }

    private static bool StartsNumber(CqlTokenKind kind) =>
        kind is CqlTokenKind.Number or CqlTokenKind.Minus or CqlTokenKind.Plus;

    private double CoordinateNumber()
    {
        var sign = "";
        var start = _current.Start;
        if (_current.Kind is CqlTokenKind.Minus or CqlTokenKind.Plus)
            sign = Advance().Value;
        if (_current.Kind != CqlTokenKind.Number)
            throw Unexpected("a number");
        var text = sign + Advance().Value;
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? value : throw new CqlException($"the number {text} is out of range", start);
    }

    private static Literal NumberLiteral(string sign, CqlToken number)
    {
        var text = sign + number.Value;
        if (number.Value.AsSpan().IndexOfAny('.', 'e', 'E') < 0 &&
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return Literal.Integer(integer);
        }
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value)
            ? Literal.Number(value)
            : throw new CqlException($"the number {text} is out of range", number.Start);
    }

    private PropertyRef Property(CqlToken name) =>
        _schema.Resolve(name.Value) ?? throw new CqlException(_schema.Unknown(name.Value), name.Start);

    private static ComparisonOperator? ComparisonOf(CqlTokenKind kind) => kind switch
    {
        CqlTokenKind.Equal => ComparisonOperator.Equal,
        CqlTokenKind.NotEqual => ComparisonOperator.NotEqual,
        CqlTokenKind.Less => ComparisonOperator.LessThan,
        CqlTokenKind.LessOrEqual => ComparisonOperator.LessThanOrEqual,
        CqlTokenKind.Greater => ComparisonOperator.GreaterThan,
        CqlTokenKind.GreaterOrEqual => ComparisonOperator.GreaterThanOrEqual,
        _ => null,
    };

    private CqlToken Peek() => _next ??= _lexer.Next();

    private CqlToken Advance()
    {
        var token = _current;
        _current = _next ?? _lexer.Next();
        _next = null;
        return token;
    }

    private static bool IsKeyword(CqlToken token, string keyword) =>
        token.Kind == CqlTokenKind.Identifier && token.Value.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private bool TryComma()
    {
        if (_current.Kind != CqlTokenKind.Comma)
            return false;
        Advance();
        return true;
    }

    private void Open()
    {
        Expect(CqlTokenKind.LeftParen, "'('");
        Advance();
    }

    private void Close(string what)
    {
        Expect(CqlTokenKind.RightParen, $"')' to close {what}");
        Advance();
    }

    private void CloseFunction(string function)
    {
        if (_current.Kind == CqlTokenKind.Comma)
            throw new CqlException($"{function} takes one argument", _current.Start);
        Close(function);
    }

    private void Expect(CqlTokenKind kind, string what)
    {
        if (_current.Kind != kind)
            throw Unexpected(what);
    }

    private CqlException Unexpected(string expected) =>
        new($"expected {expected}, found {Describe(_current)}", _current.Start);

    private static string Describe(CqlToken token) => token.Kind switch
    {
        CqlTokenKind.End => "the end of the filter",
        CqlTokenKind.String => $"the string '{token.Value}'",
        CqlTokenKind.Number => $"the number {token.Value}",
        CqlTokenKind.QuotedIdentifier => $"\"{token.Value}\"",
        _ => $"'{token.Value}'",
    };

    private CqlExpression Node(CqlExpression node, int position) =>
        _budget.Node() is { } reason ? throw new CqlException(reason, position) : node;

    private void Depth(int depth, int position)
    {
        if (_budget.Depth(depth) is { } reason)
            throw new CqlException(reason, position);
    }

    private void CountCoordinate(int position)
    {
        if (_budget.Coordinate() is { } reason)
            throw new CqlException(reason, position);
    }

    private static void Check((int Operand, string Reason)? error, params int[] positions)
    {
        if (error is { } e)
            throw new CqlException(e.Reason, positions[e.Operand]);
    }
}
