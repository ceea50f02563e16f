using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.Status;

/// <summary>The band's late bars and generator failures reach the status the host and the editor show, in words.</summary>
public sealed unsafe class BandTroubleLineTests
{
    [Fact]
    public void Nothing_to_report_gives_no_line()
    {
        Assert.Null(BandTroubleLine.Describe(0, 0));
        Assert.Null(new BandTroubleLine().For(0, 0));
    }

    [Fact]
    public void Late_bars_and_failures_are_counted_in_words()
    {
        Assert.Equal("Band late for 1 bar: the computer could not keep up, so the parts repeated their last bar.",
            BandTroubleLine.Describe(1, 0));
        Assert.StartsWith("Band late for 1,234 bars:", BandTroubleLine.Describe(1234, 0));
        Assert.Equal("The band's generator failed 2 times (the log says why); the parts kept their bars.",
            BandTroubleLine.Describe(0, 2));
        string both = BandTroubleLine.Describe(3, 1)!;
        Assert.Contains("Band late for 3 bars", both);
        Assert.Contains("failed 1 time ", both);
    }

    [Fact]
    public void The_line_is_made_again_only_when_a_count_changes()
    {
        var line = new BandTroubleLine();
        string first = line.For(2, 0)!;
        Assert.Same(first, line.For(2, 0));
        Assert.NotSame(first, line.For(3, 0));
        Assert.Contains("3 bars", line.For(3, 0));
        Assert.Null(line.For(0, 0));
    }

    /// <summary>
    /// A host that calls process() far faster than real time outruns the generator, so the band is late: the
    /// processor's status (the host's status message and the editor's status line) says so, and a fresh band has
    /// nothing to say.
    /// </summary>
    [Fact]
    public void A_band_outrun_by_the_host_says_it_was_late_in_the_status()
    {
        Sideman.Tests.Shared.BundledSounds.EnsureBuilt();
        SmApi api = ExportedApi.Table;
        nint handle;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&handle));
        try
        {
            var setup = new SmSetup { SampleRate = 48000, MaxBlockSize = 1024, SampleSize = BridgeAbi.Sample32 };
            Assert.Equal(BridgeAbi.Ok, api.ProcessorSetup(handle, &setup));
            Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 1));
            SidemanProcessor processor = NativeProcessor.FromHandle(handle)!.Processor;
            Assert.True(processor.Band is not null, $"no live band to test with: {processor.BandProblem}");
            Assert.DoesNotContain(processor.Status.Messages, m => m.Contains("late", StringComparison.OrdinalIgnoreCase));

            using var host = new NativeHostBlock(1024);
            for (int b = 0; b < 4000 && processor.LateBars == 0; b++) // up to 85 s of song at 120 BPM, no waiting
            {
                double quarters = b * 1024 / 24000.0;
                SmProcessBlock* block = host.Prepare(1024, BridgeAbi.Sample32, 0, 0, quarters);
                block->Transport.Flags |= BridgeAbi.TransportTimeSigValid | BridgeAbi.TransportBarPositionValid;
                block->Transport.TimeSigNumerator = 4;
                block->Transport.TimeSigDenominator = 4;
                block->Transport.BarPositionMusic = Math.Floor(quarters / 4) * 4;
                api.ProcessorProcess(handle, block);
            }
            long late = processor.LateBars;
            Assert.True(late > 0, "the host never outran the generator; the test proves nothing");
            string status = processor.Status.Text;
            Assert.Contains($"Band late for {late:N0} bar", status);
            Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 0));
        }
        finally
        {
            api.ProcessorDestroy(handle);
        }
    }
}
