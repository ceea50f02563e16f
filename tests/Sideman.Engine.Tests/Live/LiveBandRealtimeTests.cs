using Sideman.Engine.Live;
using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Live;

/// <summary>The live band under real-time rules: never waits, never allocates, never goes silent, survives abuse.</summary>
[Collection(ShippedModel.Collection)]
public sealed class LiveBandRealtimeTests
{
    private const int C = 60, E = 64, G = 67;

    [Fact]
    public void A_late_bar_repeats_the_previous_bar_over_the_current_chord_and_is_counted()
    {
        var composer = new ScriptedComposer();
        using var rig = new LiveRig(composer, mode: ProcessMode.Realtime);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        rig.Playing = false;
        rig.Run(2048, 512);
        LiveBandResponseTests.WaitIdle(rig); // bar 0 is ready when play starts
        composer.DelayMs = 400;               // from now on the generator is far too slow
        rig.Playing = true;
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(3 * bar, 512);                // renders faster than real time: bars 1 and 2 cannot be ready

        var kicks = rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).ToList();
        Assert.Equal(12, kicks.Count);        // never silent
        Assert.All(kicks, k => Assert.Equal(ScriptedComposer.VelocityOf(0, 2), k.Velocity)); // bar 0, again and again
        Assert.True(rig.Band.Performer.LateBars >= 2 * 5 - 1, $"late bars counted: {rig.Band.Performer.LateBars}");
        Assert.Equal(0, rig.Band.Performer.OfflineTimeouts);
    }

    [Fact]
    public void Offline_a_slow_generator_is_waited_for_and_every_bar_is_its_own()
    {
        var composer = new ScriptedComposer { DelayMs = 30 };
        using var rig = new LiveRig(composer, mode: ProcessMode.Offline);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Run(4 * bar, 4096);
        var kicks = rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).ToList();
        Assert.Equal(16, kicks.Count);
        for (int b = 0; b < 4; b++)
            Assert.All(kicks.Skip(4 * b).Take(4), k => Assert.Equal(ScriptedComposer.VelocityOf(b, 2), k.Velocity));
        Assert.Equal(0, rig.Band.Performer.LateBars);
    }

    [Fact]
    public void A_failing_part_is_logged_once_repeats_nothing_and_the_rest_of_the_band_plays()
    {
        var composer = new ScriptedComposer { FailPart = BandPart.Keys };
        using var rig = new LiveRig(composer, mode: ProcessMode.Offline);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        var started = DateTime.UtcNow;
        rig.Run(3 * bar, 1024);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "an offline render must not wait out a failed bar");
        Assert.Empty(rig.NotesOn(BandPart.Keys));
        Assert.Equal(12, rig.NotesOn(BandPart.Bass).Count);
        Assert.True(rig.Band.Worker.Failures >= 3);
    }

    [Fact]
    public void Five_minutes_of_band_with_the_model_running_and_parameters_moving_allocate_nothing_on_the_audio_thread()
    {
        using var rig = new LiveRig(new ModelComposer(ShippedModel.Assets), mode: ProcessMode.Realtime, maxBlock: 512, bank: BundledSounds.Bank);
        double spq = rig.SamplesPerQuarter;
        long bar = (long)(4 * spq);
        // A chord every bar, cycling, played a little late; a melody note above now and then.
        int[][] chords = [[C, E, G], [57, C, E], [53, 57, C], [55, 59, 62]];
        long total = (long)(300 * rig.SampleRate);
        for (long b = 0; b * bar < total; b++)
        {
            long at = b * bar + 700;
            rig.Chord(at, at + bar - 2000, chords[b % 4]);
            rig.Note(at + bar / 2, 84, 90);
            rig.Note(at + bar / 2 + 5000, 84, 0);
        }
        // Parameters moving all the time: energy, swing, humanize, sections, a fill, regenerate, a style change.
        var rng = new Random(11);
        for (long s = 0; s < total; s += bar / 3)
        {
            rig.Set(s, EngineParameters.Energy, rng.NextDouble() * 4);
            rig.Set(s + 17, EngineParameters.Swing, rng.Next(0, 100));
            rig.Set(s + 29, EngineParameters.Humanize, rng.Next(0, 100));
            if (rng.Next(6) == 0)
                rig.Set(s + 41, EngineParameters.Section, rng.Next(0, 7));
            if (rng.Next(8) == 0)
            {
                rig.Set(s + 53, EngineParameters.Fill, 1);
                rig.Set(s + 54, EngineParameters.Fill, 0);
            }
            if (rng.Next(12) == 0)
            {
                rig.Set(s + 61, EngineParameters.PartRegenerates[rng.Next(5)], 1);
                rig.Set(s + 62, EngineParameters.PartRegenerates[rng.Next(5)], 0);
            }
        }
        rig.Set(total / 2, EngineParameters.Style, 3);
        rig.Run(8 * bar, 512); // warm-up: JIT, first bars, pools
        rig.KeepOutput = false;
        long notesBefore = rig.OutputNoteOns;
        long before = ThreadAllocation.Start();
        rig.Run(total - rig.Clock, 512);
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
        Assert.True(rig.Band.Worker.BarsWritten > 40, $"the generator ran alongside: {rig.Band.Worker.BarsWritten} bars");
        // The band really played alongside (model 0.2.0 plays about 1,700 notes here, at densities near Groove's drummers).
        Assert.True(rig.OutputNoteOns - notesBefore > 1000, $"the band played: {rig.OutputNoteOns - notesBefore} notes");
    }

    public static TheoryData<double, int, double, int, int> AbsurdHosts => new()
    {
        { 8000, 1, 20, 4, 4 },
        { 384000, 8192, 999, 4, 4 },
        { 44100, 7, 999, 7, 8 },
        { 96000, 8192, 20, 13, 16 },
        { 48000, 333, 137, 1, 1 },
        { 22050, 64, 500, 64, 64 },
        { 48000, 4096, 60, 9, 2 },
    };

    [Theory]
    [MemberData(nameof(AbsurdHosts))]
    public void Absurd_rates_blocks_tempos_and_metres_play_something_finite_and_leave_nothing_hanging(
        double rate, int block, double tempo, int numerator, int denominator)
    {
        using var rig = new LiveRig(new ScriptedComposer(), sampleRate: rate, maxBlock: block, bank: BundledSounds.Bank);
        rig.KeepAudio();
        rig.Tempo = tempo;
        rig.Signature = new TimeSignature(numerator, denominator);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        long length = (long)Math.Min(rate * 3, 3 * rig.Signature.QuarterNotesPerBar * rig.SamplesPerQuarter + block);
        rig.Run(length, block);
        rig.Playing = false;
        rig.Run(block, block);

        Assert.NotEmpty(rig.NotesOn(BandPart.Drums));
        Assert.Equal(0, rig.HangingBandNotes());
        Assert.All(rig.Audio!, bus => Assert.All(bus, channel => Assert.DoesNotContain(channel, x => !float.IsFinite(x))));
    }

    [Fact]
    public void Sixteen_keys_held_and_a_note_storm_give_a_chord_and_a_finite_band()
    {
        using var rig = new LiveRig(new ScriptedComposer(), mode: ProcessMode.Realtime, maxBlock: 128, bank: BundledSounds.Bank);
        rig.KeepAudio();
        long bar = (long)(4 * rig.SamplesPerQuarter);
        for (int k = 0; k < 16; k++)
            rig.Note(100, 40 + k * 3);
        var rng = new Random(3);
        for (int i = 0; i < 5000; i++) // 5000 note events inside one bar, many in single blocks
        {
            long at = bar + rng.Next(0, (int)bar);
            int key = rng.Next(0, 128);
            rig.Note(at, key, rng.Next(0, 2) == 0 ? 0 : rng.Next(1, 128));
        }
        rig.Run(3 * bar, 128);
        Assert.False(rig.Band.Performer.CurrentChord.IsNoChord);
        Assert.All(rig.Audio!, bus => Assert.All(bus, channel => Assert.DoesNotContain(channel, x => !float.IsFinite(x))));
        Assert.NotEmpty(rig.NotesOn(BandPart.Drums));
    }
}
