using Microsoft.Data.Sqlite;

namespace GeoServer.Data.GeoPackage;

/// <summary>
/// The SQL functions a GeoPackage's R-tree triggers call on every write (GeoPackage 1.3, extension F.3:
/// ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY). GDAL and SpatiaLite provide them; plain SQLite does not, so
/// a writing connection registers them first, or the triggers abort the insert.
/// </summary>
internal static class GeoPackageSqlFunctions
{
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<byte[]?, bool?>("ST_IsEmpty", b => b is null ? null : GeoPackageGeometry.IsEmpty(b), isDeterministic: true);
        connection.CreateFunction<byte[]?, double?>("ST_MinX", b => b is null ? null : GeoPackageGeometry.Envelope(b).MinX, isDeterministic: true);
        connection.CreateFunction<byte[]?, double?>("ST_MaxX", b => b is null ? null : GeoPackageGeometry.Envelope(b).MaxX, isDeterministic: true);
        connection.CreateFunction<byte[]?, double?>("ST_MinY", b => b is null ? null : GeoPackageGeometry.Envelope(b).MinY, isDeterministic: true);
        connection.CreateFunction<byte[]?, double?>("ST_MaxY", b => b is null ? null : GeoPackageGeometry.Envelope(b).MaxY, isDeterministic: true);
    }
}
