using System.Runtime.InteropServices;
using GeoServer.Host.Startup;

namespace GeoServer.Tests.Host;

public sealed class NativeHeapTests
{
    /// <summary>
    /// glibc marks a block it mapped on its own with bit 0x2 (IS_MMAPPED) of the size word just before the block
    /// (malloc.c's chunk layout): such a block goes back to the system when freed. Marshal.AllocHGlobal is malloc.
    /// </summary>
    private static bool IsOwnMapping(IntPtr block) => (Marshal.ReadInt64(block, -8) & 2) != 0;

    [Fact]
    public void Large_blocks_keep_their_own_mappings_after_a_larger_one_was_freed()
    {
        if (!NativeHeap.ReturnLargeBlocksToSystem()) return;   // not glibc: nothing to check

        // Left alone, glibc raises its threshold to the size of a freed mapped block (here 8 MiB), and the next
        // blocks of a few hundred KiB (a Cairo surface) would come from an arena and stay in the process.
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(8 << 20));
        var surfaceSized = Marshal.AllocHGlobal(256 * 1024);
        var small = Marshal.AllocHGlobal(4 * 1024);
        try
        {
            Assert.True(IsOwnMapping(surfaceSized));
            Assert.False(IsOwnMapping(small));
        }
        finally
        {
            Marshal.FreeHGlobal(surfaceSized);
            Marshal.FreeHGlobal(small);
        }
    }
}
