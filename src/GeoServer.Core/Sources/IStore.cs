namespace GeoServer.Core.Sources;

/// <summary>A connection to one data store (a GeoPackage file, a database) that can list and open its tables.</summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>Every table the store can publish as features, opened and described.</summary>
    Task<IReadOnlyList<IFeatureSource>> OpenFeatureSourcesAsync(CancellationToken ct);

    /// <summary>Throws with the store's own message when the store cannot be reached; used by readiness checks.</summary>
    Task CheckAsync(CancellationToken ct);
}
