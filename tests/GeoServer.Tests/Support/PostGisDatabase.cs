using System.Globalization;
using Npgsql;

namespace GeoServer.Tests.Support;

/// <summary>
/// The test PostGIS database that tests/postgis.sh starts and fills with the sample GeoPackages (one schema per
/// file: base.populated_places, envmon.observations, …), named by GEOSDI_TEST_POSTGRES. Without it the PostGIS
/// tests fail, with instructions: they are never skipped.
/// </summary>
public static class PostGisDatabase
{
    public const string Variable = "GEOSDI_TEST_POSTGRES";

    /// <summary>The connection string of the test database; throws with instructions when it is not set.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostGIS tests have no database. Run ./geosdi test, which starts one; or run " +
                "bash tests/postgis.sh start, then eval \"$(bash tests/postgis.sh env)\" in the shell that runs dotnet test.");

    /// <summary>The schema each sample GeoPackage was loaded into: its file name without ".gpkg".</summary>
    public static string SchemaOf(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>Every sample table as PostGIS publishes it ("base.populated_places"), by its GeoPackage table name.</summary>
    public static readonly Lazy<IReadOnlyDictionary<string, string>> SampleTables = new(() =>
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, file) in SampleData.Stores)
        {
            using var connection = SampleData.OpenReadOnly(SampleData.PathOf(file));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes')";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0), SchemaOf(file) + "." + reader.GetString(0));
        }
        return tables;
    });

    /// <summary>The sample tables with a geometry column, as published, which discovery must find.</summary>
    public static IReadOnlyList<string> SpatialSampleTables()
    {
        var names = new List<string>();
        foreach (var (_, file) in SampleData.Stores)
        {
            using var connection = SampleData.OpenReadOnly(SampleData.PathOf(file));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT table_name FROM gpkg_geometry_columns";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) names.Add(SchemaOf(file) + "." + reader.GetString(0));
        }
        return names.Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs SQL written by the test itself (never with values from elsewhere).</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A schema of its own for a test that writes, uniquely named and dropped with everything in it on dispose;
    /// <paramref name="setup"/> is SQL in which "{schema}" stands for its name.
    /// </summary>
    public static async Task<PostGisScratchSchema> CreateScratchSchemaAsync(string setup)
    {
        var name = "geosdi_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE SCHEMA {name};\n" + setup.Replace("{schema}", name, StringComparison.Ordinal));
        return new PostGisScratchSchema(name);
    }
}
