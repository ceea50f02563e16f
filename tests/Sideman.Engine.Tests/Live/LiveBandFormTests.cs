using Sideman.Engine.Live;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live;

/// <summary>What the band is asked to write: energy, sections, fills, intro, ending, takes, locks, the chart.</summary>
public sealed class LiveBandFormTests
{
    private const int C = 60, E = 64, G = 67;

    private static (LiveRig Rig, ScriptedComposer Composer, long Bar) Start()
    {
        var composer = new ScriptedComposer();
        var rig = new LiveRig(composer);
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        return (rig, composer, (long)(4 * rig.SamplesPerQuarter));
    }

    private static List<int> KickVelocitiesOfBar(LiveRig rig, long bar, long barSamples) =>
        rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36 && n.Sample >= bar * barSamples && n.Sample < (bar + 1) * barSamples)
            .Select(n => n.Velocity).ToList();

    [Fact]
    public void An_energy_change_is_heard_from_the_next_bar()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Set(bar + bar / 2, EngineParameters.Energy, 4); // in the middle of bar 1
        rig.Run(4 * bar, 256);

        Assert.All(KickVelocitiesOfBar(rig, 1, bar), v => Assert.Equal(ScriptedComposer.VelocityOf(1, 2), v));
        Assert.All(KickVelocitiesOfBar(rig, 2, bar), v => Assert.Equal(ScriptedComposer.VelocityOf(2, 4), v));
        // Bar 2 had been written for energy 2 already (lookahead): it was written again.
        Assert.Equal(new[] { 2, 4 }, composer.Calls.Where(c => c.Part == BandPart.Drums && c.Request.Bar == 2).Select(c => c.Request.Energy));
    }

    [Fact]
    public void Energy_follows_the_continuous_parameter_rounded_to_the_models_levels()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.Energy, 3.4);
        rig.Run(2 * bar, 512);
        Assert.All(composer.Calls, c => Assert.Equal(3, c.Request.Energy));
    }

    [Fact]
    public void A_section_change_plays_a_fill_bar_first_then_the_new_section()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Set(bar + 1000, EngineParameters.Section, 1); // Chorus, during bar 1
        rig.Run(5 * bar, 256);

        SectionKind Latest(long b) => composer.Calls.Last(c => c.Part == BandPart.Bass && c.Request.Bar == b).Request.Section;
        Assert.Equal(SectionKind.Verse, Latest(1));
        Assert.Equal(SectionKind.Fill, Latest(2));
        Assert.Equal(SectionKind.Chorus, Latest(3));
        Assert.Equal(SectionKind.Chorus, Latest(4));
    }

    [Fact]
    public void Without_auto_fill_the_new_section_starts_on_the_next_bar()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.AutoFill, 0);
        rig.Set(bar + 1000, EngineParameters.Section, 3); // Bridge
        rig.Run(3 * bar, 256);
        Assert.Equal(SectionKind.Bridge, composer.Calls.Last(c => c.Request.Bar == 2).Request.Section);
    }

    [Fact]
    public void The_fill_trigger_and_the_keyswitch_make_the_next_bar_a_fill()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Set(bar + 500, EngineParameters.Fill, 1);
        rig.Set(2 * bar + 500, EngineParameters.Fill, 0);
        rig.Preset(EngineParameters.KeyswitchOctave, 2); // C0 = MIDI 12
        rig.Note(3 * bar + 500, 12 + 9); // A0: fill
        rig.Note(3 * bar + 600, 12 + 9, 0);
        rig.Run(6 * bar, 256);

        SectionKind Latest(long b) => composer.Calls.Last(c => c.Part == BandPart.Drums && c.Request.Bar == b).Request.Section;
        Assert.Equal(SectionKind.Fill, Latest(2));
        Assert.Equal(SectionKind.Verse, Latest(3));
        Assert.Equal(SectionKind.Fill, Latest(4));
        Assert.Equal(SectionKind.Verse, Latest(5));
        // The keyswitch steers the band and is not heard or passed on.
        Assert.DoesNotContain(rig.Output, o => o.Event.Key == 21 && o.Event.Channel == 0);
    }

    [Fact]
    public void Intro_bars_open_the_song_when_the_transport_starts()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.Intro, 1);
        rig.Run(4 * bar, 512);
        SectionKind Latest(long b) => composer.Calls.Last(c => c.Request.Bar == b).Request.Section;
        Assert.Equal(SectionKind.Intro, Latest(0));
        Assert.Equal(SectionKind.Intro, Latest(1));
        Assert.Equal(SectionKind.Verse, Latest(2));
    }

    [Fact]
    public void The_ending_plays_an_outro_bar_and_then_the_band_rests()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Set(bar + 100, EngineParameters.Ending, 1);
        rig.Run(5 * bar, 256);
        Assert.Equal(SectionKind.Outro, composer.Calls.Last(c => c.Request.Bar == 2).Request.Section);
        Assert.NotEmpty(KickVelocitiesOfBar(rig, 2, bar));
        Assert.Empty(KickVelocitiesOfBar(rig, 3, bar));
        Assert.Empty(KickVelocitiesOfBar(rig, 4, bar));
        Assert.Equal(0, rig.HangingBandNotes());
    }

    [Fact]
    public void Regenerate_asks_for_a_new_take_of_that_part_only()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        // A click shorter than a block, after bar 2 was asked for: bar 2 is asked for again, as a new take.
        rig.Set(bar + bar / 2 + 100, EngineParameters.BassRegenerate, 1);
        rig.Set(bar + bar / 2 + 110, EngineParameters.BassRegenerate, 0);
        rig.Run(3 * bar, 256);
        var bass2 = composer.Calls.Where(c => c.Part == BandPart.Bass && c.Request.Bar == 2).ToList();
        Assert.Equal(new[] { 0, 1 }, bass2.Select(c => c.Request.Takes[(int)BandPart.Bass]));
        Assert.Single(composer.Calls, c => c.Part == BandPart.Drums && c.Request.Bar == 2);
    }

    [Fact]
    public void A_locked_part_keeps_its_bars_and_is_not_written_again()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.DrumsLock, 1);
        rig.Cycle = (0, 8);
        rig.Run(2 * bar, 256); // first pass: drums have no bars to keep, so they rest
        Assert.Empty(rig.NotesOn(BandPart.Drums));
        rig.Set(rig.Clock, EngineParameters.DrumsLock, 0);
        rig.Run(2 * bar, 256); // written now
        rig.Set(rig.Clock, EngineParameters.DrumsLock, 1);
        rig.Set(rig.Clock, EngineParameters.Energy, 4); // would rewrite every part...
        LiveBandResponseTests.WaitIdle(rig);           // (requests for bars ahead may still be on their way)
        int before = composer.Calls.Count(c => c.Part == BandPart.Drums);
        rig.Run(4 * bar, 256);
        Assert.Equal(before, composer.Calls.Count(c => c.Part == BandPart.Drums)); // ...but the locked drums
        var lastPass = rig.NotesOn(BandPart.Drums).Where(n => n.Sample >= 6 * bar && n.Key == 36).Select(n => n.Velocity);
        Assert.All(lastPass, v => Assert.InRange(v, ScriptedComposer.VelocityOf(0, 2), ScriptedComposer.VelocityOf(1, 2)));
    }

    [Fact]
    public void A_part_switched_off_stops_at_once_and_is_not_written()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Run(bar + bar / 4, 256);
        rig.Set(rig.Clock, EngineParameters.PadPlay, 0);
        rig.Run(3 * bar, 256);
        Assert.DoesNotContain(rig.NotesOn(BandPart.Pad), n => n.Sample > bar + bar / 4);
        Assert.DoesNotContain(composer.Calls, c => c.Part == BandPart.Pad && c.Request.Bar >= 3);
        Assert.False(rig.Hanging().ContainsKey(LiveRig.BandChannelOf(BandPart.Pad)));
    }

    [Fact]
    public void In_chart_mode_the_band_plays_the_chart_in_sync_with_the_bars_and_loops_it()
    {
        var composer = new ScriptedComposer();
        using var rig = new LiveRig(composer);
        rig.Preset(EngineParameters.ChordSource, LiveBandChoices.Chart); // a full settings snapshot: set the chart after it
        Assert.True(rig.Engine.SetChart("C | Am | F G7", out string? problem), problem);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Chord(0, 8 * bar, 62, 66, 69); // the player's D major is not followed in chart mode
        rig.Run(6 * bar, 300);

        int[][] expectedRoots = [[0], [9], [5, 7], [0], [9], [5, 7]];
        for (int b = 0; b < 6; b++)
        {
            var bass = rig.NotesOn(BandPart.Bass).Where(n => n.Sample >= b * bar && n.Sample < (b + 1) * bar).ToList();
            Assert.Equal(4, bass.Count);
            int[] roots = expectedRoots[b];
            Assert.Equal(roots[0], bass[0].Key % 12);
            Assert.Equal(roots[^1], bass[3].Key % 12); // G7 from beat 3 of the third bar
        }
        var bar2 = composer.Calls.Last(c => c.Part == BandPart.Keys && c.Request.Bar == 2).Request;
        Assert.Equal(2, bar2.ChordCount);
        Assert.Equal(new BarChord(48, ChordSymbol.NoChord) with { Chord = new ChordSymbol(7, ChordQuality.Dominant7) }, bar2.Chords[1]);
        Assert.Equal(0, bar2.KeyTonic);
    }

    [Fact]
    public void A_bad_chart_is_refused_with_its_reason_and_the_previous_chart_stays()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        Assert.True(rig.Engine.SetChart("Dm7 | G7", out _));
        Assert.False(rig.Engine.SetChart("Dm7 | Xq9 | C", out string? problem));
        Assert.Contains("bar 2", problem);
        Assert.Contains("Xq9", problem);
        Assert.Equal("Dm7 | G7", rig.Engine.Chart!.Text);
        Assert.False(rig.Engine.SetChart("   ", out _) && rig.Engine.Chart is not null);
        Assert.Null(rig.Engine.Chart);
        Assert.False(rig.Engine.SetChart(new string('|', 100), out problem));
        Assert.Contains("no bars", problem);
    }
}
