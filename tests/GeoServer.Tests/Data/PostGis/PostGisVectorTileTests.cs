using System.Diagnostics;
using System.Globalization;
using GeoServer.Core.Sources;
using GeoServer.Data.PostGis;
using GeoServer.Tests.Support;
using GeoServer.Tests.Tiles.Vector;
using GeoServer.Tiles.Vector;
using Npgsql;

namespace GeoServer.Tests.Data.PostGis;

/// <summary>
/// What the PostGIS source's own tile encoder (ST_AsMVT) must also get right: every column type written as the
/// source's features carry it, tables in another CRS, tables without geometry, and statements that stop on the
/// server's timeout or the client's cancellation like the source's other queries.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisVectorTileTests
{
    [Fact]
    public async Task Each_column_type_is_written_as_the_value_the_sources_features_carry_and_bytes_are_left_out()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE TABLE {schema}.typed (id int PRIMARY KEY, geom geometry(Point, 4326), i2 smallint, neg int, big bigint,
              f4 real, f8 double precision, n numeric, yes boolean, d date, ts timestamp, tstz timestamptz,
              txt text, ch char(4), j jsonb, u uuid, bin bytea);
            INSERT INTO {schema}.typed VALUES
              (1, 'SRID=4326;POINT(105.85 21.03)', 7, -42, 9007199254740993, 1.5, 2.25, 3.125, true, '2025-07-01',
               '2025-07-01 08:30:00', '2025-07-01 08:30:00.25+07', 'Hồ Tây', 'ab', '{"a": 1}',
               'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x0102'),
              (2, 'SRID=4326;POINT(105.86 21.04)', NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL);
            """);
        var source = await DiscoverSingleAsync(scratch.Name);
        var schema = source.Info.Schema;

        var layer = Assert.Single(MvtDecoder.Decode((await TileAsync(source, "typed", 12))!));

        Assert.Equal(2, layer.Features.Count);
        Assert.DoesNotContain("bin", layer.Keys);
        foreach (var feature in layer.Features)
        {
            var values = (await source.GetAsync((long)feature.Id!.Value, default))!.Values;
            var expected = new Dictionary<string, (string, int)>();
            for (int i = 0; i < values.Length; i++)
                if (MvtValue.TryFrom(values[i], out var value))
                    expected.Add(schema.Properties[i].Name, (value.ToString(), (int)value.Kind + 1));
            var actual = new Dictionary<string, (string, int)>();
            for (int t = 0; t < feature.Tags.Count; t += 2)
            {
                int v = (int)feature.Tags[t + 1];
                actual.Add(layer.Keys[(int)feature.Tags[t]], (Text(layer.Values[v]), layer.ValueFields[v]));
            }
            Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        }
        var first = layer.PropertiesOf(layer.Features.Single(f => f.Id == 1));
        Assert.Equal("2025-07-01T01:30:00.25Z", first["tstz"]);
        Assert.Equal("2025-07-01T08:30:00Z", first["ts"]);
        Assert.Equal("2025-07-01", first["d"]);
        Assert.Equal(-42L, first["neg"]);
        Assert.Equal(9007199254740993UL, first["big"]);
        Assert.Equal("Hồ Tây", first["txt"]);
    }

    [Fact]
    public async Task A_table_stored_in_VN_2000_gives_the_same_features_as_the_same_rows_in_WGS_84()
    {
        await using var scratch = await PostGisDatabase.CreateScratchSchemaAsync("""
            CREATE TABLE {schema}.places_vn2000 AS
              SELECT fid, ST_Transform(geom, 3405)::geometry(Point, 3405) AS geom, ten FROM base.populated_places;
            ALTER TABLE {schema}.places_vn2000 ADD PRIMARY KEY (fid);
            CREATE INDEX ON {schema}.places_vn2000 USING gist (geom);
            """);
        var vn2000 = await DiscoverSingleAsync(scratch.Name);
        var wgs84 = await PostGisSamples.OpenAsync("populated_places");

        var expected = Assert.Single(MvtDecoder.Decode((await TileAsync(wgs84, "places", 11, ["ten"]))!));
        var actual = Assert.Single(MvtDecoder.Decode((await TileAsync(vn2000, "places", 11))!));

        Assert.Equal(3405, vn2000.Info.Srid);
        Assert.Equal(expected.Features.Select(f => f.Id).Order(), actual.Features.Select(f => f.Id).Order());
        var positions = expected.Features.ToDictionary(f => f.Id!.Value, f => f.Parts[0][0]);
        Assert.All(actual.Features, f => Assert.Equal(positions[f.Id!.Value], f.Parts[0][0]));
    }

    [Fact]
    public async Task A_table_without_geometry_has_no_tile()
    {
        var observations = await PostGisSamples.OpenAsync("observations");

        Assert.Null(await TileAsync(observations, "observations", 5));
    }

    [Fact]
    public async Task The_server_cancels_a_tile_statement_that_runs_past_the_statement_timeout()
    {
        await using var scratch = await SlowViewAsync();
        var slow = await DiscoverSingleAsync(scratch.Name, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PostgresException>(() => TileAsync(slow, "slow", 5));

        Assert.Equal(PostgresErrorCodes.QueryCanceled, e.SqlState);
        Assert.Contains("statement timeout", e.MessageText);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_tile_statement_on_the_server()
    {
        await using var scratch = await SlowViewAsync();
        var slow = await DiscoverSingleAsync(scratch.Name);
        using var client = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TileAsync(slow, "slow", 5, ct: client.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(0L, await PostGisDatabase.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{scratch.Name}%' AND pid <> pg_backend_pid()"));
    }

    /// <summary>The layer of the WebMercatorQuad tile over Hà Nội at a zoom level, from the source's own encoder.</summary>
    private static Task<byte[]?> TileAsync(IFeatureSource source, string name, int zoom, IReadOnlyList<string>? properties = null,
        CancellationToken ct = default) =>
        ((IVectorTileSource)source).GetVectorTileAsync(VectorTileSamples.Request(name, zoom) with { Properties = properties }, ct);

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    /// <summary>The one table of a scratch schema, published by a store of its own (never disposed, like the server's).</summary>
    private static async Task<IFeatureSource> DiscoverSingleAsync(string schema, TimeSpan? statementTimeout = null)
    {
        var store = new PostGisStore(PostGisDatabase.ConnectionString, new PostGisStoreOptions
        {
            Schemas = [schema],
            StatementTimeout = statementTimeout ?? TimeSpan.FromSeconds(30),
        });
        return Assert.Single(await store.OpenFeatureSourcesAsync(default));
    }

    private static async Task<PostGisScratchSchema> SlowViewAsync() => await PostGisDatabase.CreateScratchSchemaAsync("""
        -- 50 ms for every row whose name is read; STABLE (a white lie) lets discovery's extent skip the sleep.
        CREATE FUNCTION {schema}.slowly(name text) RETURNS text LANGUAGE plpgsql STABLE
          AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN name; END $$;
        CREATE VIEW {schema}.slow AS SELECT p.fid, p.geom, {schema}.slowly(p.ten) AS ten FROM base.populated_places p;
        """);
}
