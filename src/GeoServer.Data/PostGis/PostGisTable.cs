using GeoServer.Core.Sources;

namespace GeoServer.Data.PostGis;

/// <summary>A table or view as discovery found it: where it is, its key, geometry and attribute columns.</summary>
internal sealed record PostGisTable
{
    /// <summary>"schema.table", or "table" in the public schema.</summary>
    public required string Name { get; init; }
    public required string SchemaName { get; init; }
    public required string TableName { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public required PostGisColumn Key { get; init; }

    /// <summary>The geometry column's name; null for a table without geometry.</summary>
    public string? Geometry { get; init; }

    /// <summary>OGC geometry type name as geometry_columns gives it (POINT, MULTIPOLYGON, GEOMETRY, …).</summary>
    public string? GeometryType { get; init; }
    public int? Srid { get; init; }

    /// <summary>Attribute columns in table order, without the key and the geometry.</summary>
    public required IReadOnlyList<PostGisColumn> Columns { get; init; }

    /// <summary>The quoted, schema-qualified name for FROM clauses.</summary>
    public string From => SqlIdentifier.Quote(SchemaName) + "." + SqlIdentifier.Quote(TableName);

    public FeatureSchema ToSchema() => new(Key.Name, Columns.Select(c => c.Info).ToList(), GeometryType);
}
