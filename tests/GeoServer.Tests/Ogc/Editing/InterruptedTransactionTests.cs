using System.Net.Http.Headers;
using System.Text;
using GeoServer.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GeoServer.Tests.Ogc.Editing;

/// <summary>
/// Killing the server (SIGKILL) in the middle of a large transaction leaves the layer exactly as it was: the
/// database rolls the half-done write back, and a restarted server serves the old count.
/// </summary>
public sealed class InterruptedTransactionTests
{
    private const int Features = 40_000;

    private static string LargeCollection()
    {
        var body = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        for (int i = 0; i < Features; i++)
        {
            double x = 105.82 + i % 200 * 0.0001, y = 21.125 + i / 200 * 0.0001;
            if (i > 0) body.Append(',');
            body.Append(System.FormattableString.Invariant(
                $$$"""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[{{{x}}},{{{y}}}],[{{{x + 0.00005}}},{{{y}}}],[{{{x + 0.00005}}},{{{y + 0.00005}}}],[{{{x}}},{{{y}}}]]]},"properties":{"so_thua":{{{i}}}}}"""));
        }
        return body.Append("]}").ToString();
    }

    private static async Task<Task<HttpResponseMessage>> PostInBackgroundAsync(GeoSdiProcess server, string collection)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"ogc/collections/{collection}/items")
        {
            Content = new StringContent(LargeCollection(), Encoding.UTF8, new MediaTypeHeaderValue("application/geo+json")),
        };
        request.Headers.Add("X-API-Key", EditingServer.EditorKey);
        var post = server.Client.SendAsync(request);
        await Task.Yield();
        return post;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Never saw {what}.");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task A_GeoPackage_layer_is_as_before_after_a_kill_mid_transaction()
    {
        var folder = Directory.CreateTempSubdirectory("geosdi-kill-").FullName;
        var copy = Path.Combine(folder, "land.gpkg");
        File.Copy(SampleData.PathOf("land.gpkg"), copy);
        var store = new { Type = "geopackage", Path = copy, AutoPublish = true };
        long before = Count(copy);
        var server = await EditingServer.StartAsync(folder, store);
        try
        {
            var post = await PostInBackgroundAsync(server, "ha-noi:land_parcels_synthetic");
            // SQLite's rollback journal exists exactly while a write transaction is open.
            await WaitUntilAsync(() => Task.FromResult(File.Exists(copy + "-journal") || post.IsCompleted), "the write transaction");
            await Task.Delay(150);
            Assert.False(post.IsCompleted, "the transaction was still running when the server was killed");
            server.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => post);

            Assert.Equal(before, Count(copy));
            await using var restarted = await EditingServer.StartAsync(folder, store);
            var page = await restarted.Client.GetStringAsync("ogc/collections/ha-noi:land_parcels_synthetic/items?limit=1");
            Assert.Contains($"\"numberMatched\":{before}", page);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    [Trait("Needs", "PostGIS")]
    public async Task A_PostGIS_layer_is_as_before_after_a_kill_mid_transaction()
    {
        await using var schema = await EditingServer.CreateParcelsCopyAsync();
        var folder = Directory.CreateTempSubdirectory("geosdi-kill-").FullName;
        var store = new { Type = "postgis", ConnectionString = PostGisDatabase.ConnectionString, Tables = new[] { schema.Name + ".parcels" }, AutoPublish = true };
        long before = await PostGisDatabase.ScalarAsync<long>($"SELECT count(*) FROM {schema.Name}.parcels");
        var server = await EditingServer.StartAsync(folder, store);
        try
        {
            var post = await PostInBackgroundAsync(server, $"ha-noi:{schema.Name}.parcels");
            // Rows inserted but not committed: the server's transaction holds locks on the table.
            await WaitUntilAsync(async () => post.IsCompleted || await PostGisDatabase.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace " +
                $"WHERE n.nspname = '{schema.Name}' AND c.relname = 'parcels' AND l.mode = 'RowExclusiveLock'") > 0, "the write transaction");
            await Task.Delay(150);
            Assert.False(post.IsCompleted, "the transaction was still running when the server was killed");
            server.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => post);
            // The backend notices the dead connection and rolls back; wait for its locks to go.
            await WaitUntilAsync(async () => await PostGisDatabase.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace " +
                $"WHERE n.nspname = '{schema.Name}'") == 0, "the rollback");
            Assert.Equal(before, await PostGisDatabase.ScalarAsync<long>($"SELECT count(*) FROM {schema.Name}.parcels"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Rows and R-tree entries, after SQLite has rolled back any hot journal (which needs a writable open).</summary>
    private static long Count(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadWrite;Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM land_parcels_synthetic), (SELECT count(*) FROM rtree_land_parcels_synthetic_geom)";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
        return reader.GetInt64(0);
    }
}
