using GeoServer.Core.Configuration;

namespace GeoServer.Data.Import;

/// <summary>
/// Imported data written under a temporary name, not yet visible as the layer: <see cref="Staged"/> opens it for a
/// last check, <see cref="CommitAsync"/> gives it its name in one atomic step (a file rename, a database
/// transaction), and disposing an uncommitted import removes it, so a failure at any point leaves nothing behind.
/// </summary>
public abstract class StagedImport : IAsyncDisposable
{
    /// <summary>A store opening the staged data, to check that it publishes before it is committed.</summary>
    public abstract StoreOptions Staged { get; }

    /// <summary>Whether <see cref="CommitAsync"/> has run.</summary>
    public bool Committed { get; protected set; }

    /// <summary>Makes the data the layer's, replacing what had its name.</summary>
    public abstract Task CommitAsync(CancellationToken ct);

    /// <summary>Removes the staged data unless committed.</summary>
    public abstract ValueTask DisposeAsync();
}
