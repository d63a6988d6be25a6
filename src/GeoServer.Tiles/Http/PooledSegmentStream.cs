using System.Buffers;

namespace GeoServer.Tiles.Http;

/// <summary>
/// A write-only stream that keeps what is written in 64 KiB arrays rented from an array pool, then copies it to the
/// response. Disposing gives the arrays back.
/// </summary>
/// <remarks>
/// Why not a MemoryStream: it doubles one array as the image grows, so a 1024×768 map (about 750 KiB of PNG) left
/// some 2 MiB of garbage arrays per request, 128 KiB to 1 MiB each and so on the large object heap, which only a
/// full (gen 2) collection reclaims. Segments of 64 KiB stay under the large-object threshold (85,000 bytes) and
/// are reused.
/// </remarks>
/// <param name="pool">Where segments come from and go back to; <see cref="ArrayPool{T}.Shared"/> by default.</param>
public sealed class PooledSegmentStream(ArrayPool<byte>? pool = null) : Stream
{
    private readonly ArrayPool<byte> _pool = pool ?? ArrayPool<byte>.Shared;

    /// <summary>The size of each rented segment.</summary>
    public const int SegmentSize = 1 << 16;

    private readonly List<byte[]> _segments = [];
    private int _lastCount = SegmentSize;   // bytes used in the last segment; "full" until one is rented
    private long _length;
    private bool _disposed;

    public override void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!data.IsEmpty)
        {
            if (_lastCount == SegmentSize)
            {
                _segments.Add(_pool.Rent(SegmentSize));
                _lastCount = 0;
            }
            var n = Math.Min(SegmentSize - _lastCount, data.Length);
            data[..n].CopyTo(_segments[^1].AsSpan(_lastCount));
            _lastCount += n;
            _length += n;
            data = data[n..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes everything written so far to <paramref name="destination"/>, segment by segment.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var i = 0; i < _segments.Count; i++)
        {
            var count = i == _segments.Count - 1 ? _lastCount : SegmentSize;
            await destination.WriteAsync(_segments[i].AsMemory(0, count), ct);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            foreach (var segment in _segments) _pool.Return(segment);
            _segments.Clear();
        }
        base.Dispose(disposing);
    }

    public override long Length => _length;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_disposed;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
