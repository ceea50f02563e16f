using Sideman.Plugin.Interop;

namespace Sideman.Plugin.Tests.Interop;

public class AudioThreadTallyTests
{
    [Fact]
    public void Bytes_of_a_call_that_a_collection_ran_through_are_left_out_and_the_others_counted()
    {
        var tally = new AudioThreadTally();
        tally.Count(0, collectedMeanwhile: false);
        tally.Count(7928, collectedMeanwhile: true); // the rest of an allocation context, charged by another thread's GC
        tally.Count(0, collectedMeanwhile: true);
        Assert.Equal(0, tally.Bytes);
        Assert.Equal(1, tally.LeftOut);

        tally.Count(24, collectedMeanwhile: false); // a real allocation, made again in the calls after
        tally.Count(24, collectedMeanwhile: false);
        Assert.Equal(48, tally.Bytes);
        Assert.Equal(5, tally.Blocks);

        tally.Reset();
        Assert.Equal((0L, 0L, 0L), (tally.Bytes, tally.Blocks, tally.LeftOut));
    }
}
