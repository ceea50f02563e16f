using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using static Sideman.Synth.Tests.Support.SyntheticBank;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>Tuning and loop modes on hand-made samples whose exact output is known.</summary>
public sealed class VoicePitchAndLoopTests
{
    // 100 points per cycle at 48 kHz: 480 Hz at the root key 60.
    private static PartSynth Part(SoundFontFile file, double rate = 48_000)
    {
        var part = Renderer.DryPart(ToBank(file), 0, 0, rate);
        return part;
    }

    private static double MeasureHz(float[] x, int from, int to, double rate = 48_000) =>
        Analysis.ZeroCrossingFrequency(x.AsSpan(from, to - from), rate);

    [Theory]
    [InlineData(60, 480.0)]
    [InlineData(72, 960.0)]
    [InlineData(48, 240.0)]
    [InlineData(67, 719.0)]   // 480 · 2^(7/12) = 719.08
    public void Plays_in_tune_relative_to_the_root_key(int key, double expectedHz)
    {
        var tone = Sine("tone", 100, 40, 60);
        var (left, _) = Renderer.Note(Part(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1))), key, 127, 24_000, 24_000);
        double hz = MeasureHz(left, 2_000, 20_000);
        Assert.InRange(Analysis.Cents(hz, expectedHz), -1.5, 1.5);
    }

    [Fact]
    public void Coarse_fine_scale_tuning_root_override_and_pitch_correction_combine()
    {
        var tone = Sine("tone", 100, 40, 60);
        var header = tone.Header with { PitchCorrection = -20 };
        // root 62 (override), key 66: 4 keys × 50 cents (scale tuning) + 300 coarse + 30 fine - 20 correction = 510 cents.
        var file = Single(tone.Points, header, Gen(GeneratorType.SampleModes, 1), Gen(GeneratorType.OverridingRootKey, 62),
            Gen(GeneratorType.ScaleTuning, 50), Gen(GeneratorType.CoarseTune, 3), Gen(GeneratorType.FineTune, 30));
        var (left, _) = Renderer.Note(Part(file), 66, 127, 24_000, 24_000);
        double hz = MeasureHz(left, 2_000, 20_000);
        Assert.InRange(Analysis.Cents(hz, 480.0), 510 - 1.5, 510 + 1.5);
    }

    [Fact]
    public void A_sample_recorded_at_another_rate_keeps_its_pitch()
    {
        var tone = Sine("tone", 100, 40, 60);
        var file = Single(tone.Points, tone.Header with { SampleRate = 24_000 }, Gen(GeneratorType.SampleModes, 1));
        var (left, _) = Renderer.Note(Part(file), 60, 127, 24_000, 24_000);
        Assert.InRange(Analysis.Cents(MeasureHz(left, 2_000, 20_000), 240.0), -1.5, 1.5);
    }

    [Fact]
    public void Pitch_bend_follows_the_bend_range()
    {
        var tone = Sine("tone", 100, 40, 60);
        var part = Part(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1)));
        var (left, _) = Renderer.Script(part, 48_000, 128, (e, at) =>
        {
            if (at == 0) { e.NoteOn(0, 60, 127); e.PitchBend(16383); }
            if (at == 24_000)
            {
                // RPN 0 = 12 semitones, then bend fully down.
                e.ControlChange(101, 0);
                e.ControlChange(100, 0);
                e.ControlChange(6, 12);
                e.PitchBend(0);
            }
        });
        // Full up with the default ±2 semitones: +200 cents (16383 is one step short of +8192).
        Assert.InRange(Analysis.Cents(MeasureHz(left, 2_000, 22_000), 480.0), 199.5 - 1.5, 199.5 + 1.5);
        Assert.InRange(Analysis.Cents(MeasureHz(left, 26_000, 47_000), 480.0), -1200 - 1.5, -1200 + 1.5);
    }

    [Fact]
    public void Interpolation_stays_smooth_across_the_loop_point()
    {
        // Key 61 steps 1.0595 points per sample, so every output needs interpolation, and the loop
        // (exactly 10 cycles) wraps every ~944 samples. A pure sine satisfies
        // y[n+1] + y[n-1] = 2cos(w)·y[n]; a wrong neighbour at the wrap would break it by ~the amplitude.
        var tone = Sine("tone", 100, 10, 60);
        var (left, _) = Renderer.Note(Part(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1))), 61, 127, 48_000, 48_000);
        double w = 2 * Math.PI * 480 * Math.Pow(2, 1 / 12.0) / 48_000;
        double amplitude = Analysis.PeakAbs(left.AsSpan(10_000, 10_000));
        double worst = 0;
        for (int n = 5_000; n < 40_000; n++)
            worst = Math.Max(worst, Math.Abs(left[n + 1] + left[n - 1] - 2 * Math.Cos(w) * left[n]));
        Assert.True(amplitude > 0.1);
        Assert.True(worst < 2e-3 * amplitude, $"residual {worst / amplitude:E2} of the amplitude");
    }

    [Fact]
    public void Mode_0_plays_the_sample_once_and_frees_the_voice()
    {
        var tone = Sine("tone", 100, 20, 60);   // 2000 points
        var part = Part(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 0)));
        var (left, _) = Renderer.Note(part, 60, 127, 40_000, 48_000);
        Assert.True(Analysis.Rms(left.AsSpan(500, 1_000)) > 0.05);
        Assert.Equal(0.0, Analysis.PeakAbs(left.AsSpan(2_100)));
        Assert.Equal(0, part.ActiveVoiceCount);
    }

    [Fact]
    public void Mode_1_loops_while_held_and_through_the_release()
    {
        var tone = Sine("tone", 100, 20, 60);
        var part = Part(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1),
            Gen(GeneratorType.ReleaseVolEnv, -1200)));   // 0.5 s per 100 dB
        var (left, _) = Renderer.Note(part, 60, 127, 24_000, 48_000);
        double held = Analysis.Rms(left.AsSpan(20_000, 2_000));
        Assert.True(held > 0.05);
        // 100 ms into a 0.5 s/100 dB release: 20 dB down, still the looped tone.
        double released = Analysis.Rms(left.AsSpan(24_000 + 4_700, 200));
        Assert.InRange(Analysis.Db(released / held), -21.5, -18.5);
    }

    [Fact]
    public void Mode_3_loops_while_held_then_plays_on_through_the_tail()
    {
        // Loop body: 20 cycles at 480 Hz; after the loop, a 960 Hz tail of 1000 points.
        int period = 100, cycles = 20, tailLength = 1_000;
        var points = new short[period * cycles + tailLength + SoundFontSubset.SamplePadding];
        for (int i = 0; i < period * cycles; i++) points[i] = (short)(16000 * Math.Sin(2 * Math.PI * i / period));
        for (int i = 0; i < tailLength; i++) points[period * cycles + i] = (short)(16000 * Math.Sin(2 * Math.PI * i / 50));
        var header = new SampleHeader("mode3", 0, (uint)(period * cycles + tailLength), 0, (uint)(period * cycles),
            48_000, 60, 0, 0, SampleType.Mono);
        var part = Part(Single(points, header, Gen(GeneratorType.SampleModes, 3), Gen(GeneratorType.ReleaseVolEnv, 2400)));
        var (left, _) = Renderer.Note(part, 60, 127, 24_000, 30_000);
        Assert.InRange(Analysis.Cents(MeasureHz(left, 10_000, 23_000), 480), -2, 2);
        // After note-off the voice leaves the loop, reaches the tail (960 Hz) within one loop length, then ends.
        int tailStart = FindFrequencyChange(left, 24_000, 24_000 + 2_300);
        Assert.InRange(Analysis.Cents(MeasureHz(left, tailStart + 50, tailStart + 900), 960), -5, 5);
        Assert.Equal(0.0, Analysis.PeakAbs(left.AsSpan(tailStart + tailLength + 64)));
        Assert.Equal(0, part.ActiveVoiceCount);
    }

    [Fact]
    public void Mode_1_with_a_broken_loop_plays_once_instead_of_reading_garbage()
    {
        var tone = Sine("tone", 100, 20, 60);
        var header = tone.Header with { LoopStart = 5_000, LoopEnd = 100 };
        var part = Part(Single(tone.Points, header, Gen(GeneratorType.SampleModes, 1)));
        var (left, _) = Renderer.Note(part, 60, 127, 40_000, 48_000);
        Assert.True(Analysis.Rms(left.AsSpan(500, 1_000)) > 0.05);
        Assert.Equal(0.0, Analysis.PeakAbs(left.AsSpan(2_100)));
    }

    [Fact]
    public void Address_offsets_move_start_and_loop_points()
    {
        // Start 25 points in (a quarter cycle): the first output sample is the sine's peak, not 0.
        var tone = Sine("tone", 100, 20, 60);
        var file = Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 0), Gen(GeneratorType.StartAddrsOffset, 25),
            Gen(GeneratorType.AttackVolEnv, -32768));
        var part = Part(file);
        var (left, _) = Renderer.Note(part, 60, 127, 40_000, 4_000);
        // The gain ramps up over the first control block, so compare the sign pattern, not the level.
        Assert.True(left[1] > 0 && left[10] > 0 && left[30] < left[10]);
    }

    private static int FindFrequencyChange(float[] x, int from, int to)
    {
        // The first rising zero crossing followed by a half-length period marks the tail.
        int last = -1;
        for (int i = from + 1; i < to; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                if (last >= 0 && i - last < 75) return last;
                last = i;
            }
        }
        throw new Xunit.Sdk.XunitException("the 960 Hz tail never started");
    }
}
