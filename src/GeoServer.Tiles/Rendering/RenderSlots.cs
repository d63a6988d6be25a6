namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Bounds how many maps draw at once (WMS maps and tile blocks together). Drawing is CPU work on thread-pool
/// threads: with more requests in flight than cores the pool keeps adding threads (50 under 16 clients on 2 cores),
/// each with its own malloc arena and caches, so memory grew with the thread count while throughput did not.
/// A caller beyond the limit waits asynchronously, holding no thread, until a slot frees.
/// </summary>
public sealed class RenderSlots
{
    private readonly SemaphoreSlim _slots;

    /// <param name="count">Maps drawn at once; 0 or less = two per core (one drawing while the other reads its data).</param>
    public RenderSlots(int count)
    {
        Count = count > 0 ? count : 2 * Environment.ProcessorCount;
        _slots = new SemaphoreSlim(Count, Count);
    }

    public int Count { get; }

    /// <summary>Slots free now.</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Waits for a slot; dispose the lease when the map is drawn and encoded.</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Lease(_slots);
    }

    public readonly struct Lease(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
