using Sideman.Engine.Band;
using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>Banks reach the audio thread through one reference exchange; until then the parts are silent and say so.</summary>
public sealed class BankPublishingTests
{
    private static MidiEvent[] EveryPart(long at) =>
        BandNotes.Sorted(BandNotes.Parts.Select(p => BandNotes.On(at, p)));

    [Fact]
    public void Without_a_bank_the_parts_are_silent_flagged_and_the_status_says_why()
    {
        using var rig = new EngineRig(48000, 256);
        rig.SetPartBusesActive(true);
        var flags = Enumerable.Range(0, 6).Select(_ => new ulong[40]).ToArray();
        ScheduledPoint[] monitorOff = [new(0, EngineParameters.MonitorSound, 1)];
        float[][][] buses = rig.RenderBuses(40 * 256, 256, EveryPart(10), monitorOff, silenceFlags: flags);

        for (int b = 0; b < 6; b++)
        {
            Assert.Equal(0, Signal.Peak(buses[b][0]) + Signal.Peak(buses[b][1]));
            Assert.All(flags[b], f => Assert.Equal(0b11UL, f));
        }
        SoundStatus status = rig.Engine.Sounds.Status;
        Assert.False(status.BandReady);
        Assert.Contains("silent", status.Text);
        Assert.All(BandNotes.Parts, p => Assert.Null(rig.Engine.PartPreset(p)));
    }

    [Fact]
    public void A_bank_published_from_another_thread_is_taken_at_the_next_block_without_allocating()
    {
        using var rig = new EngineRig(48000, 128);
        rig.SetPartBusesActive(true);
        var left = new float[128];
        var right = new float[128];
        MidiEvent[] notes = EveryPart(0);
        rig.Render(left, right, 128, [], []); // JIT warm-up of the block path

        using var published = new ManualResetEventSlim();
        var publisher = new Thread(() =>
        {
            rig.Engine.Sounds.UseBundled(BundledSounds.Bank); // publishes with one exchange
            published.Set();
        });
        long before = ThreadAllocation.Start();
        int blocksAfterPublish = -1;
        PartBanks? seen = null;
        publisher.Start();
        for (int block = 0; block < 100_000 && blocksAfterPublish < 3; block++)
        {
            bool wasPublished = published.IsSet;
            rig.Render(left, right, 128, [], []);
            seen = rig.Engine.Banks;
            if (wasPublished)
            {
                blocksAfterPublish++;
                // The audio thread never waits: the first block after the publication already has it.
                Assert.Same(BundledSounds.Bank, seen.Bundled);
            }
            else
                Thread.Yield();
        }
        long allocated = ThreadAllocation.Since(before);
        publisher.Join();

        Assert.Equal(0, allocated);
        Assert.Same(BundledSounds.Bank, seen!.Bundled);
        // Now the parts play.
        rig.Render(left, right, 128, notes, []);
        Assert.True(rig.Engine.BandVoiceCount >= 5);
        Assert.True(rig.Engine.Sounds.Status.BandReady);
        Assert.True(rig.Engine.Sounds.Status.IsClear);
    }

    [Fact]
    public void Sounding_voices_finish_on_the_old_bank_when_a_new_one_arrives()
    {
        using var rig = new EngineRig(48000, 256, bank: BundledSounds.Bank);
        var left = new float[256];
        var right = new float[256];
        rig.Render(left, right, 256, [BandNotes.On(0, BandPart.Pad)], []);
        int voices = rig.Engine.BandVoiceCount;
        Assert.True(voices > 0);
        rig.Engine.PublishBanks(new PartBanks(BundledSounds.Bank));
        rig.Render(left, right, 256, [], []);
        Assert.Equal(voices, rig.Engine.BandVoiceCount);
        Assert.True(Signal.Rms(left) > 0);
    }
}
