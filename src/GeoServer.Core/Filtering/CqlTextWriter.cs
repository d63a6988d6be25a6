using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Filtering;

/// <summary>
/// Writes a tree as CQL2 Text that <see cref="CqlTextParser"/> reads back to an equal tree: for logs, error
/// messages, and links that carry a filter on.
/// </summary>
public static class CqlTextWriter
{
    /// <summary>The tree as one line of CQL2 Text; property names always double-quoted.</summary>
    public static string Write(CqlExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = new StringBuilder();
        Write(text, expression);
        return text.ToString();
    }

    /// <summary>An RFC 3339 UTC timestamp with as many fractional digits as it needs.</summary>
    internal static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Write(StringBuilder text, CqlExpression e)
    {
        switch (e)
        {
            case Or or:
                Join(text, or.Operands, " OR ", o => o is Or);
                break;
            case And and:
                Join(text, and.Operands, " AND ", o => o is And or Or);
                break;
            case Not not:
                text.Append("NOT ");
                Operand(text, not.Operand, not.Operand is And or Or);
                break;
            case Comparison c:
                Write(text, c.Left);
                text.Append(' ').Append(c.Operator.Symbol()).Append(' ');
                Write(text, c.Right);
                break;
            case Like like:
                Write(text, like.Value);
                text.Append(" LIKE ");
                Write(text, like.Pattern);
                break;
            case Between between:
                Write(text, between.Value);
                text.Append(" BETWEEN ");
                Write(text, between.Low);
                text.Append(" AND ");
                Write(text, between.High);
                break;
            case In @in:
                Write(text, @in.Value);
                text.Append(" IN (");
                for (var i = 0; i < @in.Values.Count; i++)
                {
                    if (i > 0)
                        text.Append(", ");
                    Write(text, @in.Values[i]);
                }
                text.Append(')');
                break;
            case IsNull isNull:
                Write(text, isNull.Value);
                text.Append(" IS NULL");
                break;
            case SpatialPredicate s:
                Function(text, CqlOperators.Name(s.Operator), s.Left, s.Right);
                break;
            case TemporalPredicate t:
                Function(text, CqlOperators.Name(t.Operator), t.Left, t.Right);
                break;
            case CaseInsensitive ci:
                Function(text, "CASEI", ci.Operand);
                break;
            case AccentInsensitive ai:
                Function(text, "ACCENTI", ai.Operand);
                break;
            case PropertyRef p:
                text.Append('"').Append(p.Name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                break;
            case Literal l:
                WriteLiteral(text, l);
                break;
            case IntervalLiteral interval:
                text.Append("INTERVAL(");
                IntervalEnd(text, interval.Start);
                text.Append(", ");
                IntervalEnd(text, interval.End);
                text.Append(')');
                break;
            case GeometryLiteral g:
                WriteGeometry(text, g.Geometry);
                break;
        }
    }

    private static void Join(StringBuilder text, IReadOnlyList<CqlExpression> operands, string separator, Func<CqlExpression, bool> parenthesise)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
                text.Append(separator);
            Operand(text, operands[i], parenthesise(operands[i]));
        }
    }

    private static void Operand(StringBuilder text, CqlExpression e, bool parenthesise)
    {
        if (parenthesise)
            text.Append('(');
        Write(text, e);
        if (parenthesise)
            text.Append(')');
    }

    private static void Function(StringBuilder text, string name, params CqlExpression[] arguments)
    {
        text.Append(name).Append('(');
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
                text.Append(", ");
            Write(text, arguments[i]);
        }
        text.Append(')');
    }

    private static void IntervalEnd(StringBuilder text, CqlExpression? end)
    {
        switch (end)
        {
            case null:
                text.Append("'..'");
                break;
            case Literal { Value: DateOnly d }:
                text.Append('\'').Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\'');
                break;
            case Literal { Value: DateTimeOffset t }:
                text.Append('\'').Append(FormatTimestamp(t)).Append('\'');
                break;
            default:
                Write(text, end);
                break;
        }
    }

    private static void WriteLiteral(StringBuilder text, Literal literal)
    {
        switch (literal.Value)
        {
            case string s:
                Quote(text, s);
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(Number(d, forceDecimal: true));
                break;
            case bool b:
                text.Append(b ? "TRUE" : "FALSE");
                break;
            case DateOnly date:
                text.Append("DATE('").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("')");
                break;
            case DateTimeOffset t:
                text.Append("TIMESTAMP('").Append(FormatTimestamp(t)).Append("')");
                break;
        }
    }

    /// <summary>A character literal with the escapes <see cref="CqlTextLexer"/> decodes.</summary>
    private static void Quote(StringBuilder text, string value)
    {
        text.Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\'' => "''",
                '\\' => @"\\",
                '\a' => @"\a",
                '\b' => @"\b",
                '\t' => @"\t",
                '\n' => @"\n",
                '\v' => @"\v",
                '\f' => @"\f",
                '\r' => @"\r",
                _ => c.ToString(),
            });
        }
        text.Append('\'');
    }

    // A double keeps a decimal point so that it reads back as a double, not an integer.
    private static string Number(double value, bool forceDecimal)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        return forceDecimal && s.AsSpan().IndexOfAny('.', 'E') < 0 ? s + ".0" : s;
    }

    private static void WriteGeometry(StringBuilder text, Geometry geometry)
    {
        var hasZ = geometry.Coordinates.Any(c => !double.IsNaN(c.Z));
        text.Append(geometry.GeometryType.ToUpperInvariant()).Append(hasZ ? " Z" : "").Append(' ');
        WriteGeometryText(text, geometry, hasZ);
    }

    private static void WriteGeometryText(StringBuilder text, Geometry geometry, bool hasZ)
    {
        switch (geometry)
        {
            case Point p:
                text.Append('(');
                Position(text, p.Coordinate, hasZ);
                text.Append(')');
                break;
            case LineString line:
                Positions(text, line.Coordinates, hasZ);
                break;
            case Polygon polygon:
                text.Append('(');
                Positions(text, polygon.ExteriorRing.Coordinates, hasZ);
                foreach (var hole in polygon.InteriorRings)
                {
                    text.Append(", ");
                    Positions(text, hole.Coordinates, hasZ);
                }
                text.Append(')');
                break;
            case GeometryCollection collection:
                text.Append('(');
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    if (i > 0)
                        text.Append(", ");
                    var member = collection.GetGeometryN(i);
                    if (collection is GeometryCollection and not (MultiPoint or MultiLineString or MultiPolygon))
                        text.Append(member.GeometryType.ToUpperInvariant()).Append(hasZ ? " Z" : "").Append(' ');
                    WriteGeometryText(text, member, hasZ);
                }
                text.Append(')');
                break;
        }
    }

    private static void Positions(StringBuilder text, Coordinate[] coordinates, bool hasZ)
    {
        text.Append('(');
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (i > 0)
                text.Append(", ");
            Position(text, coordinates[i], hasZ);
        }
        text.Append(')');
    }

    private static void Position(StringBuilder text, Coordinate c, bool hasZ)
    {
        text.Append(Number(c.X, false)).Append(' ').Append(Number(c.Y, false));
        if (hasZ && !double.IsNaN(c.Z))
            text.Append(' ').Append(Number(c.Z, false));
    }
}
