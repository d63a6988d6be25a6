namespace GeoServer.Tests.Tiles.Vector;

/// <summary>A feature as read back from a tile, with its raw tags and commands and its decoded parts.</summary>
internal sealed record DecodedFeature(ulong? Id, int Type, List<uint> Tags, List<uint> Geometry)
{
    /// <summary>The command ids and counts in order, e.g. [(1, 1), (2, 3), (7, 1)].</summary>
    public List<(uint Id, uint Count)> Commands { get; } = [];

    /// <summary>
    /// The parts: one per MoveTo for lines and rings (a ring without its closing point), one per point for
    /// points. Filled by <see cref="MvtDecoder"/>, which also checks the command stream is well formed.
    /// </summary>
    public List<List<(int X, int Y)>> Parts { get; } = [];

    /// <summary>Twice the surveyor's area of a ring, in tile coordinates (positive = exterior per spec 4.3.4.4).</summary>
    public static long Area2(List<(int X, int Y)> ring)
    {
        long a = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (x0, y0) = ring[i];
            var (x1, y1) = ring[(i + 1) % ring.Count];
            a += (long)x0 * y1 - (long)x1 * y0;
        }
        return a;
    }
}
