using GeoServer.Core.Sources;

namespace GeoServer.Data.PostGis;

/// <summary>
/// One attribute column as the catalog describes it: its PostgreSQL type (a domain's base type), the property
/// type it publishes as, and the SQL that reads and compares it.
/// </summary>
internal sealed class PostGisColumn
{
    private static readonly HashSet<string> TextTypes = new(StringComparer.Ordinal) { "text", "varchar", "bpchar" };

    public PostGisColumn(string name, string pgType)
    {
        Name = name;
        PgType = pgType;
        Type = ToPropertyType(pgType);
        Sql = "t." + SqlIdentifier.Quote(name);
        // Types without a .NET mapping here (uuid, json, arrays, enums, …) are read and compared as their text.
        bool asText = Type == PropertyType.String && !TextTypes.Contains(pgType);
        Value = asText ? Sql + "::text" : Sql;
        Select = asText ? Value : pgType == "numeric" ? Sql + "::float8" : Sql;
    }

    public string Name { get; }

    /// <summary>The type's name in pg_type (int4, timestamptz, …).</summary>
    public string PgType { get; }

    public PropertyType Type { get; }

    /// <summary>The column, qualified by the table alias "t"; for ordering and for the key.</summary>
    public string Sql { get; }

    /// <summary>The column as the value a filter compares: text for the types published as strings.</summary>
    public string Value { get; }

    /// <summary>The select-list expression, whose value <see cref="PostGisValues.Read"/> converts.</summary>
    public string Select { get; }

    public PropertyInfo Info => new(Name, Type);

    public bool IsInteger => PgType is "int2" or "int4" or "int8";

    public bool IsTemporal => Type is PropertyType.Date or PropertyType.DateTime;

    /// <summary>The column as an instant for datetime filters: itself, or its text read as a timestamp.</summary>
    public string Instant => IsTemporal ? Sql : $"CAST({Sql} AS timestamptz)";

    public static PropertyType ToPropertyType(string pgType) => pgType switch
    {
        "int2" or "int4" or "int8" => PropertyType.Integer,
        "float4" or "float8" or "numeric" => PropertyType.Number,
        "bool" => PropertyType.Boolean,
        "date" => PropertyType.Date,
        "timestamp" or "timestamptz" => PropertyType.DateTime,
        "bytea" => PropertyType.Binary,
        _ => PropertyType.String,
    };
}
