using System.Collections.Concurrent;
using GeoServer.Core.Metadata;

namespace GeoServer.Catalog.Storage;

/// <summary>External records kept only in memory: the catalog's default when no database is configured (and the tests').</summary>
public sealed class InMemoryMetadataRepository : IMetadataRepository
{
    private readonly ConcurrentDictionary<string, StoredRecord> _records = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<StoredRecord>> LoadAllAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StoredRecord>>(_records.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList());

    public Task UpsertAsync(IReadOnlyCollection<StoredRecord> records, CancellationToken ct)
    {
        foreach (var r in records) _records[r.Id] = r;
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult(ids.Count(id => _records.TryRemove(id, out _)));
}
