using System.Buffers;
using GeoServer.Tiles.Http;

namespace GeoServer.Tests.Tiles.Http;

public sealed class PooledSegmentStreamTests
{
    /// <summary>Counts what is rented and returned, and the largest array asked for.</summary>
    private sealed class CountingPool : ArrayPool<byte>
    {
        public readonly HashSet<byte[]> Out = new(ReferenceEqualityComparer.Instance);
        public int Rented, Returned, Largest;

        public override byte[] Rent(int minimumLength)
        {
            var array = new byte[minimumLength];
            Out.Add(array);
            Rented++;
            Largest = Math.Max(Largest, minimumLength);
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            Assert.True(Out.Remove(array), "returned an array that was not rented (or twice)");
            Returned++;
        }
    }

    [Fact]
    public async Task What_is_written_in_pieces_comes_out_whole_and_every_segment_goes_back()
    {
        var data = new byte[3 * PooledSegmentStream.SegmentSize + 1234];
        new Random(7).NextBytes(data);
        var pool = new CountingPool();
        var copy = new MemoryStream();
        using (var stream = new PooledSegmentStream(pool))
        {
            stream.Write(data.AsSpan(0, 10));
            stream.WriteByte(data[10]);
            stream.Write(data, 11, PooledSegmentStream.SegmentSize);   // crosses a segment boundary
            stream.Write(data.AsSpan(11 + PooledSegmentStream.SegmentSize));
            Assert.Equal(data.Length, stream.Length);
            await stream.WriteToAsync(copy, CancellationToken.None);
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(4, pool.Rented);
        Assert.Equal(pool.Rented, pool.Returned);
        Assert.Empty(pool.Out);
        Assert.True(pool.Largest < 85_000, "segments must stay off the large object heap");
    }

    [Fact]
    public void Nothing_written_rents_nothing_and_writing_after_dispose_fails()
    {
        var pool = new CountingPool();
        var stream = new PooledSegmentStream(pool);
        Assert.Equal(0, stream.Length);
        stream.Dispose();
        Assert.Equal(0, pool.Rented);
        Assert.Throws<ObjectDisposedException>(() => stream.WriteByte(1));
    }
}
