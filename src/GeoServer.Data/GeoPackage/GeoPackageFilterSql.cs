using System.Globalization;
using System.Text;
using GeoServer.Core.Filtering;
using GeoServer.Core.Spatial;
using GeoServer.Core.Sources;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoServer.Data.GeoPackage;

/// <summary>
/// Translates a CQL2 expression tree into a SQLite WHERE fragment over one GeoPackage table. Identifiers come
/// from the table's catalog; every literal is a parameter. Spatial predicates use the R-tree as a prefilter and
/// NetTopologySuite for the exact test; temporal values compare as Julian days so "…00Z" equals "…00.000Z".
/// </summary>
internal sealed class GeoPackageFilterSql
{
    public const string RelateFunction = "geosdi_relate";
    public const string LowerFunction = "geosdi_lower";
    public const string UnaccentFunction = "geosdi_unaccent";

    private readonly StringBuilder _sql = new();
    private readonly SqliteCommand _command;
    private readonly string? _geometry;
    private readonly string? _rtree;
    private readonly string _key;

    private GeoPackageFilterSql(SqliteCommand command, string? geometry, string? rtree, string key)
    {
        _command = command;
        _geometry = geometry;
        _rtree = rtree;
        _key = key;
    }

    /// <summary>The SQL for <paramref name="filter"/>, with its parameters added to <paramref name="command"/>.</summary>
    public static string Translate(CqlExpression filter, SqliteCommand command, string? geometryColumn, string? rtree, string key)
    {
        var writer = new GeoPackageFilterSql(command, geometryColumn, rtree, key);
        writer.Predicate(filter);
        return writer._sql.ToString();
    }

    /// <summary>Registers the functions the translated SQL calls; once per opened connection.</summary>
    public static void RegisterFunctions(SqliteConnection connection)
    {
        connection.CreateFunction<byte[]?, byte[]?, long, bool>(RelateFunction, Relate, isDeterministic: true);
        // SQLite's own lower() folds ASCII only; Vietnamese needs Unicode lower-casing. Final sigma is folded to
        // sigma so that "ΟΔΟΣ" and "Οδος" meet, as ICU's context-aware lower() makes them meet in PostgreSQL.
        connection.CreateFunction<string?, string?>(LowerFunction, s => s?.ToLowerInvariant().Replace('ς', 'σ'), isDeterministic: true);
        connection.CreateFunction<string?, string?>(UnaccentFunction, s => s is null ? null : Accents.Fold(s), isDeterministic: true);
    }

    private void Predicate(CqlExpression e)
    {
        switch (e)
        {
            case And and: Join(and.Operands, " AND "); break;
            case Or or: Join(or.Operands, " OR "); break;
            case Not not: _sql.Append("NOT ("); Predicate(not.Operand); _sql.Append(')'); break;
            case Literal { Value: bool b }: _sql.Append(b ? "1" : "0"); break;
            case Comparison c: Compare(c.Left, c.Operator.Symbol(), c.Right); break;
            case Like like: LikeSql(like); break;
            case Between between:
                bool t = IsTemporal(between.Value) || IsTemporal(between.Low);
                _sql.Append('('); Operand(between.Value, t); _sql.Append(" BETWEEN "); Operand(between.Low, t);
                _sql.Append(" AND "); Operand(between.High, t); _sql.Append(')');
                break;
            case In @in:
                bool ti = IsTemporal(@in.Value);
                _sql.Append('('); Operand(@in.Value, ti); _sql.Append(" IN (");
                for (int i = 0; i < @in.Values.Count; i++)
                {
                    if (i > 0) _sql.Append(", ");
                    Operand(@in.Values[i], ti);
                }
                _sql.Append("))");
                break;
            case IsNull { Value: PropertyRef { IsGeometry: true } } when _geometry is not null:
                _sql.Append('(').Append(_geometry).Append(" IS NULL)");
                break;
            case IsNull isNull: _sql.Append('('); Operand(isNull.Value, false); _sql.Append(" IS NULL)"); break;
            case SpatialPredicate s: Spatial(s); break;
            case TemporalPredicate tp: Predicate(tp.Expand()); break;
            default: throw new CqlException($"'{e}' is not a condition", 0);
        }
    }

    private void Join(IReadOnlyList<CqlExpression> operands, string op)
    {
        _sql.Append('(');
        for (int i = 0; i < operands.Count; i++)
        {
            if (i > 0) _sql.Append(op);
            Predicate(operands[i]);
        }
        _sql.Append(')');
    }

    private void Compare(CqlExpression left, string op, CqlExpression right)
    {
        bool temporal = IsTemporal(left) || IsTemporal(right);
        _sql.Append('(');
        Operand(left, temporal);
        _sql.Append(' ').Append(op).Append(' ');
        Operand(right, temporal);
        _sql.Append(')');
    }

    private void LikeSql(Like like)
    {
        // SQLite's LIKE ignores ASCII case; CQL2 LIKE is case-sensitive, so translate to GLOB, which is not.
        _sql.Append('(');
        Operand(like.Value, false);
        _sql.Append(" GLOB ");
        Operand(MapPattern(like.Pattern), false);
        _sql.Append(')');
    }

    private static CqlExpression MapPattern(CqlExpression pattern) => pattern switch
    {
        Literal { Value: string p } => Literal.Text(ToGlob(p)),
        CaseInsensitive ci => new CaseInsensitive(MapPattern(ci.Operand)),
        AccentInsensitive ai => new AccentInsensitive(MapPattern(ai.Operand)),
        _ => throw new CqlException("LIKE needs a text pattern", 0),
    };

    /// <summary>CQL2 LIKE (% _ with \ escapes) as a GLOB pattern (* ? with GLOB's own specials bracketed).</summary>
    internal static string ToGlob(string like)
    {
        var glob = new StringBuilder(like.Length + 8);
        for (int i = 0; i < like.Length; i++)
        {
            char c = like[i];
            if (c == '\\' && i + 1 < like.Length) { AppendLiteral(glob, like[++i]); continue; }
            if (c == '%') glob.Append('*');
            else if (c == '_') glob.Append('?');
            else AppendLiteral(glob, c);
        }
        return glob.ToString();

        static void AppendLiteral(StringBuilder glob, char c)
        {
            if (c is '*' or '?' or '[') glob.Append('[').Append(c).Append(']');
            else glob.Append(c);
        }
    }

    private void Spatial(SpatialPredicate s)
    {
        _sql.Append('(');
        // An envelope overlap is necessary for every relation but disjoint: let the R-tree discard the rest.
        var literal = (s.Left, s.Right) switch
        {
            (PropertyRef { IsGeometry: true }, GeometryLiteral g) => g,
            (GeometryLiteral g, PropertyRef { IsGeometry: true }) => g,
            _ => null,
        };
        if (s.Operator != SpatialOperator.Disjoint && _rtree is not null && literal is not null)
        {
            var env = literal.Geometry.EnvelopeInternal;
            _sql.Append(_key).Append($" IN (SELECT id FROM {SqlIdentifier.Quote(_rtree)} WHERE minx <= ")
                .Append(Parameter(env.MaxX)).Append(" AND maxx >= ").Append(Parameter(env.MinX))
                .Append(" AND miny <= ").Append(Parameter(env.MaxY)).Append(" AND maxy >= ").Append(Parameter(env.MinY))
                .Append(") AND ");
        }
        _sql.Append(RelateFunction).Append('(');
        GeometryOperand(s.Left);
        _sql.Append(", ");
        GeometryOperand(s.Right);
        _sql.Append(", ").Append((int)s.Operator).Append("))");
    }

    private void GeometryOperand(CqlExpression e)
    {
        switch (e)
        {
            case PropertyRef { IsGeometry: true } when _geometry is not null: _sql.Append(_geometry); break;
            case GeometryLiteral g:
                // Stored blobs carry the GeoPackage header; literals go as a header-less WKB marked by a leading 0.
                var wkb = new WKBWriter().Write(g.Geometry);
                var tagged = new byte[wkb.Length + 1];
                wkb.CopyTo(tagged, 1);
                _sql.Append(Parameter(tagged));
                break;
            default: throw new CqlException("this layer has no geometry to compare", 0);
        }
    }

    private void Operand(CqlExpression e, bool temporal)
    {
        switch (e)
        {
            case PropertyRef { Property: { } p }:
                string column = "t." + SqlIdentifier.Quote(p.Name);
                _sql.Append(temporal && p.Type is PropertyType.Date or PropertyType.DateTime ? $"julianday({column})" : column);
                break;
            case Literal l:
                var value = l.Value switch
                {
                    bool b => b ? 1L : 0L,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    var v => v,
                };
                string p2 = Parameter(value);
                _sql.Append(temporal && l.Type is LiteralType.Date or LiteralType.Timestamp ? $"julianday({p2})" : p2);
                break;
            case CaseInsensitive ci: _sql.Append(LowerFunction).Append('('); Operand(ci.Operand, temporal); _sql.Append(')'); break;
            case AccentInsensitive ai: _sql.Append(UnaccentFunction).Append('('); Operand(ai.Operand, temporal); _sql.Append(')'); break;
            case PropertyRef { IsGeometry: true }: throw new CqlException("the geometry can only be used in spatial functions", 0);
            default: throw new CqlException($"'{e}' cannot be used as a value here", 0);
        }
    }

    private static bool IsTemporal(CqlExpression e) => e switch
    {
        PropertyRef { Property.Type: PropertyType.Date or PropertyType.DateTime } => true,
        Literal { Type: LiteralType.Date or LiteralType.Timestamp } => true,
        _ => false,
    };

    private string Parameter(object value)
    {
        string name = "$f" + _command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        _command.Parameters.AddWithValue(name, value);
        return name;
    }

    /// <summary>
    /// The DE-9IM relation of two geometries; null on either side matches nothing (as SQL NULL would). Never
    /// throws (<see cref="CqlSpatialRelation"/>): an exception inside a SQLite function would fail the whole request.
    /// </summary>
    private static bool Relate(byte[]? left, byte[]? right, long op)
    {
        if (left is null || right is null) return false;
        var a = ReadGeometry(left);
        var b = ReadGeometry(right);
        return CqlSpatialRelation.Holds((SpatialOperator)op, a, b);
    }

    private static Geometry ReadGeometry(byte[] blob) =>
        blob.Length > 0 && blob[0] == 0
            ? WkbGeometryReader.Read(blob.AsSpan(1))
            : GeoPackageGeometry.Read(blob);
}
