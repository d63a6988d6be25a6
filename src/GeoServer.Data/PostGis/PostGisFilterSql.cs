using GeoServer.Core.Filtering;
using NetTopologySuite.IO;

namespace GeoServer.Data.PostGis;

/// <summary>
/// Writes a CQL2 filter tree as a PostgreSQL/PostGIS predicate over one table (alias "t"). Identifiers come from
/// the table's catalog, every literal is a parameter (geometries as WKB through ST_GeomFromWKB with the table's
/// SRID), and SQL's three-valued logic gives CQL2's NULL semantics.
/// </summary>
/// <param name="caseCollation">
/// A collation whose lower() folds every script (ICU's root, "und-x-icu"), used for CASEI so that the column's or
/// the database's collation ("C" folds ASCII only) does not matter; null to use theirs.
/// </param>
internal sealed class PostGisFilterSql(PostGisTable table, PostGisParameters parameters, string? caseCollation)
{
    /// <summary>The filter as a boolean SQL expression, parenthesised.</summary>
    public string Predicate(CqlExpression filter) => filter switch
    {
        And and => "(" + string.Join(" AND ", and.Operands.Select(Predicate)) + ")",
        Or or => "(" + string.Join(" OR ", or.Operands.Select(Predicate)) + ")",
        Not not => $"(NOT {Predicate(not.Operand)})",
        Comparison c => $"({Operand(c.Left)} {c.Operator.Symbol()} {Operand(c.Right)})",
        // CQL2's LIKE escapes with a backslash, as PostgreSQL's does; E'\\' says so whatever standard_conforming_strings.
        Like like => $"({Operand(like.Value)} LIKE {Operand(like.Pattern)} ESCAPE E'\\\\')",
        Between b => $"({Operand(b.Value)} BETWEEN {Operand(b.Low)} AND {Operand(b.High)})",
        In @in => $"({Operand(@in.Value)} IN ({string.Join(", ", @in.Values.Select(Operand))}))",
        IsNull isNull => $"({Operand(isNull.Value)} IS NULL)",
        SpatialPredicate s => $"{Function(s.Operator)}({Geometry(s.Left)}, {Geometry(s.Right)})",
        // OWL-Time relations as comparisons of start and end instants (OGC 21-065r2, clause 7.11).
        TemporalPredicate t => Predicate(t.Expand()),
        Literal { Value: bool b } => b ? "TRUE" : "FALSE",
        PropertyRef { Property.Type: GeoServer.Core.Sources.PropertyType.Boolean } p => Column(p),
        _ => throw new ArgumentException($"'{filter}' is not a predicate; the CQL2 parser should have rejected it.", nameof(filter)),
    };

    private string Operand(CqlExpression operand) => operand switch
    {
        PropertyRef { IsGeometry: true } => Geometry(operand),
        PropertyRef p => Column(p),
        Literal l => parameters.Add(l.Value),
        CaseInsensitive ci => caseCollation is null
            ? $"lower({Operand(ci.Operand)})"
            : $"lower(({Operand(ci.Operand)}) COLLATE {SqlIdentifier.Quote(caseCollation)})",
        AccentInsensitive ai => PostGisAccents.Remove(Operand(ai.Operand)),
        GeometryLiteral => Geometry(operand),
        _ => Predicate(operand),
    };

    private string Column(PropertyRef property)
    {
        if (property.Name == table.Key.Name) return table.Key.Sql;
        return table.Columns.FirstOrDefault(c => c.Name == property.Name)?.Value
            ?? throw new ArgumentException($"The filter names '{property.Name}', which is not a column of {table.Name}.", nameof(property));
    }

    private string Geometry(CqlExpression operand) => operand switch
    {
        PropertyRef { IsGeometry: true } => table.Geometry is null ? "NULL::geometry" : "t." + SqlIdentifier.Quote(table.Geometry),
        // Literals are already in the storage CRS (FeatureQuery.Filter); 2D is all the predicates look at.
        GeometryLiteral g => $"ST_GeomFromWKB({parameters.Add(new WKBWriter(ByteOrder.LittleEndian, false, false, false).Write(g.Geometry))}, {table.Srid ?? 0})",
        _ => throw new ArgumentException($"'{operand}' is not a geometry.", nameof(operand)),
    };

    // Simple Features Part 1, clause 6.1.15, as PostGIS implements it; Left is the first argument.
    private static string Function(SpatialOperator op) => op switch
    {
        SpatialOperator.Intersects => "ST_Intersects",
        SpatialOperator.Equals => "ST_Equals",
        SpatialOperator.Disjoint => "ST_Disjoint",
        SpatialOperator.Touches => "ST_Touches",
        SpatialOperator.Within => "ST_Within",
        SpatialOperator.Overlaps => "ST_Overlaps",
        SpatialOperator.Crosses => "ST_Crosses",
        SpatialOperator.Contains => "ST_Contains",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
