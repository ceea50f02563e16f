using Sideman.Engine.Tests.Live.Support;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Live;

/// <summary>The band follows the host's transport: loops, jumps, tempo and metre changes, stop.</summary>
public sealed class LiveBandTransportTests
{
    private const int C = 60, E = 64, G = 67;

    [Theory]
    [InlineData(128)]
    [InlineData(500)]
    [InlineData(4096)]
    public void A_loop_replays_the_bars_it_played_and_leaves_no_note_hanging_at_the_wrap(int block)
    {
        var composer = new ScriptedComposer();
        using var rig = new LiveRig(composer);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        rig.Cycle = (4, 12); // bars 1 and 2
        rig.Position = 4;
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(6 * bar, block); // three passes

        var kicks = rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).ToList();
        Assert.Equal(24, kicks.Count);
        // Each pass plays bars 1 and 2 again: the same velocities (they carry the bar number) in the same places.
        int[] pass = kicks.Take(8).Select(k => k.Velocity).ToArray();
        Assert.Equal(pass, kicks.Skip(8).Take(8).Select(k => k.Velocity));
        Assert.Equal(pass, kicks.Skip(16).Take(8).Select(k => k.Velocity));
        Assert.Equal(new[] { 1L, 2 }, composer.Calls.Where(c => c.Part == BandPart.Drums && c.Request.Bar < 3).Select(c => c.Request.Bar).Distinct().Order());
        Assert.Equal(2, composer.Calls.Count(c => c.Part == BandPart.Drums && c.Request.Bar is 1 or 2)); // written once, kept after
        // At every wrap, whatever sounded is released before the loop start sounds again.
        AssertNoOverlaps(rig);
    }

    [Fact]
    public void A_jump_re_enters_at_the_right_place_in_the_bar()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(bar + 1000, 256);
        rig.Position = 22.5; // bar 5, half a beat after beat 3
        long jumped = rig.Clock;
        rig.Run(bar, 256);

        var after = rig.NotesOn(BandPart.Drums).Where(n => n.Sample >= jumped && n.Key == 36).ToList();
        // The next kick is on beat 4 of bar 5 (quarter 23): half a beat after the jump.
        Assert.Equal(jumped + (long)Math.Ceiling(0.5 * rig.SamplesPerQuarter - 1e-7), after[0].Sample);
        Assert.Equal(ScriptedComposer.VelocityOf(5, 2), after[0].Velocity);
        Assert.Equal(ScriptedComposer.VelocityOf(6, 2), after[1].Velocity); // then bar 6
        Assert.Equal(1, rig.Engine.TransportJumps);
        AssertNoOverlaps(rig);
    }

    [Fact]
    public void Tempo_changes_keep_every_beat_on_the_hosts_beat()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        var expected = new List<long>();
        double[] tempos = [120, 90, 173.5, 60, 240];
        foreach (double tempo in tempos)
        {
            rig.Tempo = tempo;
            for (int beat = 0; beat < 4; beat++)
                expected.Add(rig.Clock + (long)Math.Ceiling(beat * rig.SamplesPerQuarter - 1e-7));
            rig.Run((long)Math.Round(4 * rig.SamplesPerQuarter), 200);
            rig.Position = Math.Round(rig.Position); // the host's bar line exactly
        }
        var kicks = rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).Select(n => n.Sample).ToList();
        Assert.Equal(expected.Count, kicks.Count);
        for (int i = 0; i < kicks.Count; i++)
            Assert.InRange(kicks[i] - expected[i], -1, 1);
    }

    [Fact]
    public void Metre_changes_start_each_bar_on_the_hosts_bar_line()
    {
        var composer = new ScriptedComposer();
        using var rig = new LiveRig(composer);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        (int N, int D)[] metres = [(4, 4), (3, 4), (6, 8), (5, 4), (7, 8), (4, 4)];
        var barLines = new List<long>();
        foreach (var (n, d) in metres)
        {
            rig.Signature = new TimeSignature(n, d);
            barLines.Add(rig.Clock);
            rig.Run((long)Math.Round(rig.Signature.QuarterNotesPerBar * rig.SamplesPerQuarter), 333);
        }
        var kicks = rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).Select(n => n.Sample).ToList();
        foreach (long line in barLines)
            Assert.Contains(line, kicks); // beat 1 of every bar
        // Each bar was written in its own metre, with as many kicks as beats.
        Assert.Equal(metres.Sum(m => m.N), kicks.Count);
        Assert.Contains(composer.Calls, c => c.Request.Signature == new TimeSignature(7, 8));
    }

    [Fact]
    public void Stop_in_the_middle_of_notes_releases_them_and_start_plays_again()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(bar / 3, 100);
        Assert.True(rig.HangingBandNotes() > 0);
        rig.Playing = false;
        rig.Run(bar, 100);
        Assert.Equal(0, rig.HangingBandNotes());
        int before = rig.Output.Count;
        rig.Playing = true;
        rig.Run(bar, 100);
        Assert.True(rig.Output.Count > before);
    }

    [Fact]
    public void Switching_the_band_off_releases_its_notes_and_silences_it()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(bar / 3, 128);
        rig.Set(rig.Clock, EngineParameters.BandOn, 0);
        rig.Run(128, 128);
        rig.Run(2 * bar, 128);
        Assert.Equal(0, rig.HangingBandNotes());
        Assert.DoesNotContain(rig.Output, o => o.Sample > bar && o.Event.Kind == MidiEventKind.NoteOn && o.Event.Channel != 0);
    }

    [Fact]
    public void An_offline_bounce_is_the_same_whatever_the_block_size()
    {
        // Every output event at its absolute sample (the in-block offset differs with the slicing, of course).
        List<(long, MidiEventKind, short, short, float)> Bounce(int block)
        {
            using var rig = new LiveRig(new ScriptedComposer());
            rig.Preset(EngineParameters.Humanize, 60);
            rig.Preset(EngineParameters.Swing, 40);
            long bar = (long)(4 * rig.SamplesPerQuarter);
            int[][] chords = [[C, E, G], [57, 60, 64], [53, 57, 60], [55, 59, 62]];
            for (int b = 0; b < 6; b++)
                rig.Chord(b * bar + 333 * b, (b + 1) * bar - 77, chords[b % 4]);
            rig.Run(6 * bar, block);
            return rig.Output.Select(o => (o.Sample, o.Event.Kind, o.Event.Channel, o.Event.Key, o.Event.Value)).ToList();
        }
        var reference = Bounce(512);
        Assert.True(reference.Count > 100);
        foreach (int block in new[] { 333, 1, 64, 8192 })
            Assert.Equal(reference, Bounce(block));
    }

    [Fact]
    public void A_host_that_rounds_its_musical_position_to_ticks_bounces_the_same_as_an_exact_one()
    {
        // Ardour 7 sends the position in ticks of 1/1920 quarter (12.5 samples here) and an exact sample position; read
        // naively, most blocks look like a jump of a few samples, the band re-enters its bar and the bounce depends on
        // where the host's blocks fall.
        List<(long, MidiEventKind, short, short, float)> Bounce(int block, int? ticks)
        {
            using var rig = new LiveRig(new ScriptedComposer()) { HostTicksPerQuarter = ticks };
            rig.Preset(EngineParameters.Humanize, 60);
            const int preRoll = 768; // Ardour's export starts this many samples before the song, at a rounded position
            rig.Position = -preRoll / rig.SamplesPerQuarter;
            long bar = (long)(4 * rig.SamplesPerQuarter);
            int[][] chords = [[C, E, G], [57, 60, 64], [53, 57, 60], [55, 59, 62]];
            for (int b = 0; b < 4; b++)
                rig.Chord(preRoll + b * bar + 333 * b, preRoll + (b + 1) * bar - 77, chords[b]);
            rig.Run(preRoll + 4 * bar, block);
            Assert.Equal(0, rig.Engine.TransportJumps);
            return rig.Output.Select(o => (o.Sample, o.Event.Kind, o.Event.Channel, o.Event.Key, o.Event.Value)).ToList();
        }
        var exact = Bounce(512, null);
        Assert.True(exact.Count > 60);
        foreach (int block in new[] { 768, 1000, 333 })
            Assert.Equal(exact, Bounce(block, 1920));
    }

    [Fact]
    public void A_bounce_sounds_the_same_from_the_songs_start_whatever_pre_roll_the_host_ran_before_it()
    {
        // Ardour's export pre-roll is 768 samples, now and then 752: the chorus once kept time from activation, so the
        // whole bounce differed slightly (-76 dBFS) from the first chorused note on.
        float[] Bounce(int preRoll)
        {
            using var rig = new LiveRig(new ScriptedComposer(), bank: BundledSounds.Bank);
            foreach (BandPart part in new[] { BandPart.Keys, BandPart.Pad })
                rig.Preset(EngineParameters.PartChorusSends[(int)part], 80);
            rig.Preset(EngineParameters.ChorusReturn, 100);
            rig.KeepAudio();
            rig.Playing = false;
            rig.Run(3 * 1024 + preRoll % 7, 1024); // stopped blocks before the export, as many as the host likes
            rig.Playing = true;
            rig.Position = -preRoll / rig.SamplesPerQuarter;
            long start = rig.Clock + preRoll, bar = (long)(4 * rig.SamplesPerQuarter);
            rig.Chord(start, start + 2 * bar, C, E, G);
            rig.Run(preRoll + 2 * bar, 1024);
            return rig.Audio![0][0].Skip((int)start).ToArray();
        }
        float[] reference = Bounce(768);
        Assert.Contains(reference, x => Math.Abs(x) > 0.01f);
        Assert.Equal(reference, Bounce(752));
    }

    /// <summary>No key of a band channel is struck again while it still sounds (every note-on has had its note-off).</summary>
    internal static void AssertNoOverlaps(LiveRig rig)
    {
        var sounding = new HashSet<(int, int)>();
        foreach (var (sample, e) in rig.Output)
        {
            if (e.Channel == 0)
                continue;
            if (e.Kind == MidiEventKind.NoteOn)
                Assert.True(sounding.Add((e.Channel, e.Key)), $"channel {e.Channel + 1} key {e.Key} struck again at {sample} while sounding");
            else if (e.Kind == MidiEventKind.NoteOff)
                sounding.Remove((e.Channel, e.Key));
        }
    }
}
