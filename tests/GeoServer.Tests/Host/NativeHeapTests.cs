using GeoServer.Host.Startup;

namespace GeoServer.Tests.Host;

public sealed class NativeHeapTests
{
    // Whether a given block was mapped on its own also depends on what the arenas hold already (a free chunk of the
    // right size is reused first), which other tests in this process change; the effect on a server's memory is
    // what bench/run-wms.sh memory measures. Here: the setting is accepted where the C library is glibc.
    [Fact]
    public void On_glibc_the_mmap_threshold_is_fixed()
    {
        bool glibc = OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || File.Exists("/lib/aarch64-linux-gnu/libc.so.6");
        Assert.Equal(glibc, NativeHeap.ReturnLargeBlocksToSystem());
    }
}
