using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Processing;

/// <summary>A block of a thousand events stays within its period: bounded splits and voice starts, nothing lost that matters.</summary>
public sealed class StormTests
{
    [Fact]
    public void A_storm_plays_a_bounded_number_of_new_notes_passes_every_event_on_and_releases_every_note()
    {
        using var rig = new EngineRig(48000, 128, outEventCapacity: 8192, bank: BundledSounds.Bank);
        var rng = new Random(5);
        var storm = Enumerable.Range(0, 1000)
            .Select(i => MidiEvent.NoteOn(rng.Next(0, 128), 30 + i % 60, 0.8f, channel: i % 2 == 0 ? 0 : 1))
            .OrderBy(e => e.SampleOffset).ToArray();
        int passed = rig.Process(128, SampleFormat.Float32, storm, default);

        Assert.Equal(1000, passed);                                    // every event still goes out
        Assert.Equal(1000 - EngineParameterStorm.NoteOnBudget(128), rig.Engine.StormNotesDropped);
        Assert.Equal(1, rig.Engine.StormBlocks);

        var offs = Enumerable.Range(0, 60).SelectMany(k => new[] { MidiEvent.NoteOff(k, 30 + k, 0, 0), MidiEvent.NoteOff(k, 30 + k, 0, 1) }).ToArray();
        rig.Process(128, SampleFormat.Float32, offs, default);
        for (int i = 0; i < 2000 && rig.Engine.ActiveVoiceCount > 0; i++)
            rig.Process(128, SampleFormat.Float32, default, default);
        Assert.Equal(0, rig.Engine.ActiveVoiceCount);                  // no note-off was dropped
    }

    [Theory]
    [InlineData(128)]
    [InlineData(4096)]
    public void Only_blocks_beyond_the_split_bound_share_a_grid_and_no_event_moves_earlier(int block)
    {
        using var rig = new EngineRig(48000, block, outEventCapacity: 8192, bank: BundledSounds.Bank);
        int bound = SidemanEngine.StormSegments(block);
        MidiEvent[] Notes(int count) => Enumerable.Range(0, count)
            .Select(i => MidiEvent.NoteOn(i * block / count, 40 + i % 40, 0.5f)).ToArray();

        rig.Process(block, SampleFormat.Float32, Notes(bound), default);
        Assert.Equal(0, rig.Engine.StormBlocks);
        int outCount = rig.Process(block, SampleFormat.Float32, Notes(bound + 1), default);
        Assert.Equal(1, rig.Engine.StormBlocks);
        MidiEvent[] sent = Notes(bound + 1);
        int grain = (block + bound - 1) / bound;
        for (int i = 0; i < outCount; i++)
        {
            int offset = rig.OutEvent(i).SampleOffset;
            Assert.InRange(offset, sent[i].SampleOffset, Math.Min(block - 1, sent[i].SampleOffset + grain - 1));
        }
    }
}

internal static class EngineParameterStorm
{
    public static int NoteOnBudget(int blockSize) => Math.Max(SidemanEngine.MinNoteOnsPerBlock, blockSize / 4);
}
