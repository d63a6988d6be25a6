using GeoServer.Catalog;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Registration;
using GeoServer.Catalog.Storage;
using GeoServer.Core.Configuration;
using GeoServer.Core.Spatial;
using GeoServer.Data.Metadata;
using static GeoServer.Tests.Catalog.CatalogFixtures;

namespace GeoServer.Tests.Catalog;

public sealed class RecordStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geosdi-catalog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MetadataRecord External(string id, string title) => new()
    {
        Id = id,
        Type = RecordType.Dataset,
        Origin = RecordOrigin.External,
        Title = new LocalizedText(title, new Dictionary<string, string> { [Languages.English] = "Reservoirs" }),
        Keywords = [new KeywordSet([new LocalizedText("thủy lợi")], "GEMET", "theme")],
        TopicCategories = [TopicCategory.InlandWaters],
        Extent = new BBox(104, 20, 106, 22),
        Distribution = new Distribution(["GeoJSON"], [new OnlineResource("https://example.org/wms", Protocols.Wms, "reservoirs")]),
        Modified = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        UpdateFrequency = MaintenanceFrequency.Monthly,
    };

    [Fact]
    public async Task A_record_reads_back_from_SQLite_as_it_was_written()
    {
        var repository = new SqliteMetadataRepository(Path.Combine(_folder, "catalog.db"));
        var record = External("ext:1", "Hồ chứa");

        await repository.UpsertAsync([RecordDocument.ToStored(record, "https://example.org/csw")], default);
        var stored = (await repository.LoadAllAsync(default)).Single();
        var back = RecordDocument.FromStored(stored)!;

        Assert.Equal("https://example.org/csw", stored.Source);
        Assert.Equal(record.Title.In(Languages.English), back.Title.In(Languages.English));
        Assert.Equal(record.Extent, back.Extent);
        Assert.Equal("GEMET", back.Keywords.Single().Thesaurus);
        Assert.Equal(record.Distribution.Links, back.Distribution.Links);
        Assert.Equal(record.Modified, back.Modified);
        Assert.Equal(MaintenanceFrequency.Monthly, back.UpdateFrequency);
        Assert.Equal(1, await repository.DeleteAsync(["ext:1", "ext:none"], default));
        Assert.Empty(await repository.LoadAllAsync(default));
    }

    [Fact]
    public async Task External_records_survive_a_restart_of_the_catalog()
    {
        var path = Path.Combine(_folder, "catalog.db");
        var first = new RecordCatalog(Sample(), new ServerOptions(), new CatalogOptions(), new SqliteMetadataRepository(path));
        await first.UpsertAsync([External("ext:1", "Hồ chứa")], null, default);

        var second = new RecordCatalog(Sample(), new ServerOptions(), new CatalogOptions(), new SqliteMetadataRepository(path));

        Assert.Equal("Hồ chứa", second.Find(Anonymous, "ext:1")!.Title.Text);
        Assert.NotNull(second.Find(Anonymous, "vn:rivers"));
    }

    [Fact]
    public async Task A_refresh_keeps_external_records_and_rederives_the_layers()
    {
        var catalog = NewCatalog();
        await catalog.UpsertAsync([External("ext:1", "Hồ chứa")], null, default);

        catalog.Refresh();

        Assert.NotNull(catalog.Find(Anonymous, "ext:1"));
        Assert.NotNull(catalog.Find(Anonymous, "vn:land_use"));
        Assert.True(catalog.IsDerived("vn:land_use"));
        Assert.False(catalog.IsDerived("ext:1"));
    }
}
