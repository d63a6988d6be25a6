using GeoServer.Core.Configuration;

namespace GeoServer.Data.Import;

/// <summary>
/// A GeoPackage or COG written beside its final name (a hidden file in the same folder, so the rename that commits
/// it is atomic): readers see the old file or the new one, never a half-written one.
/// </summary>
public sealed class StagedFile(string stagedPath, string finalPath, string storeType) : StagedImport
{
    public override StoreOptions Staged { get; } = new() { Type = storeType, Path = stagedPath };

    public override Task CommitAsync(CancellationToken ct)
    {
        File.Move(stagedPath, finalPath, overwrite: true);
        Committed = true;
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        if (!Committed) Delete(stagedPath);
        return ValueTask.CompletedTask;
    }

    /// <summary>Deletes a file the server wrote, with SQLite's side files if a writer left any.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm", path + ".aux.xml" })
            File.Delete(file);
    }
}
