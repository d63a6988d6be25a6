using System.Globalization;
using Npgsql;

namespace GeoServer.Data.PostGis;

/// <summary>
/// Converts column values to the types <see cref="GeoServer.Core.Sources.Feature.Values"/> holds: long, double,
/// bool, string and byte[]; dates and timestamps become ISO 8601 text.
/// </summary>
internal static class PostGisValues
{
    /// <summary>The value at <paramref name="ordinal"/>, selected with <see cref="PostGisColumn.Select"/>; null for NULL.</summary>
    public static object? Read(NpgsqlDataReader reader, int ordinal, PostGisColumn column)
    {
        if (reader.IsDBNull(ordinal)) return null;
        return column.PgType switch
        {
            "int2" => (long)reader.GetInt16(ordinal),
            "int4" => (long)reader.GetInt32(ordinal),
            "int8" => reader.GetInt64(ordinal),
            "float4" => (double)reader.GetFloat(ordinal),
            "float8" or "numeric" => reader.GetDouble(ordinal),
            "bool" => reader.GetBoolean(ordinal),
            "date" => FormatDate(reader.GetFieldValue<DateOnly>(ordinal)),
            "timestamp" or "timestamptz" => FormatTimestamp(reader.GetFieldValue<DateTime>(ordinal)),
            "bytea" => reader.GetFieldValue<byte[]>(ordinal),
            _ => reader.GetString(ordinal),
        };
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// RFC 3339 in UTC. A timestamp without time zone is taken as UTC too: the store's connections run with
    /// TimeZone=UTC, so filters compare it as such.
    /// </summary>
    public static string FormatTimestamp(DateTime t) =>
        t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
