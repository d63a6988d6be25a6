namespace GeoServer.Core.Configuration;

/// <summary>Download packages (/collections/{id}/download): how large one may be, and where they are put together.</summary>
public sealed class DownloadOptions
{
    /// <summary>Most features one vector package may hold; a query matching more is refused (narrow it, or page through items).</summary>
    public long MaxFeatures { get; init; } = 1_000_000;

    /// <summary>Most the features of one package may weigh as GeoJSON, in MiB, before conversion; beyond it the request is refused.</summary>
    public long MaxMegabytes { get; init; } = 1024;

    /// <summary>
    /// Folder where packages are put together, one subfolder per request deleted when the response ends (relative
    /// paths resolve against the configuration's folder); null for "geosdi-downloads" in the system's temporary folder.
    /// </summary>
    public string? TempDirectory { get; init; }

    /// <summary>The folder packages are put together in: <see cref="TempDirectory"/>, or the default.</summary>
    public string Folder => TempDirectory is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "geosdi-downloads");

    /// <summary>These options with a relative <see cref="TempDirectory"/> made absolute against <paramref name="baseDirectory"/>.</summary>
    public DownloadOptions Resolved(string baseDirectory) => new()
    {
        MaxFeatures = MaxFeatures,
        MaxMegabytes = MaxMegabytes,
        TempDirectory = TempDirectory is { Length: > 0 } folder ? Path.GetFullPath(folder, baseDirectory) : null,
    };
}
