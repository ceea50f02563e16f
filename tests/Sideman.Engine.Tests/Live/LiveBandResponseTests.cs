using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live;

/// <summary>A chord change is heard in the block its notes arrive in, at their sample.</summary>
public sealed class LiveBandResponseTests
{
    private const int C = 60, E = 64, G = 67, F = 65, A = 69;

    public static TheoryData<int, int> Changes => new()
    {
        { 128, 0 }, { 128, 1 }, { 128, 127 }, { 128, 64 }, { 64, 63 }, { 512, 300 }, { 1, 0 }, { 8192, 4097 }, { 333, 332 },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Keys_and_pad_move_to_a_new_chord_at_the_sample_it_arrives(int block, int offsetInBlock)
    {
        using var rig = new LiveRig(new ScriptedComposer(), mode: ProcessMode.Realtime);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Chord(0, bar / 2, C, E, G);
        // Prepare while stopped so the first bar is ready at once (live mode takes what the generator has).
        rig.Playing = false;
        rig.Run(block * (2048 / block + 1), block);
        WaitIdle(rig);
        rig.Playing = true;
        long start = rig.Clock;
        long change = start + (bar / 2 / block) * block + offsetInBlock; // mid-bar, inside some block
        rig.Chord(change, change + bar, F, A, C + 12);
        rig.Run(bar, block);

        long changeBlockEnd = (change - start) / block * block + start + block;
        foreach (BandPart part in new[] { BandPart.Keys, BandPart.Pad })
        {
            int channel = LiveRig.BandChannelOf(part);
            var at = rig.Output.Where(o => o.Sample == change && o.Event.Channel == channel).Select(o => o.Event).ToList();
            // The C major triad goes off and the F major triad comes on, at exactly the player's sample.
            Assert.Equal(new[] { 0, 4, 7 }, at.Where(e => e.Kind == MidiEventKind.NoteOff).Select(e => e.Key % 12).Order());
            Assert.Equal(new[] { 0, 5, 9 }, at.Where(e => e.Kind == MidiEventKind.NoteOn).Select(e => e.Key % 12).Order());
            Assert.True(change < changeBlockEnd);
        }
        // Every pitched note that starts after the change is a tone of F major.
        foreach (BandPart part in new[] { BandPart.Bass, BandPart.Keys, BandPart.Pad, BandPart.Arp })
        {
            var after = rig.NotesOn(part).Where(n => n.Sample >= change).ToList();
            Assert.NotEmpty(after);
            Assert.All(after, n => Assert.Contains(n.Key % 12, new[] { 5, 9, 0 }));
        }
    }

    [Fact]
    public void A_chord_a_little_late_after_the_bar_line_re_voices_the_bass_note_struck_on_it()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        long bar = (long)(4 * rig.SamplesPerQuarter);
        long late = (long)(0.050 * rig.SampleRate); // 50 ms: inside the default 80 ms grace window
        rig.Chord(0, bar, C, E, G);
        rig.Chord(bar + late, 3 * bar, F, A, C + 12);
        rig.Run(2 * bar, 128);

        int bass = LiveRig.BandChannelOf(BandPart.Bass);
        var onLine = rig.Output.Where(o => o.Sample == bar && o.Event.Channel == bass && o.Event.Kind == MidiEventKind.NoteOn).ToList();
        Assert.Single(onLine);
        Assert.Equal(0, onLine[0].Event.Key % 12); // struck on the bar line over the C still held
        var moved = rig.Output.Where(o => o.Sample == bar + late && o.Event.Channel == bass).Select(o => o.Event).ToList();
        Assert.Contains(moved, e => e.Kind == MidiEventKind.NoteOff && e.Key == onLine[0].Event.Key);
        Assert.Contains(moved, e => e.Kind == MidiEventKind.NoteOn && e.Key % 12 == 5);
    }

    [Fact]
    public void A_chord_outside_the_grace_window_leaves_a_short_bass_note_alone_and_the_next_one_follows()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        long bar = (long)(4 * rig.SamplesPerQuarter);
        long late = (long)(0.300 * rig.SampleRate); // 300 ms: outside the grace window, under a beat before the next note
        rig.Chord(0, bar, C, E, G);
        rig.Chord(bar + late, 3 * bar, F, A, C + 12);
        rig.Run(2 * bar, 128);

        int bass = LiveRig.BandChannelOf(BandPart.Bass);
        Assert.DoesNotContain(rig.Output, o => o.Sample == bar + late && o.Event.Channel == bass);
        var next = rig.NotesOn(BandPart.Bass).First(n => n.Sample > bar + late);
        Assert.Equal(5, next.Key % 12);
        Assert.Equal(bar + (long)rig.SamplesPerQuarter, next.Sample);
    }

    [Fact]
    public void The_next_bar_is_written_for_the_chord_held_at_the_end_of_the_grace_window()
    {
        var composer = new ScriptedComposer();
        using var rig = new LiveRig(composer);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        long late = (long)(0.040 * rig.SampleRate);
        rig.Chord(0, bar, C, E, G);
        rig.Chord(bar + late, 3 * bar, F, A, C + 12); // late for bar 1, yet bar 2 is asked for with F
        rig.Run(2 * bar + 256, 256);

        var bar2 = composer.Calls.Where(c => c.Part == BandPart.Bass && c.Request.Bar == 2).ToList();
        Assert.Single(bar2);
        Assert.Equal(1, bar2[0].Request.ChordCount);
        Assert.Equal(5, bar2[0].Request.Chords[0].Chord.Root);
    }

    [Fact]
    public void Over_no_chord_the_pitched_parts_rest_and_the_drums_play()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(2 * bar, 512);

        Assert.Empty(rig.NotesOn(BandPart.Bass));
        Assert.Empty(rig.NotesOn(BandPart.Keys));
        Assert.Equal(8, rig.NotesOn(BandPart.Drums).Count(n => n.Key == 36));
    }

    internal static void WaitIdle(LiveRig rig)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!rig.Band.Worker.IsIdle && DateTime.UtcNow < deadline)
            Thread.Sleep(2);
        Thread.Sleep(5);
    }
}
