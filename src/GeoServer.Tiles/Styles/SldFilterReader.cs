using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using static GeoServer.Tiles.Styles.SldXml;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Turns an OGC Filter 1.0/1.1 (the ogc:Filter of an SLD rule) into a CQL2 tree, which the caller writes with
/// <see cref="CqlTextWriter"/> so that quoting and escaping are CQL2's own. Comparisons, PropertyIsLike,
/// PropertyIsBetween, PropertyIsNull and And/Or/Not are carried over; functions, arithmetic, feature ids and
/// spatial operators are not.
/// </summary>
internal sealed partial class SldFilterReader(FeatureSchema? schema)
{
    private static readonly Dictionary<string, ComparisonOperator> Comparisons = new()
    {
        ["PropertyIsEqualTo"] = ComparisonOperator.Equal,
        ["PropertyIsNotEqualTo"] = ComparisonOperator.NotEqual,
        ["PropertyIsLessThan"] = ComparisonOperator.LessThan,
        ["PropertyIsGreaterThan"] = ComparisonOperator.GreaterThan,
        ["PropertyIsLessThanOrEqualTo"] = ComparisonOperator.LessThanOrEqual,
        ["PropertyIsGreaterThanOrEqualTo"] = ComparisonOperator.GreaterThanOrEqual,
    };

    /// <summary>
    /// The filter as a tree, or false with the problem in words ("uses &lt;Intersects&gt; (line 12), …"). With a
    /// schema the tree is also checked against the layer by parsing its text back.
    /// </summary>
    public bool TryRead(XElement filter, out CqlExpression? expression, out string problem)
    {
        expression = null;
        problem = "";
        try
        {
            var operands = filter.Elements().ToList();
            if (operands.Count != 1)
                throw new SldUnsupportedException($"{Describe(filter)} holds {operands.Count} conditions where it needs one");
            var tree = Predicate(operands[0]);
            if (schema is not null)
            {
                var text = CqlTextWriter.Write(tree);
                try
                {
                    tree = CqlTextParser.Parse(text, schema);
                }
                catch (CqlException e)
                {
                    throw new SldUnsupportedException($"\"{text}\" does not fit the layer: {e.Reason}");
                }
            }
            expression = tree;
            return true;
        }
        catch (SldUnsupportedException e)
        {
            problem = e.Message;
            return false;
        }
    }

    private CqlExpression Predicate(XElement e)
    {
        var name = e.Name.LocalName;
        if (Comparisons.TryGetValue(name, out var op))
        {
            var (left, right) = Pair(e);
            (left, right) = TypedPair(left, right);
            if (IgnoresCase(e) && IsText(left) && IsText(right))
                (left, right) = (new CaseInsensitive(left), new CaseInsensitive(right));
            return new Comparison(op, left, right);
        }
        switch (name)
        {
            case "And" or "Or":
                var operands = e.Elements().Select(Predicate).ToList();
                if (operands.Count == 0) throw new SldUnsupportedException($"uses an empty {Describe(e)}");
                if (operands.Count == 1) return operands[0];
                return name == "And" ? new And(operands) : new Or(operands);
            case "Not":
                var negated = e.Elements().ToList();
                if (negated.Count != 1) throw new SldUnsupportedException($"uses {Describe(e)} with {negated.Count} conditions");
                return new Not(Predicate(negated[0]));
            case "PropertyIsLike":
                return Like(e);
            case "PropertyIsBetween":
                return Between(e);
            case "PropertyIsNull":
                var tested = e.Elements().ToList();
                if (tested.Count != 1) throw new SldUnsupportedException($"uses {Describe(e)} without one PropertyName");
                return new IsNull(Operand(tested[0]));
            case "FeatureId" or "GmlObjectId" or "ResourceId":
                throw new SldUnsupportedException($"uses {Describe(e)}: styles select features by their attributes, not their ids");
            default:
                throw new SldUnsupportedException($"uses {Describe(e)}, which is not supported (spatial operators, functions and PropertyIsNil are not)");
        }
    }

    private CqlExpression Like(XElement e)
    {
        var (value, pattern) = Pair(e);
        if (value is not PropertyRef || pattern is not Literal)
            throw new SldUnsupportedException($"uses {Describe(e)} that does not compare a PropertyName with a Literal pattern");
        var text = TextOf(pattern);
        var wildCard = (string?)e.Attribute("wildCard") ?? "*";
        var singleChar = (string?)e.Attribute("singleChar") ?? ".";
        var escape = (string?)e.Attribute("escapeChar") ?? (string?)e.Attribute("escape") ?? "!";
        CqlExpression converted = Literal.Text(ToCqlPattern(text, wildCard, singleChar, escape));
        CqlExpression subject = value;
        if (IgnoresCase(e))
        {
            subject = new CaseInsensitive(subject);
            converted = new CaseInsensitive(converted);
        }
        return new Like(subject, converted);
    }

    /// <summary>
    /// An OGC LIKE pattern (its own wildCard, singleChar and escape strings) as CQL2's: % and _ with \ escapes;
    /// a literal %, _ or \ of the OGC pattern is escaped.
    /// </summary>
    internal static string ToCqlPattern(string pattern, string wildCard, string singleChar, string escape)
    {
        var cql = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length;)
        {
            if (escape.Length > 0 && string.CompareOrdinal(pattern, i, escape, 0, escape.Length) == 0 && i + escape.Length < pattern.Length)
            {
                i += escape.Length;
                Append(cql, pattern[i++]);
            }
            else if (wildCard.Length > 0 && string.CompareOrdinal(pattern, i, wildCard, 0, wildCard.Length) == 0)
            {
                cql.Append('%');
                i += wildCard.Length;
            }
            else if (singleChar.Length > 0 && string.CompareOrdinal(pattern, i, singleChar, 0, singleChar.Length) == 0)
            {
                cql.Append('_');
                i += singleChar.Length;
            }
            else
            {
                Append(cql, pattern[i++]);
            }
        }
        return cql.ToString();

        static void Append(StringBuilder cql, char c)
        {
            if (c is '%' or '_' or '\\') cql.Append('\\');
            cql.Append(c);
        }
    }

    private CqlExpression Between(XElement e)
    {
        var children = e.Elements().ToList();
        var lower = children.FirstOrDefault(c => c.Name.LocalName == "LowerBoundary");
        var upper = children.FirstOrDefault(c => c.Name.LocalName == "UpperBoundary");
        var value = children.FirstOrDefault(c => c.Name.LocalName is not ("LowerBoundary" or "UpperBoundary"));
        if (value is null || lower?.Elements().SingleOrDefault() is not { } low || upper?.Elements().SingleOrDefault() is not { } high)
            throw new SldUnsupportedException($"uses {Describe(e)} without an expression, a LowerBoundary and an UpperBoundary");
        var subject = Operand(value);
        var (_, lowValue) = TypedPair(subject, Operand(low));
        var (_, highValue) = TypedPair(subject, Operand(high));
        return new Between(subject, lowValue, highValue);
    }

    private (CqlExpression Left, CqlExpression Right) Pair(XElement e)
    {
        var operands = e.Elements().ToList();
        if (operands.Count != 2) throw new SldUnsupportedException($"uses {Describe(e)} with {operands.Count} operands where it needs two");
        return (Operand(operands[0]), Operand(operands[1]));
    }

    /// <summary>A PropertyName, or a Literal kept as text until it meets a property (see <see cref="TypedPair"/>).</summary>
    private CqlExpression Operand(XElement e)
    {
        switch (e.Name.LocalName)
        {
            case "PropertyName" or "ValueReference":
                var name = e.Value.Trim();
                if (name.Length == 0) throw new SldUnsupportedException($"uses an empty {Describe(e)}");
                // XPath-like "ns:name" or "feature/name" forms name the attribute last.
                name = name[(name.LastIndexOfAny(['/', ':']) + 1)..];
                if (name.Length == 0 || name.Contains('[') || name.StartsWith('@'))
                    throw new SldUnsupportedException($"uses {Describe(e)} '{e.Value.Trim()}', an XPath this importer cannot follow");
                return new PropertyRef(name, schema?.Find(name) ?? new PropertyInfo(name, PropertyType.String));
            case "Literal":
                if (e.HasElements) throw new SldUnsupportedException($"uses {Describe(e)} holding XML (a geometry?)");
                return Literal.Text(e.Value);
            default:
                throw new SldUnsupportedException($"uses {Describe(e)} as a value; only PropertyName and Literal are supported (no functions or arithmetic)");
        }
    }

    /// <summary>Literals typed after the property on the other side; two literals stay as written.</summary>
    private (CqlExpression, CqlExpression) TypedPair(CqlExpression left, CqlExpression right) => (left, right) switch
    {
        (PropertyRef p, Literal l) => (p, Typed(p, TextOf(l))),
        (Literal l, PropertyRef p) => (Typed(p, TextOf(l)), p),
        _ => (left, right),
    };

    private Literal Typed(PropertyRef property, string text)
    {
        var trimmed = text.Trim();
        var known = schema?.Find(property.Name)?.Type ?? (schema is not null && property.Name == schema.KeyName ? PropertyType.Integer : (PropertyType?)null);
        switch (known)
        {
            case PropertyType.Integer or PropertyType.Number:
                return Numeric(trimmed) ?? throw new SldUnsupportedException($"compares the number '{property.Name}' with '{text}', which is not a number");
            case PropertyType.Boolean:
                return trimmed.ToLowerInvariant() switch
                {
                    "true" or "1" => Literal.True,
                    "false" or "0" => Literal.False,
                    _ => throw new SldUnsupportedException($"compares the boolean '{property.Name}' with '{text}'"),
                };
            case PropertyType.Date:
                if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Literal.Date(date);
                if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day)) return Literal.Date(DateOnly.FromDateTime(day.UtcDateTime));
                throw new SldUnsupportedException($"compares the date '{property.Name}' with '{text}', which is not a date");
            case PropertyType.DateTime:
                if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return Literal.Timestamp(instant);
                throw new SldUnsupportedException($"compares the date-time '{property.Name}' with '{text}', which is not a timestamp");
            case PropertyType.String:
                return Literal.Text(text);
            case null:
                // No schema: a plain decimal number is most likely compared with a numeric column; codes with leading
                // zeros ("01") stay text.
                return PlainNumber().IsMatch(trimmed) ? Numeric(trimmed)! : Literal.Text(text);
            default:
                throw new SldUnsupportedException($"compares '{property.Name}', which cannot be compared");
        }
    }

    private static Literal? Numeric(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return Literal.Integer(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return Literal.Number(number);
        return null;
    }

    private bool IsText(CqlExpression e) => e switch
    {
        Literal l => l.Type == LiteralType.String,
        PropertyRef p => schema is null ? true : p.Property?.Type == PropertyType.String,
        _ => false,
    };

    // Filter 1.1 and SE say matchCase="false" compares ignoring case; the default is true.
    private static bool IgnoresCase(XElement e) =>
        string.Equals((string?)e.Attribute("matchCase"), "false", StringComparison.OrdinalIgnoreCase);

    private static string TextOf(CqlExpression literal) => literal is Literal { Value: string s } ? s : literal.ToString();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
