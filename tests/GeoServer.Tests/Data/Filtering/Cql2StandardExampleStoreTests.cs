using System.Globalization;
using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using GeoServer.Tests.Core.Filtering;

namespace GeoServer.Tests.Data.Filtering;

/// <summary>
/// Every example of the standard that the declared conformance classes cover (Basic CQL2, Advanced Comparison
/// Operators, Case-insensitive and Accent-insensitive Comparison, Basic Spatial Functions with points and boxes,
/// Spatial Functions, Temporal Functions, property-property comparisons), in CQL2 Text and CQL2 JSON, selects on
/// PostGIS and on GeoPackage the features that a query written by hand in PostgreSQL selects
/// (<see cref="Cql2ExampleQueries"/>), on data where it selects some but not all (<see cref="Cql2ExampleDataset"/>).
/// Examples of undeclared classes (arithmetic, arrays, custom functions) are listed in
/// <see cref="Cql2ExampleQueries.Skipped"/> with the class.
/// </summary>
[Trait("Needs", "PostGIS")]
public sealed class Cql2StandardExampleStoreTests(Cql2ExampleStores stores) : IClassFixture<Cql2ExampleStores>
{
    public const string Text = "text";
    public const string Json = "JSON";

    /// <summary>The examples' geometry queryables all name the one geometry column.</summary>
    private static readonly CqlParserOptions Options = new() { GeometryNames = ["geometry", "footprint", "location", "road"] };

    public static TheoryData<string, string> Runs()
    {
        var runs = new TheoryData<string, string>();
        foreach (var example in Cql2StandardExamples.Text.Keys.Where(e => !Cql2ExampleQueries.Skipped.ContainsKey(e)).Order(StringComparer.Ordinal))
        {
            runs.Add(example, Text);
            if (Cql2StandardExamples.Json.ContainsKey(example)) runs.Add(example, Json);
        }
        return runs;
    }

    public static TheoryData<string> Queried() =>
        new(Cql2ExampleQueries.Expected.Keys.Where(e => !Cql2ExampleQueries.Constant.ContainsKey(e)).Order(StringComparer.Ordinal));

    public static TheoryData<string> Constants() => new(Cql2ExampleQueries.Constant.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task On_PostGIS_a_standard_example_selects_the_features_its_hand_written_SQL_selects(string example, string encoding)
    {
        await AssertSelectsAsync(stores.PostGis, "PostGIS", example, encoding);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task On_GeoPackage_a_standard_example_selects_the_features_its_hand_written_SQL_selects(string example, string encoding)
    {
        await AssertSelectsAsync(stores.GeoPackage, "GeoPackage", example, encoding);
    }

    [Theory]
    [MemberData(nameof(Queried))]
    public async Task The_hand_written_SQL_of_a_standard_example_selects_some_features_but_not_all(string example)
    {
        string sql = Cql2ExampleQueries.For(example);
        var selected = await stores.SelectAsync(sql);
        var all = await stores.SelectAsync($"SELECT fid FROM {Cql2ExampleQueries.TableOf(sql)}");

        Assert.True(selected.Count > 0 && selected.Count < all.Count,
            $"{example} selects {selected.Count} of {all.Count} features, which tells nothing; change the dataset so that it selects some but not all.");
    }

    [Theory]
    [MemberData(nameof(Constants))]
    public async Task A_standard_example_that_compares_only_literals_selects_every_feature(string example)
    {
        string sql = Cql2ExampleQueries.For(example);

        Assert.Equal(await stores.SelectAsync($"SELECT fid FROM {Cql2ExampleQueries.TableOf(sql)}"), await stores.SelectAsync(sql));
    }

    [Fact]
    public void Every_standard_example_either_has_a_hand_written_query_or_is_skipped_for_an_undeclared_class()
    {
        foreach (var example in Cql2StandardExamples.Text.Keys)
        {
            bool skipped = Cql2ExampleQueries.Skipped.ContainsKey(example);
            bool queried = Cql2ExampleQueries.Expected.ContainsKey(example) ||
                           (example.EndsWith("-alt01", StringComparison.Ordinal) && Cql2ExampleQueries.Expected.ContainsKey(example[..^"-alt01".Length]));
            Assert.True(skipped != queried, $"{example} must be either skipped or queried, not {(skipped ? "both" : "neither")}.");
        }
        Assert.Empty(Cql2ExampleQueries.Expected.Keys.Except(Cql2StandardExamples.Text.Keys));
        Assert.Empty(Cql2ExampleQueries.Skipped.Keys.Except(Cql2StandardExamples.Text.Keys));
    }

    [Theory]
    [InlineData(Cql2ExampleDataset.Features)]
    [InlineData(Cql2ExampleDataset.Codes)]
    [InlineData(Cql2ExampleDataset.Collections)]
    public async Task The_GeoPackage_copy_holds_the_features_of_the_PostGIS_table(string table)
    {
        var postGis = await AllAsync(stores.PostGis[table]);
        var geoPackage = await AllAsync(stores.GeoPackage[table]);
        var postGisNames = stores.PostGis[table].Info.Schema.Properties.Select(p => (p.Name, p.Type));

        Assert.Equal(postGisNames, stores.GeoPackage[table].Info.Schema.Properties.Select(p => (p.Name, p.Type)));
        Assert.Equal(postGis.Select(f => f.Id), geoPackage.Select(f => f.Id));
        foreach (var (p, g) in postGis.Zip(geoPackage))
        {
            // The GeoPackage reader gives every empty geometry as GEOMETRYCOLLECTION EMPTY (the blob's empty flag).
            Assert.True(p.Geometry is null ? g.Geometry is null
                : g.Geometry is not null && (p.Geometry.EqualsExact(g.Geometry) || (p.Geometry.IsEmpty && g.Geometry.IsEmpty)),
                $"fid {p.Id}: {p.Geometry} in PostGIS, {g.Geometry} in the GeoPackage");
            Assert.Equal(p.Values.Select(Comparable), g.Values.Select(Comparable));
        }
    }

    private async Task AssertSelectsAsync(IReadOnlyDictionary<string, IFeatureSource> store, string storeName, string example, string encoding)
    {
        string sql = Cql2ExampleQueries.For(example);
        var source = store[Cql2ExampleQueries.TableOf(sql)];
        string filterText = encoding == Text ? Cql2StandardExamples.Text[example] : Cql2StandardExamples.Json[example];
        var filter = encoding == Text
            ? CqlTextParser.Parse(filterText, source.Info.Schema, Options)
            : CqlJsonParser.Parse(filterText, source.Info.Schema, Options);

        var expected = await stores.SelectAsync(sql);
        var actual = new List<long>();
        await foreach (var feature in source.QueryAsync(new FeatureQuery { Filter = filter, Limit = 100000 }, default))
            actual.Add(feature.Id);

        if (!expected.SequenceEqual(actual))
            Assert.Fail($"{example} ({encoding}) on {storeName}\n  filter:   {filterText}\n  SQL:      {sql}\n" +
                        $"  expected: [{string.Join(", ", expected)}]\n  actual:   [{string.Join(", ", actual)}]\n" +
                        $"  missing:  [{string.Join(", ", expected.Except(actual))}]\n  extra:    [{string.Join(", ", actual.Except(expected))}]");
    }

    private static async Task<List<Feature>> AllAsync(IFeatureSource source)
    {
        var features = new List<Feature>();
        await foreach (var feature in source.QueryAsync(new FeatureQuery { Limit = 100000 }, default))
            features.Add(feature);
        return features;
    }

    /// <summary>
    /// A value as both stores should agree on it: numbers as doubles, and instants to the millisecond, which is
    /// all a GeoPackage DATETIME keeps (GeoPackage 1.3, table 1).
    /// </summary>
    private static object? Comparable(object? value) => value switch
    {
        long l => (double)l,
        string s when s.Length > 10 && DateTimeOffset.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t.UtcTicks / TimeSpan.TicksPerMillisecond,
        _ => value,
    };
}
