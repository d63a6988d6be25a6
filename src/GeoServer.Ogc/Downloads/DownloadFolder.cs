namespace GeoServer.Ogc.Downloads;

/// <summary>
/// The private folder one download is put together in: "source" for the features as read, "data" for what goes into
/// the zip, and the zip itself. Deleted on dispose, however the request ended (a failure, a client that went away).
/// </summary>
public sealed class DownloadFolder : IAsyncDisposable
{
    // Folders a killed process left behind are swept once per root and process; a day is far beyond any download.
    private static readonly TimeSpan Stale = TimeSpan.FromDays(1);
    private static readonly HashSet<string> Swept = [];

    private DownloadFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(Source);
        Directory.CreateDirectory(Data);
    }

    public string Path { get; }

    /// <summary>Where the features are written before conversion.</summary>
    public string Source => System.IO.Path.Combine(Path, "source");

    /// <summary>Every file of the package, README included.</summary>
    public string Data => System.IO.Path.Combine(Path, "data");

    /// <summary>The package.</summary>
    public string Zip => System.IO.Path.Combine(Path, "package.zip");

    /// <summary>A new, empty folder under <paramref name="root"/>.</summary>
    public static DownloadFolder Create(string root)
    {
        Directory.CreateDirectory(root);
        lock (Swept)
            if (Swept.Add(root)) SweepStale(root);
        return new DownloadFolder(System.IO.Path.Combine(root, Guid.NewGuid().ToString("N")));
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private static void SweepStale(string root)
    {
        foreach (var folder in new DirectoryInfo(root).EnumerateDirectories())
            if (DateTime.UtcNow - folder.LastWriteTimeUtc > Stale)
                try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
