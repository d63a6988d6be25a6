using GeoServer.Core.Editing;
using GeoServer.Core.Sources;

namespace GeoServer.Data.Editing;

/// <summary>
/// The SQL steps of one store's writer, each inside the transaction open on <typeparamref name="TConnection"/>;
/// <see cref="FeatureEditPlayback"/> puts them in order.
/// </summary>
internal interface IFeatureEditSteps<in TConnection>
{
    /// <summary>The feature, locked against other writers until the transaction ends; null when there is none.</summary>
    Task<Feature?> ReadForUpdateAsync(TConnection connection, long id, CancellationToken ct);

    /// <summary>Inserts the draft; returns the key the store gave it.</summary>
    Task<long> InsertAsync(TConnection connection, FeatureDraft draft, CancellationToken ct);

    /// <summary>Writes the draft over the feature: every column (replace), or only those it names (patch).</summary>
    Task UpdateAsync(TConnection connection, long id, FeatureDraft draft, bool everyColumn, CancellationToken ct);

    Task DeleteAsync(TConnection connection, long id, CancellationToken ct);
}
