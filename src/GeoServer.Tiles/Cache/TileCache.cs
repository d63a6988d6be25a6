using System.Collections.Concurrent;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using Microsoft.Extensions.Logging;

namespace GeoServer.Tiles.Cache;

/// <summary>
/// Rendered tiles kept on disk (and the most used also in memory), so a tile is drawn once until something changes
/// it. Concurrent requests for a missing tile share one render; map tiles are rendered a meta-tile at a time, and
/// concurrent requests for any tiles of one meta-tile share that one render, which stores every tile of the block
/// (each as its own entry, so invalidation stays per tile). Past the size limits the least recently used tiles
/// are dropped. <see cref="Invalidate"/> drops exactly the tiles of a tileset, or of a part of it, when data or
/// styles change. The access policy is applied before the cache is asked: it never decides who sees a tile.
/// Tiles live under a generation folder named by what drew them (the build and the styles and configuration), so
/// a renderer or style change never serves old pictures; other generations are removed at start. Thread-safe.
/// </summary>
public sealed class TileCache
{
    private readonly string _root;
    private readonly long _maxDiskBytes, _maxMemoryBytes;
    private readonly ILogger? _log;
    private readonly ConcurrentDictionary<TileKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<TileKey, Lazy<Task<CachedTile>>> _inFlight = new();
    // Keyed by the block's first tile (Row, Col = the meta-tile's MinRow, MinCol).
    private readonly ConcurrentDictionary<TileKey, MetaRender> _metaInFlight = new();
    private readonly Lock _evicting = new();
    private long _diskBytes, _memoryBytes;
    // Bumped by every invalidation: a render that began before one may show the old data, so it is not stored.
    private long _invalidations;

    /// <param name="directory">The cache folder; this build's tiles go to a generation folder inside it.</param>
    /// <param name="generation">Names this build's tiles (e.g. the renderer assembly's version id).</param>
    public TileCache(string directory, string generation, long maxDiskBytes, long maxMemoryBytes, ILogger? log = null)
    {
        _root = Path.Combine(Path.GetFullPath(directory), generation);
        (_maxDiskBytes, _maxMemoryBytes, _log) = (maxDiskBytes, maxMemoryBytes, log);
        Directory.CreateDirectory(_root);
        foreach (var old in Directory.EnumerateDirectories(Path.GetDirectoryName(_root)!).Where(d => d != _root))
            TryDelete(old, recursive: true);
        IndexStoredTiles();
    }

    /// <summary>Tiles held (on disk, memory or both).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The cached tile, or the one <paramref name="render"/> makes (null = nothing in it) stored for next time; one
    /// render however many requests wait for it. A render's failure is not cached.
    /// </summary>
    public async Task<CachedTile> GetOrAddAsync(TileKey key, Func<CancellationToken, Task<byte[]?>> render, CancellationToken ct)
    {
        if (TryGetHot(key) is { } hot) return hot;
        if (_entries.TryGetValue(key, out var entry) && await ReadAsync(key, entry, ct) is { } fromDisk) return fromDisk;
        var shared = _inFlight.GetOrAdd(key, k => new Lazy<Task<CachedTile>>(() => RenderAndStoreAsync(k, render)));
        try
        {
            return await shared.Value.WaitAsync(ct);
        }
        finally
        {
            if (shared.Value.IsCompleted) _inFlight.TryRemove(new KeyValuePair<TileKey, Lazy<Task<CachedTile>>>(key, shared));
        }
    }

    /// <summary>The tile when it is held in memory (the hit path: no allocation, no I/O); null otherwise.</summary>
    public CachedTile? TryGetHot(TileKey key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        entry.Touch();
        return entry.Hot;
    }

    /// <summary>
    /// The cached tile, or the meta-tile holding it rendered once by <paramref name="render"/> (every tile of
    /// <paramref name="meta"/>, as <see cref="TileImageRenderer.RenderMetaAsync"/> returns them), every tile of it
    /// stored under <paramref name="key"/> with its own row and column. Requests for any tile of the same block
    /// share one render. A render's failure is not cached.
    /// </summary>
    public async Task<CachedTile> GetOrAddMetaAsync(TileKey key, MetaTile meta, Func<CancellationToken, Task<IReadOnlyList<RenderedTile>>> render,
        CancellationToken ct)
    {
        if (!meta.Contains(key.Row, key.Col)) throw new ArgumentException($"Tile {key.Row}/{key.Col} is not in the meta-tile.", nameof(meta));
        if (TryGetHot(key) is { } hot) return hot;
        if (_entries.TryGetValue(key, out var entry) && await ReadAsync(key, entry, ct) is { } fromDisk) return fromDisk;
        if (await AdoptFromDiskAsync(key) is { } adopted) return adopted;
        var metaKey = key with { Row = meta.MinRow, Col = meta.MinCol };
        var shared = _metaInFlight.GetOrAdd(metaKey, k => new MetaRender(k, meta, this, render));
        try
        {
            var tiles = await shared.Task.WaitAsync(ct);
            return tiles[IndexIn(meta, key.Row, key.Col)];
        }
        finally
        {
            if (shared.Task.IsCompleted) _metaInFlight.TryRemove(new KeyValuePair<TileKey, MetaRender>(metaKey, shared));
        }
    }

    /// <summary>Drops the cached tiles that match; returns how many went.</summary>
    public int Invalidate(Func<TileKey, bool> affected)
    {
        Interlocked.Increment(ref _invalidations);
        // Later requests must not join a render begun before the change.
        foreach (var (key, render) in _metaInFlight)
            if (render.Touches(affected)) _metaInFlight.TryRemove(new KeyValuePair<TileKey, MetaRender>(key, render));
        foreach (var (key, render) in _inFlight)
            if (affected(key)) _inFlight.TryRemove(new KeyValuePair<TileKey, Lazy<Task<CachedTile>>>(key, render));
        int dropped = 0;
        foreach (var key in _entries.Keys)
            if (affected(key) && Remove(key)) dropped++;
        return dropped;
    }

    /// <summary>
    /// Every cached tile of the tilesets (all styles, grids and formats), group tilesets under any of their digests
    /// ("vn" drops "vn~…" too).
    /// </summary>
    public int InvalidateTilesets(IReadOnlySet<string> tilesets) =>
        Invalidate(k => tilesets.Contains(k.Tileset) || k.Tileset.IndexOf('~') is > 0 and var i && tilesets.Contains(k.Tileset[..i]));

    /// <summary>
    /// Tiles an earlier run of this generation left on disk join the index, so invalidation and the size limit
    /// see them too; leftovers of an interrupted write go.
    /// </summary>
    private void IndexStoredTiles()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            if (TileKey.FromRelativePath(Path.GetRelativePath(_root, file)) is not { } key)
            {
                TryDelete(file, recursive: false);
                continue;
            }
            var entry = new Entry(new FileInfo(file).Length);
            if (_entries.TryAdd(key, entry)) _diskBytes += entry.Size;
        }
    }

    private async Task<CachedTile> RenderAndStoreAsync(TileKey key, Func<CancellationToken, Task<byte[]?>> render)
    {
        if (await AdoptFromDiskAsync(key) is { } found) return found;
        long invalidations = Interlocked.Read(ref _invalidations);
        // The render is shared by every waiting request, so no single request's cancellation may stop it.
        var tile = CachedTile.Of(await render(CancellationToken.None));
        if (Interlocked.Read(ref _invalidations) == invalidations)
        {
            await StoreAsync(key, tile);
            if (Interlocked.Read(ref _invalidations) != invalidations) Remove(key);   // changed while it was written
        }
        EvictIfFull();
        return tile;
    }

    /// <summary>Renders a meta-tile once and stores each of its tiles (unless the data changed meanwhile).</summary>
    private async Task<CachedTile[]> RenderAndStoreMetaAsync(TileKey metaKey, MetaTile meta,
        Func<CancellationToken, Task<IReadOnlyList<RenderedTile>>> render)
    {
        long invalidations = Interlocked.Read(ref _invalidations);
        var rendered = await render(CancellationToken.None);
        if (rendered.Count != meta.Count) throw new InvalidOperationException($"The meta-tile render gave {rendered.Count} tiles, not {meta.Count}.");
        var tiles = new CachedTile[meta.Count];
        foreach (var (row, col, bytes) in rendered)
            tiles[IndexIn(meta, row, col)] = CachedTile.Of(bytes);
        if (Interlocked.Read(ref _invalidations) == invalidations)
        {
            foreach (var (row, col, _) in rendered)
                await StoreAsync(metaKey with { Row = row, Col = col }, tiles[IndexIn(meta, row, col)]);
            // Changed while the block was written: what was stored may show the old data.
            if (Interlocked.Read(ref _invalidations) != invalidations)
                foreach (var (row, col, _) in rendered)
                    Remove(metaKey with { Row = row, Col = col });
        }
        EvictIfFull();
        return tiles;
    }

    /// <summary>Where tile (row, col) sits in a block's tiles, row by row.</summary>
    private static int IndexIn(MetaTile meta, long row, long col) => (int)((row - meta.MinRow) * meta.Cols + (col - meta.MinCol));

    /// <summary>A tile written by an earlier run of this generation, or by another node sharing the folder.</summary>
    private async Task<CachedTile?> AdoptFromDiskAsync(TileKey key)
    {
        var path = Path.Combine(_root, key.RelativePath);
        if (!File.Exists(path)) return null;
        var stored = new Entry(new FileInfo(path).Length);
        if (_entries.TryAdd(key, stored))
        {
            Interlocked.Add(ref _diskBytes, stored.Size);
            return await ReadAsync(key, stored, CancellationToken.None);
        }
        return _entries.TryGetValue(key, out var known) ? known.Hot : null;
    }

    private async Task StoreAsync(TileKey key, CachedTile tile)
    {
        var path = Path.Combine(_root, key.RelativePath);
        var bytes = tile.Bytes;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside then moved, so a reader (this node, another node, nginx) never sees half a tile.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        var entry = new Entry(bytes.Length);
        if (_entries.TryGetValue(key, out var previous)) Forget(previous);
        _entries[key] = entry;
        Interlocked.Add(ref _diskBytes, bytes.Length);
        Keep(entry, tile);
    }

    private async Task<CachedTile?> ReadAsync(TileKey key, Entry entry, CancellationToken ct)
    {
        try
        {
            var tile = CachedTile.Of(await File.ReadAllBytesAsync(Path.Combine(_root, key.RelativePath), ct));
            Keep(entry, tile);
            EvictIfFull();
            return tile;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Remove(key);   // deleted behind our back (another node's invalidation, an operator)
            return null;
        }
    }

    private void Keep(Entry entry, CachedTile tile)
    {
        if (entry.Hot is not null) return;
        entry.Hot = tile;
        Interlocked.Add(ref _memoryBytes, tile.Bytes.Length);
    }

    private bool Remove(TileKey key)
    {
        if (!_entries.TryRemove(key, out var entry)) return false;
        Forget(entry);
        TryDelete(Path.Combine(_root, key.RelativePath), recursive: false);
        return true;
    }

    private void Forget(Entry entry)
    {
        Interlocked.Add(ref _diskBytes, -entry.Size);
        if (entry.Hot is { } hot) Interlocked.Add(ref _memoryBytes, -hot.Bytes.Length);
        entry.Hot = null;
    }

    /// <summary>Past a limit, the least recently used tenth goes (from memory, or from disk too).</summary>
    private void EvictIfFull()
    {
        if (Interlocked.Read(ref _diskBytes) <= _maxDiskBytes && Interlocked.Read(ref _memoryBytes) <= _maxMemoryBytes) return;
        lock (_evicting)
        {
            var oldest = _entries.OrderBy(e => e.Value.LastUse).ToList();
            var toDrop = oldest.Take(Math.Max(1, oldest.Count / 10));
            bool disk = Interlocked.Read(ref _diskBytes) > _maxDiskBytes;
            foreach (var (key, entry) in toDrop)
            {
                if (disk) Remove(key);
                else if (entry.Hot is { } hot)
                {
                    entry.Hot = null;
                    Interlocked.Add(ref _memoryBytes, -hot.Bytes.Length);
                }
            }
            _log?.LogDebug("Tile cache trimmed: {Disk} bytes on disk, {Memory} in memory", _diskBytes, _memoryBytes);
        }
    }

    private static void TryDelete(string path, bool recursive)
    {
        try
        {
            if (recursive) Directory.Delete(path, true);
            else File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One meta-tile render in flight, shared by every request for a tile of it.</summary>
    private sealed class MetaRender
    {
        private readonly TileKey _metaKey;
        private readonly MetaTile _meta;
        private readonly Lazy<Task<CachedTile[]>> _task;

        public MetaRender(TileKey metaKey, MetaTile meta, TileCache cache, Func<CancellationToken, Task<IReadOnlyList<RenderedTile>>> render)
        {
            (_metaKey, _meta) = (metaKey, meta);
            _task = new Lazy<Task<CachedTile[]>>(() => cache.RenderAndStoreMetaAsync(metaKey, meta, render));
        }

        public Task<CachedTile[]> Task => _task.Value;

        public bool Touches(Func<TileKey, bool> affected)
        {
            foreach (var (row, col) in _meta.Tiles())
                if (affected(_metaKey with { Row = row, Col = col })) return true;
            return false;
        }
    }

    private sealed class Entry(long size)
    {
        public long Size { get; } = size;
        public CachedTile? Hot;
        public long LastUse = Environment.TickCount64;

        public void Touch() => LastUse = Environment.TickCount64;
    }
}
