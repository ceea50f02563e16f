using Sideman.Synth.Basic;

namespace Sideman.Synth.Tests.Basic;

public class BasicSynthTests
{
    private const double Rate = 48000;

    [Theory]
    [InlineData(33)]
    [InlineData(57)]
    [InlineData(69)]
    [InlineData(81)]
    public void Notes_play_at_equal_tempered_pitch(int key)
    {
        var synth = new BasicSynth(Rate);
        float[] x = SynthProbe.Render(synth, 48000, (0, s => s.NoteOn(key, 1f)));
        double expected = 440 * Math.Pow(2, (key - 69) / 12.0);
        // The two saws sit at 0 and +5 cents: the sum's fundamental is ~2.5 cents above the key.
        double measured = Spectrum.PeakFrequency(Spectrum.Power(x.AsSpan(8000, 32768)), Rate, expected * 0.9, expected * 1.1);
        Assert.InRange(measured / expected, Math.Pow(2, -1 / 1200.0), Math.Pow(2, 6 / 1200.0));
    }

    [Fact]
    public void Pitch_bend_moves_by_the_requested_semitones()
    {
        var synth = new BasicSynth(Rate);
        float[] x = SynthProbe.Render(synth, 48000, (0, s => s.NoteOn(57, 1f)), (100, s => s.SetPitchBend(2)));
        double bent = Spectrum.PeakFrequency(Spectrum.Power(x.AsSpan(8000, 32768)), Rate, 200, 300);
        Assert.InRange(bent / (220 * Math.Pow(2, 2 / 12.0)), 0.998, 1.005);
    }

    [Fact]
    public void Mod_wheel_adds_vibrato()
    {
        double SpreadOfPitch(double modulation)
        {
            var synth = new BasicSynth(Rate);
            synth.SetModulation(modulation);
            float[] x = SynthProbe.Render(synth, 48000, (0, s => s.NoteOn(69, 1f)));
            var estimates = new List<double>();
            for (int start = 4800; start + 2400 <= x.Length; start += 2400)
                estimates.Add(Pitch.EstimateFrequency(x.AsSpan(start, 2400), Rate, minHz: 300, maxHz: 600));
            return estimates.Max() / estimates.Min();
        }
        double still = SpreadOfPitch(0), vibrato = SpreadOfPitch(1);
        Assert.True(still < 1.004, $"without modulation {still}");
        Assert.True(vibrato > 1.01, $"with modulation {vibrato}");
    }

    [Fact]
    public void Higher_velocity_is_louder()
    {
        double Level(float velocity) =>
            SynthProbe.Rms(SynthProbe.Render(new BasicSynth(Rate), 9600, (0, s => s.NoteOn(60, velocity))).AsSpan(4800));
        double soft = Level(0.2f), medium = Level(0.6f), loud = Level(1f);
        Assert.True(soft < medium && medium < loud);
        Assert.True(loud / soft > 4);
    }

    [Fact]
    public void Sustain_pedal_holds_released_notes_until_it_lifts()
    {
        var synth = new BasicSynth(Rate);
        synth.SetRelease(10);
        float[] x = SynthProbe.Render(synth, 48000,
            (0, s => s.SetSustainPedal(true)),
            (0, s => s.NoteOn(60, 1f)),
            (4800, s => s.NoteOff(60)),
            (24000, s => s.SetSustainPedal(false)));
        Assert.True(SynthProbe.Rms(x.AsSpan(20000, 4000)) > 0.01);          // held by the pedal
        Assert.All(x[(24000 + 2400)..], v => Assert.Equal(0f, v));           // released 10 ms after the lift
        Assert.Equal(0, synth.ActiveVoiceCount);
    }

    [Fact]
    public void Pedal_does_not_hold_keys_that_are_still_down_past_the_lift()
    {
        var synth = new BasicSynth(Rate);
        SynthProbe.Render(synth, 9600, (0, s => s.SetSustainPedal(true)), (0, s => s.NoteOn(60, 1f)), (4800, s => s.SetSustainPedal(false)));
        Assert.Equal(1, synth.ActiveVoiceCount); // key still held: keeps sounding
    }

    [Fact]
    public void Note_off_by_host_note_id_releases_that_note_only()
    {
        var synth = new BasicSynth(Rate);
        synth.SetRelease(5);
        SynthProbe.Render(synth, 24000,
            (0, s => s.NoteOn(60, 1f, channel: 0, noteId: 1)),
            (0, s => s.NoteOn(64, 1f, channel: 0, noteId: 2)),
            (100, s => s.NoteOff(99, channel: 0, noteId: 2))); // key ignored when the id matches
        Assert.Equal(1, synth.ActiveVoiceCount);
    }

    [Fact]
    public void Repeating_a_key_does_not_pile_up_voices()
    {
        var synth = new BasicSynth(Rate);
        var actions = Enumerable.Range(0, 50).Select(i => (i * 100, (Action<BasicSynth>)(s => s.NoteOn(60, 1f)))).ToArray();
        SynthProbe.Render(synth, 6000, actions);
        Assert.Equal(1, synth.ActiveVoiceCount);
    }

    [Fact]
    public void Output_does_not_depend_on_how_rendering_is_sliced()
    {
        (int, Action<BasicSynth>)[] performance =
        [
            (0, s => s.SetModulation(0.7)),
            (0, s => s.NoteOn(50, 0.7f)),
            (5000, s => s.NoteOn(62, 0.9f)),
            (7001, s => s.SetPitchBend(-1.5)),
            (9000, s => s.NoteOff(50)),
            (12345, s => s.SetAttack(30)),
            (12345, s => s.NoteOn(66, 0.4f)),
        ];
        float[] reference = SynthProbe.RenderSliced(new BasicSynth(Rate), 20000, 20000, performance);
        Assert.True(SynthProbe.Rms(reference) > 0.01);
        foreach (int slice in new[] { 1, 13, 32, 1000 })
            Assert.Equal(reference, SynthProbe.RenderSliced(new BasicSynth(Rate), 20000, slice, performance));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(11025)]
    [InlineData(384000)]
    public void Extreme_settings_stay_finite_and_bounded(double rate)
    {
        var synth = new BasicSynth(rate);
        synth.SetAttack(0);
        synth.SetRelease(0);
        var actions = new List<(int, Action<BasicSynth>)>();
        for (int key = 0; key < 128; key++)
        {
            int k = key;
            actions.Add((key * 7, s => s.NoteOn(k, 1f, tuningCents: 1200)));
            actions.Add((key * 7 + 3, s => s.SetPitchBend(k % 2 == 0 ? 24 : -24)));
        }
        actions.Add((2000, s => s.AllNotesOff()));
        float[] x = SynthProbe.Render(synth, 6000, actions.ToArray());
        Assert.All(x, v => Assert.True(float.IsFinite(v) && Math.Abs(v) < 8));
        Assert.True(SynthProbe.Rms(x.AsSpan(0, 2000)) > 0.001);
    }

    [Fact]
    public void A_tone_above_nyquist_is_silent_rather_than_folded()
    {
        var synth = new BasicSynth(8000);
        float[] x = SynthProbe.Render(synth, 8000, (0, s => s.NoteOn(120, 1f))); // 8.4 kHz at fs = 8 kHz
        Assert.All(x, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void High_notes_at_8_khz_are_clean_sines()
    {
        var synth = new BasicSynth(8000);
        float[] x = SynthProbe.Render(synth, 16000, (0, s => s.NoteOn(96, 1f))); // 2093 Hz, above fs/4
        double[] power = Spectrum.Power(x.AsSpan(2000, 8192));
        Assert.True(Spectrum.InharmonicShare(power, 8000, 2093 * Math.Pow(2, 2.5 / 1200)) < 0.01);
    }

    [Fact]
    public void Band_limited_oscillator_keeps_aliasing_far_below_a_naive_saw()
    {
        const double rate = 44100;
        var synth = new BasicSynth(rate);
        float[] x = SynthProbe.Render(synth, 44100, (0, s => s.NoteOn(88, 1f))); // 1319 Hz: many harmonics fold
        double f0 = 440 * Math.Pow(2, 19 / 12.0);
        double ours = Spectrum.InharmonicShare(Spectrum.Power(x.AsSpan(4410, 32768)), rate, f0 * Math.Pow(2, 2.5 / 1200), 0.01);

        var naive = new float[32768];
        double phase = 0;
        for (int i = 0; i < naive.Length; i++)
        {
            phase += f0 / rate;
            phase -= Math.Floor(phase);
            naive[i] = (float)(2 * phase - 1);
        }
        double naiveShare = Spectrum.InharmonicShare(Spectrum.Power(naive), rate, f0, 0.01);
        Assert.True(ours < naiveShare / 10, $"ours {ours:E2} vs naive {naiveShare:E2}");
        Assert.True(ours < 1e-3, $"alias share {ours:E2}");
    }
}
