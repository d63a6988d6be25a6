namespace GeoServer.Core.Metadata;

/// <summary>
/// Where the catalog keeps the records it cannot derive from the layer registry: those inserted through CSW
/// Transaction and those harvested. The contract lives in Core so that the catalog (a protocol area) and the
/// database drivers (Data) meet without referencing each other. Implementations are thread-safe.
/// </summary>
public interface IMetadataRepository
{
    /// <summary>Every stored record.</summary>
    Task<IReadOnlyList<StoredRecord>> LoadAllAsync(CancellationToken ct);

    /// <summary>Inserts the records, replacing any with the same id, in one transaction.</summary>
    Task UpsertAsync(IReadOnlyCollection<StoredRecord> records, CancellationToken ct);

    /// <summary>Deletes the records with these ids; returns how many there were.</summary>
    Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken ct);
}
