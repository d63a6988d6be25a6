using System.Collections.Concurrent;

namespace GeoServer.Data.Gdal;

/// <summary>
/// Open datasets of one file, lent to one request at a time: GDAL's dataset handles are not thread-safe, and
/// opening a COG per request would re-read its header. Up to <paramref name="maxIdle"/> handles are kept between
/// requests; a burst beyond that opens more and closes the surplus on return.
/// </summary>
internal sealed class GdalDatasetPool(string path, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<GdalDataset> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public string Path { get; } = path;

    /// <summary>A dataset for this thread's exclusive use until the lease is disposed.</summary>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var dataset))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, dataset);
        }
        return new Lease(this, GdalDataset.OpenRaster(Path));
    }

    private void Return(GdalDataset dataset)
    {
        if (!_disposed && Interlocked.Increment(ref _idleCount) <= maxIdle)
        {
            _idle.Add(dataset);
            return;
        }
        Interlocked.Decrement(ref _idleCount);
        dataset.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var dataset)) dataset.Dispose();
    }

    /// <summary>A borrowed dataset; disposing it gives it back to the pool.</summary>
    public readonly struct Lease(GdalDatasetPool pool, GdalDataset dataset) : IDisposable
    {
        public GdalDataset Dataset { get; } = dataset;

        public void Dispose() => pool.Return(Dataset);
    }
}
