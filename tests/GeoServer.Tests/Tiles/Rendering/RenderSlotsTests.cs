using GeoServer.Tiles.Rendering;

namespace GeoServer.Tests.Tiles.Rendering;

public sealed class RenderSlotsTests
{
    [Fact]
    public async Task A_caller_beyond_the_limit_waits_until_a_map_is_done()
    {
        var slots = new RenderSlots(2);
        var first = await slots.EnterAsync(CancellationToken.None);
        using var second = await slots.EnterAsync(CancellationToken.None);
        var third = slots.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var entered = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, slots.Free);
    }

    [Fact]
    public async Task A_waiting_caller_that_gives_up_does_not_take_a_slot()
    {
        var slots = new RenderSlots(1);
        var only = await slots.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await slots.EnterAsync(cancel.Token));
        only.Dispose();
        Assert.Equal(1, slots.Free);
    }

    [Fact]
    public void No_configured_limit_means_two_maps_per_core()
    {
        Assert.Equal(2 * Environment.ProcessorCount, new RenderSlots(0).Count);
    }
}
