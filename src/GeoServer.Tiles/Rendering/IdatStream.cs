using System.Buffers;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// A write-only stream that cuts what the compressor produces into IDAT chunks of up to 64 KiB, so a PNG is
/// written straight to its output without holding the compressed image in memory. Disposing writes the last chunk.
/// </summary>
internal sealed class IdatStream(Stream output) : Stream
{
    private const int ChunkSize = 1 << 16;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _count;

    public override void Write(ReadOnlySpan<byte> data)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(IdatStream));
        while (!data.IsEmpty)
        {
            var n = Math.Min(ChunkSize - _count, data.Length);
            data[..n].CopyTo(buffer.AsSpan(_count));
            _count += n;
            data = data[n..];
            if (_count == ChunkSize) EmitChunk(buffer);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } buffer)
        {
            if (_count > 0) EmitChunk(buffer);
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
        base.Dispose(disposing);
    }

    private void EmitChunk(byte[] buffer)
    {
        PngEncoder.WriteChunk(output, "IDAT"u8, buffer.AsSpan(0, _count));
        _count = 0;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
