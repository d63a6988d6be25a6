using System.Globalization;
using System.Text;
using System.Xml.Linq;
using GeoServer.Catalog.Search;
using GeoServer.Core.Crs;
using GeoServer.Core.Filtering;
using NetTopologySuite.Geometries;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Reads an OGC Filter Encoding 1.1 ogc:Filter (CSW 2.0.2 constraint language FILTER) into the CQL2 tree the index
/// evaluates: logical operators, the comparison operators (Like with the request's wildcard, single-character and
/// escape characters), Between, Null, and the spatial operators on gml:Envelope, gml:Polygon or gml:Point. Geometry is
/// moved to CRS84 with the axis order of its srsName (none means CRS84, longitude first).
/// </summary>
public static class FilterXml
{
    private const string Locator = "Constraint";
    private const int MaxDepth = 32;
    private static readonly XNamespace Ogc = CswNamespaces.Ogc, Gml = CswNamespaces.Gml;
    private static readonly GeometryFactory Factory = new();

    private static readonly Dictionary<string, ComparisonOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["PropertyIsEqualTo"] = ComparisonOperator.Equal,
        ["PropertyIsNotEqualTo"] = ComparisonOperator.NotEqual,
        ["PropertyIsLessThan"] = ComparisonOperator.LessThan,
        ["PropertyIsGreaterThan"] = ComparisonOperator.GreaterThan,
        ["PropertyIsLessThanOrEqualTo"] = ComparisonOperator.LessThanOrEqual,
        ["PropertyIsGreaterThanOrEqualTo"] = ComparisonOperator.GreaterThanOrEqual,
    };

    private static readonly Dictionary<string, SpatialOperator> Spatial = new(StringComparer.Ordinal)
    {
        ["BBOX"] = SpatialOperator.Intersects,
        ["Intersects"] = SpatialOperator.Intersects,
        ["Within"] = SpatialOperator.Within,
        ["Contains"] = SpatialOperator.Contains,
        ["Disjoint"] = SpatialOperator.Disjoint,
        ["Equals"] = SpatialOperator.Equals,
        ["Overlaps"] = SpatialOperator.Overlaps,
        ["Touches"] = SpatialOperator.Touches,
        ["Crosses"] = SpatialOperator.Crosses,
    };

    /// <summary>The tree of an ogc:Filter element.</summary>
    public static CqlExpression Parse(XElement filter, CrsRegistry crs)
    {
        if (filter.Name != Ogc + "Filter") throw Invalid($"expected ogc:Filter, found {filter.Name.LocalName}");
        var operand = Single(filter);
        return Expression(operand, crs, 0);
    }

    private static CqlExpression Expression(XElement e, CrsRegistry crs, int depth)
    {
        if (depth > MaxDepth) throw Invalid($"the filter nests deeper than {MaxDepth} levels");
        if (e.Name.Namespace != Ogc) throw Invalid($"{e.Name.LocalName} is not an OGC filter operator");
        string name = e.Name.LocalName;
        switch (name)
        {
            case "And" or "Or":
                var operands = e.Elements().Select(o => Expression(o, crs, depth + 1)).ToList();
                if (operands.Count == 0) throw Invalid($"ogc:{name} has no operands");
                return operands.Count == 1 ? operands[0] : name == "And" ? new And(operands) : new Or(operands);
            case "Not":
                return new Not(Expression(Single(e), crs, depth + 1));
            case "PropertyIsLike":
                var likeProperty = Property(e);
                return new Like(likeProperty, Literal.Text(LikePattern(Text(e, "Literal"), e)));
            case "PropertyIsBetween":
                var betweenProperty = Property(e);
                return new Between(betweenProperty,
                    Value(betweenProperty, Boundary(e, "LowerBoundary")), Value(betweenProperty, Boundary(e, "UpperBoundary")));
            case "PropertyIsNull":
                return new IsNull(Property(e));
            default:
                if (Comparisons.TryGetValue(name, out var op))
                {
                    var property = Property(e);
                    return new Comparison(op, property, Value(property, Text(e, "Literal")));
                }
                if (Spatial.TryGetValue(name, out var spatial))
                {
                    var geometry = e.Elements().FirstOrDefault(g => g.Name.Namespace == Gml)
                        ?? throw Invalid($"ogc:{name} needs a GML geometry (gml:Envelope, gml:Polygon or gml:Point)");
                    if (e.Element(Ogc + "PropertyName") is { } p) CswQueryables.Property(p.Value, Locator);
                    return new SpatialPredicate(spatial, new PropertyRef(Queryables.Geometry, null), new GeometryLiteral(GmlGeometry(geometry, crs)));
                }
                throw new CswException(CswNames.InvalidParameterValue, $"The filter operator ogc:{name} is not supported.", Locator);
        }
    }

    private static XElement Single(XElement e) => e.Elements().ToList() switch
    {
        [var only] => only,
        _ => throw Invalid($"ogc:{e.Name.LocalName} must hold exactly one operator"),
    };

    private static PropertyRef Property(XElement e) =>
        CswQueryables.Property(e.Element(Ogc + "PropertyName")?.Value ?? throw Invalid($"ogc:{e.Name.LocalName} has no ogc:PropertyName"), Locator);

    private static string Text(XElement e, string child) =>
        e.Element(Ogc + child)?.Value ?? throw Invalid($"ogc:{e.Name.LocalName} has no ogc:{child}");

    private static string Boundary(XElement e, string boundary) =>
        e.Element(Ogc + boundary)?.Element(Ogc + "Literal")?.Value ?? throw Invalid($"ogc:PropertyIsBetween has no ogc:{boundary}/ogc:Literal");

    /// <summary>A literal typed for the property: an instant for dct:modified, text otherwise.</summary>
    public static Literal Value(PropertyRef property, string text)
    {
        if (property.Name != Queryables.Modified) return Literal.Text(text);
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Literal.Timestamp(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return Literal.Timestamp(instant);
        throw Invalid($"'{text}' is not an ISO 8601 date or date-time for {property.Name}");
    }

    /// <summary>The pattern in CQL2's LIKE syntax (% any run, _ one character, \ escape).</summary>
    private static string LikePattern(string pattern, XElement like)
    {
        string wild = Attribute(like, "wildCard", "*"), single = Attribute(like, "singleChar", "?");
        string escape = like.Attribute("escapeChar")?.Value ?? like.Attribute("escape")?.Value ?? "\\";
        var cql = new StringBuilder(pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            var rest = pattern.AsSpan(i);
            if (escape.Length > 0 && rest.StartsWith(escape) && i + escape.Length < pattern.Length)
            {
                i += escape.Length;
                Literal(pattern[i]);
            }
            else if (rest.StartsWith(wild)) { cql.Append('%'); i += wild.Length - 1; }
            else if (rest.StartsWith(single)) { cql.Append('_'); i += single.Length - 1; }
            else Literal(pattern[i]);
        }
        return cql.ToString();

        void Literal(char c)
        {
            if (c is '%' or '_' or '\\') cql.Append('\\');
            cql.Append(c);
        }
    }

    private static string Attribute(XElement e, string name, string fallback) =>
        e.Attribute(name)?.Value is { Length: > 0 } value ? value : fallback;

    private static Geometry GmlGeometry(XElement g, CrsRegistry registry)
    {
        var srs = g.Attribute("srsName")?.Value;
        var crs = srs is null ? registry.Crs84 : registry.Find(srs) ?? throw Invalid($"the CRS '{srs}' is not known here");
        var coordinates = g.Name.LocalName switch
        {
            "Envelope" => Corners(g),
            "Box" => Numbers(g.Element(Gml + "coordinates")?.Value.Replace(',', ' ')),
            "Polygon" => Numbers((g.Descendants(Gml + "posList").FirstOrDefault() ?? g.Descendants(Gml + "coordinates").FirstOrDefault())?.Value.Replace(',', ' ')),
            "Point" => Numbers((g.Element(Gml + "pos") ?? g.Element(Gml + "coordinates"))?.Value.Replace(',', ' ')),
            _ => throw Invalid($"gml:{g.Name.LocalName} is not supported; use gml:Envelope, gml:Polygon or gml:Point"),
        };
        if (coordinates.Length % 2 != 0 || coordinates.Length == 0) throw Invalid($"gml:{g.Name.LocalName} needs pairs of coordinates");
        var points = Enumerable.Range(0, coordinates.Length / 2)
            .Select(i => crs.NorthingFirst ? new Coordinate(coordinates[2 * i + 1], coordinates[2 * i]) : new Coordinate(coordinates[2 * i], coordinates[2 * i + 1]))
            .ToArray();
        Geometry geometry = g.Name.LocalName switch
        {
            "Envelope" or "Box" when points.Length == 2 => Factory.ToGeometry(new Envelope(points[0], points[1])),
            "Polygon" when points.Length >= 4 && points[0].Equals2D(points[^1]) => Factory.CreatePolygon(points),
            "Point" when points.Length == 1 => Factory.CreatePoint(points[0]),
            _ => throw Invalid($"gml:{g.Name.LocalName} has the wrong number of coordinates"),
        };
        return crs == registry.Crs84 ? geometry : registry.GetTransform(crs, registry.Crs84).Transform(geometry);
    }

    private static double[] Corners(XElement envelope) =>
        Numbers($"{envelope.Element(Gml + "lowerCorner")?.Value} {envelope.Element(Gml + "upperCorner")?.Value}");

    private static double[] Numbers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Invalid("a GML geometry has no coordinates");
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                throw Invalid($"'{parts[i]}' is not a number");
        return numbers;
    }

    private static CswException Invalid(string problem) => CswException.Invalid(Locator, problem);
}
