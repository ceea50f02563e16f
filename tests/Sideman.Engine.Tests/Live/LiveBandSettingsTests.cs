using Sideman.Engine.Live;
using Sideman.Engine.Parameters;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live;

/// <summary>The band's playing parameters do what they say: swing, octave, split, lookahead, dynamics, surprise.</summary>
public sealed class LiveBandSettingsTests
{
    private const int C = 60, E = 64, G = 67;

    private static (LiveRig Rig, ScriptedComposer Composer, long Bar) Start()
    {
        var composer = new ScriptedComposer();
        var rig = new LiveRig(composer);
        return (rig, composer, (long)(4 * rig.SamplesPerQuarter));
    }

    [Fact]
    public void Full_swing_moves_the_offbeat_eighths_to_the_triplet()
    {
        var (rig, _, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.Swing, 100);
        rig.Chord(0, 4 * bar, C, E, G);
        rig.Run(2 * bar, 256);
        double eighth = rig.SamplesPerQuarter / 2;
        // The arp plays eighths: on the beat unchanged, off the beat two thirds of a beat in.
        var arp = rig.NotesOn(BandPart.Arp).Where(n => n.Sample >= bar).Select(n => n.Sample - bar).ToList();
        Assert.Equal(8, arp.Count);
        for (int i = 0; i < 8; i++)
        {
            double expected = i / 2 * rig.SamplesPerQuarter + (i % 2 == 1 ? 2 * rig.SamplesPerQuarter / 3 : 0);
            Assert.InRange(arp[i], (long)expected - 1, (long)expected + 1);
        }
        Assert.NotEqual((long)eighth, arp[1]);
    }

    [Fact]
    public void An_octave_shift_moves_the_part_by_twelve_keys()
    {
        List<int> Bass(int octave)
        {
            var (rig, _, bar) = Start();
            using var _ = rig;
            rig.Preset(EngineParameters.BassOctave, octave);
            rig.Chord(0, 4 * bar, C, E, G);
            rig.Run(2 * bar, 256);
            return rig.NotesOn(BandPart.Bass).Select(n => n.Key).ToList();
        }
        List<int> plain = Bass(0), up = Bass(1);
        Assert.Equal(plain.Select(k => k + 12), up);
    }

    [Fact]
    public void Notes_from_the_split_key_up_are_melody_not_chords()
    {
        var (rig, _, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.SplitKey, 72); // C5 and up: the melody hand
        rig.Chord(0, 4 * bar, C, E, G);
        rig.Note(bar / 2, 74); // D5 in the melody: the chord stays C
        rig.Note(bar / 2 + 100, 78); // F#5
        rig.Run(2 * bar, 256);
        Assert.Equal(new Music.Patterns.ChordSymbol(0, Music.Patterns.ChordQuality.Major), rig.Band.Performer.CurrentChord);
        Assert.All(rig.NotesOn(BandPart.Bass), n => Assert.Equal(0, n.Key % 12));
    }

    [Fact]
    public void Lookahead_asks_for_that_many_bars_ahead()
    {
        var (rig, composer, bar) = Start();
        using var _ = rig;
        rig.Preset(EngineParameters.Lookahead, 3);
        rig.Chord(0, 4 * bar, C, E, G);
        rig.Run(bar / 2, 256);
        LiveBandResponseTests.WaitIdle(rig);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, composer.Calls.Where(c => c.Part == BandPart.Drums).Select(c => c.Request.Bar).Order());
    }

    [Fact]
    public void Following_the_players_dynamics_pushes_the_energy()
    {
        int EnergyAsked(int velocity, double follow)
        {
            var (rig, composer, bar) = Start();
            using var _ = rig;
            rig.Preset(EngineParameters.FollowDynamics, follow);
            for (long t = 0; t < 3 * bar; t += bar / 8) // sixteen notes a bar
            {
                rig.Note(t, C + (int)(t / (bar / 8) % 3) * 4, velocity);
                rig.Note(t + bar / 16, C + (int)(t / (bar / 8) % 3) * 4, 0);
            }
            rig.Run(3 * bar, 256);
            return composer.Calls.Where(c => c.Part == BandPart.Drums).MaxBy(c => c.Request.Bar).Request.Energy;
        }
        Assert.Equal(2, EnergyAsked(127, follow: 0));
        Assert.True(EnergyAsked(127, follow: 100) > 2, "hard, busy playing raises the energy");
        Assert.True(EnergyAsked(20, follow: 100) < EnergyAsked(127, follow: 100));
    }

    [Fact]
    public void Surprise_sets_the_temperature_from_half_to_one_and_a_half()
    {
        float Temperature(double surprise)
        {
            var (rig, composer, bar) = Start();
            using var _ = rig;
            rig.Preset(EngineParameters.Surprise, surprise);
            rig.Run(bar / 2, 256);
            return composer.Calls.First().Request.Temperature;
        }
        Assert.Equal(0.5f, Temperature(0));
        Assert.Equal(1.0f, Temperature(50));
        Assert.Equal(1.5f, Temperature(100));
    }

    /// <summary>List parameters save their step, so the items' order is forever (append, never insert).</summary>
    [Fact]
    public void The_band_lists_keep_their_steps()
    {
        Assert.Equal(["Follow", "Chart"], ((ListScale)EngineParameters.ChordSource.Scale).Names);
        Assert.Equal(["Verse", "Chorus", "Pre-Chorus", "Bridge", "Solo", "Intro", "Outro"], ((ListScale)EngineParameters.Section.Scale).Names);
        Assert.Equal(["Off", "C-1", "C0", "C1", "C2", "C7", "C8"], ((ListScale)EngineParameters.KeyswitchOctave.Scale).Names);
        Assert.Equal(Music.Patterns.SectionKind.Chorus, LiveBandChoices.SectionAt(1));
        Assert.Equal(12, LiveBandChoices.KeyswitchLowKey(2));
    }

    [Theory]
    [InlineData("Off", 128)]
    [InlineData("C4", 60)]
    [InlineData("c-1", 0)]
    [InlineData("G9", 127)]
    [InlineData("F#3", 54)]
    [InlineData("Bb2", 46)]
    [InlineData("61", 61)]
    public void The_split_key_reads_and_shows_note_names(string text, int key)
    {
        ParameterDefinition split = EngineParameters.SplitKey;
        Assert.True(split.Scale.TryParse(text, out double plain));
        Assert.Equal(key, plain);
        Assert.True(split.Scale.TryParse(split.FormatPlain(plain), out double again));
        Assert.Equal(plain, again);
    }

    [Theory]
    [InlineData("H4")]
    [InlineData("C10")]
    [InlineData("129")]
    [InlineData("")]
    [InlineData("C#")]
    public void The_split_key_refuses_what_is_not_a_key(string text) => Assert.False(EngineParameters.SplitKey.Scale.TryParse(text, out _));
}
