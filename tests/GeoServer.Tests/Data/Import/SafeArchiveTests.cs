using System.IO.Compression;
using GeoServer.Core.Configuration;
using GeoServer.Data.Import;

namespace GeoServer.Tests.Data.Import;

/// <summary>Archives are checked before a byte is unpacked: paths that climb out, too many files, too many bytes, zip bombs.</summary>
public sealed class SafeArchiveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geosdi-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Zip(params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            stream.Write(content);
        }
        return path;
    }

    private ImportFailure Refusal(string zip, ImportOptions? limits = null)
    {
        var target = Path.Combine(_folder, "out-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<ImportException>(() => SafeArchive.Extract(zip, target, "upload.zip", limits ?? new ImportOptions()));
        Assert.False(Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories).Any(), "nothing was unpacked");
        return error.Failure;
    }

    [Theory]
    [InlineData("../evil.shp")]
    [InlineData("a/../../evil.shp")]
    [InlineData("a\\..\\..\\evil.shp")]
    [InlineData("/tmp/evil.shp")]
    [InlineData("\\evil.shp")]
    [InlineData("C:evil.shp")]
    public void An_entry_climbing_out_of_the_folder_is_refused(string name)
    {
        var zip = Zip(("ok.geojson", "{}"u8.ToArray()), (name, "x"u8.ToArray()));
        Assert.Equal(ImportFailure.Unprocessable, Refusal(zip));
        Assert.False(File.Exists(Path.Combine(_folder, "evil.shp")));
        Assert.False(File.Exists("/tmp/evil.shp"));
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_ratio_before_unpacking()
    {
        var zip = Zip(("big.geojson", new byte[64 << 20]));
        Assert.True(new FileInfo(zip).Length < 1 << 20);
        Assert.Equal(ImportFailure.TooLarge, Refusal(zip));
    }

    [Fact]
    public void More_unpacked_bytes_or_entries_than_the_limits_allow_are_refused()
    {
        var random = new byte[3 << 20];
        new Random(6).NextBytes(random);
        Assert.Equal(ImportFailure.TooLarge, Refusal(Zip(("a.tif", random)), new ImportOptions { MaxUnpackedMegabytes = 2 }));
        Assert.Equal(ImportFailure.TooLarge, Refusal(Zip(("a.shp", [1]), ("a.shx", [1]), ("a.dbf", [1])), new ImportOptions { MaxArchiveEntries = 2 }));
    }

    [Fact]
    public void A_damaged_zip_is_refused_as_unreadable()
    {
        var path = Path.Combine(_folder, "damaged.zip");
        File.WriteAllBytes(path, "PK\u0003\u0004 not really a zip"u8.ToArray());
        Assert.Equal(ImportFailure.Unprocessable, Refusal(path));
    }

    [Fact]
    public void A_sound_archive_is_unpacked_with_its_folders()
    {
        var zip = Zip(("roads/roads.shp", [1, 2, 3]), ("roads/roads.dbf", [4]));
        var target = Path.Combine(_folder, "out");
        SafeArchive.Extract(zip, target, "roads.zip", new ImportOptions());
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(target, "roads", "roads.shp")));
        Assert.True(File.Exists(Path.Combine(target, "roads", "roads.dbf")));
    }
}
