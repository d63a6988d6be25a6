namespace GeoServer.Core.Sources;

/// <summary>A connection to one data store (a GeoPackage file, a database, a raster file) that can list and open its tables and rasters.</summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>Every table the store can publish as features, opened and described.</summary>
    Task<IReadOnlyList<IFeatureSource>> OpenFeatureSourcesAsync(CancellationToken ct);

    /// <summary>Every raster the store can publish, opened and described; none for stores of features only.</summary>
    Task<IReadOnlyList<IRasterSource>> OpenRasterSourcesAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IRasterSource>>([]);

    /// <summary>Throws with the store's own message when the store cannot be reached; used by readiness checks.</summary>
    Task CheckAsync(CancellationToken ct);
}
