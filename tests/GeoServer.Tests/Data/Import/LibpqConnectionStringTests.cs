using GeoServer.Data.Import;
using GeoServer.Tests.Support;

namespace GeoServer.Tests.Data.Import;

public sealed class LibpqConnectionStringTests
{
    [Fact]
    public void Npgsql_keywords_become_libpq_keywords_with_values_quoted()
    {
        var gdal = LibpqConnectionString.ToGdal("Host=db.example;Port=5433;Database=gis data;Username=geosdi;Password=it's a \\secret;SSL Mode=Require;Timeout=7");

        Assert.StartsWith("PG:", gdal);
        foreach (var part in new[] { "host='db.example'", "port='5433'", "dbname='gis data'", "user='geosdi'", @"password='it\'s a \\secret'", "sslmode='require'", "connect_timeout='7'" })
            Assert.Contains(part, gdal);
        Assert.DoesNotContain("Host=", gdal);
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task GDAL_reaches_the_test_database_with_the_converted_string()
    {
        var output = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", Path.GetTempPath(), true, "-ro", "-so",
            LibpqConnectionString.ToGdal(PostGisDatabase.ConnectionString), "land.land_parcels_synthetic");
        Assert.Contains("Feature Count: 4268", output);
    }
}
