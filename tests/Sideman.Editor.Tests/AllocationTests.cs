using Sideman.Editor.Tests.Support;
using Sideman.Tests.Shared;

namespace Sideman.Editor.Tests;

/// <summary>A steady frame allocates no managed memory: the editor draws 60 times a second inside the host's process.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData(1f)]
    [InlineData(2f)]
    public void A_steady_frame_allocates_nothing_while_the_playhead_moves(float scale)
    {
        FakeSnapshot s = Scenes.ChartPlaying();
        using var f = new EditorFixture(s, width: (int)(900 * scale), height: (int)(600 * scale), scale: scale);
        using var frame = new Frame((int)(900 * scale), (int)(600 * scale));
        f.Click(Layout.ControlKind.Provenance); // the panel open too: everything on screen
        for (int i = 0; i < 30; i++)
            frame.Render(f.View, scale);

        long before = ThreadAllocation.Start();
        for (int i = 0; i < 100; i++)
        {
            s.PlayheadBeat = 1.0 + i * 0.009; // within one beat: the picture moves, no text changes
            frame.Render(f.View, scale);
        }
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_changed_value_costs_one_reshape_not_one_per_frame()
    {
        FakeSnapshot s = Scenes.ChartPlaying();
        using var f = new EditorFixture(s);
        using var frame = new Frame(900, 600);
        frame.Render(f.View, 1);
        frame.Render(f.View, 1);

        long start = ThreadAllocation.Start();
        s.Seed = 43;
        frame.Render(f.View, 1);
        Assert.True(ThreadAllocation.Since(start) > 0, "The new seed's text was not measured: the measure sees nothing.");
        long before = ThreadAllocation.Start();
        for (int i = 0; i < 20; i++)
            frame.Render(f.View, 1);

        Assert.Equal(0, ThreadAllocation.Since(before));
    }
}
