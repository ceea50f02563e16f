using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using static Sideman.Synth.Tests.Support.SyntheticBank;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>Envelopes, attenuation, velocity, pan, filter and LFOs against values worked out from the spec.</summary>
public sealed class VoiceShapeTests
{
    private static readonly (short[] Points, SampleHeader Header) Tone = Sine("tone", 100, 40, 60);

    private static PartSynth Part(params Generator[] gens) => Part(AttenuationMode.Spec, gens);

    private static PartSynth Part(AttenuationMode mode, params Generator[] gens) =>
        Renderer.DryPart(ToBank(Single(Tone.Points, Tone.Header, gens.Prepend(Gen(GeneratorType.SampleModes, 1)).ToArray())),
            0, 0, 48_000, new PartSynthOptions { AttenuationMode = mode });

    private static double RmsDb(float[] x, int centre, int width = 960) =>
        Analysis.Db(Analysis.Rms(x.AsSpan(centre - width / 2, width)));

    [Fact]
    public void Attack_rises_linearly_in_amplitude()
    {
        var (left, _) = Renderer.Note(Part(Gen(GeneratorType.AttackVolEnv, 0)), 60, 127, 96_000, 96_000);   // 1 s attack
        double quarter = Analysis.Rms(left.AsSpan(12_000 - 480, 960));
        double half = Analysis.Rms(left.AsSpan(24_000 - 480, 960));
        double full = Analysis.Rms(left.AsSpan(72_000 - 480, 960));
        Assert.InRange(half / quarter, 1.95, 2.05);
        Assert.InRange(half / full, 0.48, 0.52);
    }

    [Theory]
    [InlineData(48_000)]
    [InlineData(96_000)]
    [InlineData(192_000)]
    public void The_default_delay_means_none_so_a_note_sounds_from_its_first_sample(int rate)
    {
        // The region leaves delayVolEnv at its default, -12000 tc (the spec's "about 1 ms").
        var bank = ToBank(Single(Tone.Points, Tone.Header, Gen(GeneratorType.SampleModes, 1)));
        var (left, _) = Renderer.Note(Renderer.DryPart(bank, 0, 0, rate), 60, 127, rate / 10, rate / 10, 64);
        int first = Array.FindIndex(left, x => x != 0f);
        Assert.InRange(first, 1, 2);   // sample 0 is the attack's 0; the ramp is under way at once
    }

    [Fact]
    public void An_explicit_delay_holds_the_note_silent_for_that_long()
    {
        // -3986 tc = 2^(-3986/1200) s = 100 ms.
        var (left, _) = Renderer.Note(Part(Gen(GeneratorType.DelayVolEnv, -3986)), 60, 127, 48_000, 48_000, 64);
        int first = Array.FindIndex(left, x => x != 0f);
        Assert.InRange(first, 4_800 - 64, 4_800 + 64);   // within one control block of 100 ms
    }

    [Fact]
    public void Hold_then_decay_in_decibels_to_the_sustain_level()
    {
        // Hold 0.5 s, decay 1 s per 100 dB, sustain 40 dB down.
        var (left, _) = Renderer.Note(Part(Gen(GeneratorType.HoldVolEnv, -1200), Gen(GeneratorType.DecayVolEnv, 0),
            Gen(GeneratorType.SustainVolEnv, 400)), 60, 127, 96_000, 96_000);
        double top = RmsDb(left, 12_000);
        Assert.InRange(RmsDb(left, 22_000) - top, -0.3, 0.3);            // still holding
        Assert.InRange(RmsDb(left, 24_000 + 9_600) - top, -21, -19);      // 0.2 s into decay: -20 dB
        Assert.InRange(RmsDb(left, 24_000 + 38_400) - top, -40.5, -39.5); // at sustain
        Assert.InRange(RmsDb(left, 90_000) - top, -40.5, -39.5);
    }

    [Fact]
    public void Key_number_shortens_the_decay_for_higher_keys()
    {
        // keynumToVolEnvDecay 100 tc/key: key 72 decays 2^-1 = half as long as key 60.
        var gens = new[] { Gen(GeneratorType.DecayVolEnv, 0), Gen(GeneratorType.SustainVolEnv, 1000), Gen(GeneratorType.KeynumToVolEnvDecay, 100) };
        var (low, _) = Renderer.Note(Part(gens), 60, 127, 48_000, 48_000);
        var (high, _) = Renderer.Note(Part(gens), 72, 127, 48_000, 48_000);
        // Over 0.1 s of decay key 60 falls 10 dB, key 72 falls 20 dB.
        Assert.InRange(RmsDb(low, 7_200, 480) - RmsDb(low, 2_400, 480), -10.3, -9.7);
        Assert.InRange(RmsDb(high, 7_200, 480) - RmsDb(high, 2_400, 480), -20.3, -19.7);
    }

    [Fact]
    public void Release_falls_from_the_current_level_in_decibels()
    {
        var (left, _) = Renderer.Note(Part(Gen(GeneratorType.ReleaseVolEnv, 0)), 60, 127, 24_000, 96_000);   // 1 s per 100 dB
        double held = RmsDb(left, 20_000);
        Assert.InRange(RmsDb(left, 24_000 + 4_800) - held, -11, -9);
        Assert.InRange(RmsDb(left, 24_000 + 24_000) - held, -51, -49);
    }

    [Fact]
    public void Initial_attenuation_is_centibels_by_the_spec_and_0_4_cB_in_emu_mode()
    {
        var (plain, _) = Renderer.Note(Part(), 60, 127, 24_000, 24_000);
        var (spec, _) = Renderer.Note(Part(AttenuationMode.Spec, Gen(GeneratorType.InitialAttenuation, 200)), 60, 127, 24_000, 24_000);
        var (emu, _) = Renderer.Note(Part(AttenuationMode.Emu, Gen(GeneratorType.InitialAttenuation, 200)), 60, 127, 24_000, 24_000);
        double reference = RmsDb(plain, 12_000);
        Assert.InRange(RmsDb(spec, 12_000) - reference, -20.1, -19.9);
        Assert.InRange(RmsDb(emu, 12_000) - reference, -8.1, -7.9);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(100)]
    [InlineData(64)]
    [InlineData(32)]
    [InlineData(1)]
    public void Velocity_follows_the_default_concave_curve(int velocity)
    {
        // 960 cB of concave curve: 40·log10((v+1)/128) dB, i.e. 0 dB at 127, about -11.8 dB at 64.
        double expectedDb = 40 * Math.Log10((velocity + 1) / 128.0);
        var (loud, _) = Renderer.Note(Part(), 60, 127, 24_000, 24_000);
        var (soft, _) = Renderer.Note(Part(), 60, velocity, 24_000, 24_000);
        Assert.InRange(RmsDb(soft, 12_000) - RmsDb(loud, 12_000), expectedDb - 0.1, expectedDb + 0.1);
    }

    [Fact]
    public void Volume_and_expression_controllers_attenuate_on_the_same_curve()
    {
        var part = Part();
        var (left, _) = Renderer.Script(part, 48_000, 128, (e, at) =>
        {
            if (at == 0) e.NoteOn(0, 60, 127);
            if (at == 16_000) e.ControlChange(7, 127);
            if (at == 32_000) e.ControlChange(11, 64);
        });
        // CC7 starts at 100 (-4.13 dB), goes to 127 (0 dB); then expression 64 adds -11.8 dB.
        Assert.InRange(RmsDb(left, 24_000) - RmsDb(left, 8_000), 4.03, 4.23);
        Assert.InRange(RmsDb(left, 40_000) - RmsDb(left, 24_000), -11.9, -11.7);
    }

    [Fact]
    public void Pan_generator_and_pan_controller_place_the_voice()
    {
        var (l1, r1) = Renderer.Note(Part(Gen(GeneratorType.Pan, -500)), 60, 127, 24_000, 24_000);
        Assert.True(Analysis.Rms(l1.AsSpan(10_000, 1_000)) > 0.05);
        Assert.True(Analysis.Rms(r1.AsSpan(10_000, 1_000)) < 1e-6);

        var (l2, r2) = Renderer.Note(Part(), 60, 127, 24_000, 24_000);
        Assert.InRange(Analysis.Rms(l2.AsSpan(10_000, 1_000)) / Analysis.Rms(r2.AsSpan(10_000, 1_000)), 0.999, 1.001);

        // CC 10 = 0 is hard left; 127 is as far right as the bipolar mapping reaches (492/500).
        var (l3, r3) = Renderer.Script(Part(), 24_000, 128, (e, at) =>
        {
            if (at == 0) { e.ControlChange(10, 0); e.NoteOn(0, 60, 127); }
        });
        Assert.True(Analysis.Rms(l3.AsSpan(10_000, 1_000)) > 0.05);
        Assert.Equal(0.0, Analysis.PeakAbs(r3.AsSpan(10_000, 1_000)));
        var (l4, r4) = Renderer.Script(Part(), 24_000, 128, (e, at) =>
        {
            if (at == 0) { e.ControlChange(10, 127); e.NoteOn(0, 60, 127); }
        });
        Assert.InRange(Analysis.Db(Analysis.Rms(l4.AsSpan(10_000, 1_000)) / Analysis.Rms(r4.AsSpan(10_000, 1_000))), -39, -37);
    }

    [Fact]
    public void Low_pass_attenuates_above_the_cutoff_by_12_dB_per_octave()
    {
        // Tone at 960 Hz (key 72); cutoff 240 Hz = 2 octaves below → about -24 dB.
        double cutoffCents = 1200 * Math.Log2(240 / SoundFontMath.AbsoluteCentsBaseHz);
        var (open, _) = Renderer.Note(Part(), 72, 127, 24_000, 24_000);
        var (closed, _) = Renderer.Note(Part(Gen(GeneratorType.InitialFilterFc, (int)Math.Round(cutoffCents))), 72, 127, 24_000, 24_000);
        Assert.InRange(RmsDb(closed, 12_000) - RmsDb(open, 12_000), -25, -23);
    }

    [Fact]
    public void Resonance_raises_the_peak_by_Q_over_the_dc_gain_which_drops_by_half_Q()
    {
        // Cutoff exactly at the 480 Hz tone, Q = 200 cB: peak 20 dB over DC (less the 3 dB of the
        // Butterworth base), DC gain -10 dB: net ≈ +7 dB against the unfiltered tone.
        double cutoffCents = 1200 * Math.Log2(480 / SoundFontMath.AbsoluteCentsBaseHz);
        var (open, _) = Renderer.Note(Part(), 60, 127, 24_000, 24_000);
        var (flat, _) = Renderer.Note(Part(Gen(GeneratorType.InitialFilterFc, (int)Math.Round(cutoffCents))), 60, 127, 24_000, 24_000);
        var (peaky, _) = Renderer.Note(Part(Gen(GeneratorType.InitialFilterFc, (int)Math.Round(cutoffCents)),
            Gen(GeneratorType.InitialFilterQ, 200)), 60, 127, 24_000, 24_000);
        Assert.InRange(RmsDb(flat, 12_000) - RmsDb(open, 12_000), -3.5, -2.5);      // Butterworth: -3 dB at cutoff
        Assert.InRange(RmsDb(peaky, 12_000) - RmsDb(open, 12_000), 6, 8);
    }

    [Fact]
    public void Modulation_envelope_sweeps_the_cutoff()
    {
        // Cutoff starts 4 octaves below the tone and the mod envelope opens it by 4 octaves over 0.5 s.
        double cutoffCents = 1200 * Math.Log2(60 / SoundFontMath.AbsoluteCentsBaseHz);
        var part = Part(Gen(GeneratorType.InitialFilterFc, (int)cutoffCents), Gen(GeneratorType.ModEnvToFilterFc, 4800),
            Gen(GeneratorType.AttackModEnv, -1200));
        var (left, _) = Renderer.Note(part, 60, 127, 48_000, 48_000);
        double early = RmsDb(left, 1_500), late = RmsDb(left, 40_000);
        Assert.True(late - early > 30, $"the cutoff sweep raised the level only {late - early:F1} dB");
    }

    [Fact]
    public void Vibrato_lfo_swings_the_pitch_by_its_depth()
    {
        // 100 cents of vibrato at ~4 Hz (freq -1200 cents... use 2.5 Hz: 8.176·2^(-1.71)).
        double lfoCents = 1200 * Math.Log2(2.5 / SoundFontMath.AbsoluteCentsBaseHz);
        var part = Part(Gen(GeneratorType.VibLfoToPitch, 100), Gen(GeneratorType.FreqVibLfo, (int)Math.Round(lfoCents)));
        var (left, _) = Renderer.Note(part, 60, 127, 96_000, 96_000);
        // At 0.1 s (quarter cycle) the pitch is +100 cents; at 0.3 s (three quarters) -100 cents.
        Assert.InRange(Analysis.Cents(Analysis.ZeroCrossingFrequency(left.AsSpan(4_800 - 600, 1_200), 48_000), 480), 90, 101);
        Assert.InRange(Analysis.Cents(Analysis.ZeroCrossingFrequency(left.AsSpan(14_400 - 600, 1_200), 48_000), 480), -101, -90);
    }

    [Fact]
    public void Modulation_lfo_to_volume_makes_a_tremolo()
    {
        double lfoCents = 1200 * Math.Log2(2.5 / SoundFontMath.AbsoluteCentsBaseHz);
        var part = Part(Gen(GeneratorType.ModLfoToVolume, 60), Gen(GeneratorType.FreqModLfo, (int)Math.Round(lfoCents)),
            Gen(GeneratorType.InitialAttenuation, 100));
        var (left, _) = Renderer.Note(part, 60, 127, 96_000, 96_000);
        // ±6 dB around the -10 dB base: peak at 0.1 s, trough at 0.3 s.
        Assert.InRange(RmsDb(left, 4_800) - RmsDb(left, 14_400), 11, 13);
    }

    [Fact]
    public void Modulation_lfo_delay_keeps_it_still_at_first()
    {
        double lfoCents = 1200 * Math.Log2(5 / SoundFontMath.AbsoluteCentsBaseHz);
        var part = Part(Gen(GeneratorType.ModLfoToPitch, 200), Gen(GeneratorType.FreqModLfo, (int)Math.Round(lfoCents)),
            Gen(GeneratorType.DelayModLfo, 0));   // 1 s delay
        var (left, _) = Renderer.Note(part, 60, 127, 96_000, 96_000);
        Assert.InRange(Analysis.Cents(Analysis.ZeroCrossingFrequency(left.AsSpan(10_000, 30_000), 48_000), 480), -1.5, 1.5);
        // A quarter cycle after the delay the pitch peaks at +200 cents (the 25 ms window averages it to ~175).
        Assert.InRange(Analysis.Cents(Analysis.ZeroCrossingFrequency(left.AsSpan(48_000 + 2_400 - 600, 1_200), 48_000), 480), 165, 190);
    }

    [Fact]
    public void Modulation_envelope_bends_the_pitch()
    {
        // Mod env to pitch +1200 cents, instant attack, full sustain: the note sounds an octave up.
        var part = Part(Gen(GeneratorType.ModEnvToPitch, 1200), Gen(GeneratorType.SustainModEnv, 0));
        var (left, _) = Renderer.Note(part, 60, 127, 24_000, 24_000);
        Assert.InRange(Analysis.Cents(Analysis.ZeroCrossingFrequency(left.AsSpan(4_800, 9_600), 48_000), 960), -1.5, 1.5);
    }
}
