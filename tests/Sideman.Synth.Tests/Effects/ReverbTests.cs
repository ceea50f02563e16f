using Sideman.Synth.Effects;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.Effects;

/// <summary>The send reverb: decay time, linearity (per-part = shared), stability, idling.</summary>
public sealed class ReverbTests
{
    private static float[] Impulse(int length)
    {
        var x = new float[length];
        x[0] = 1;
        return x;
    }

    private static (float[] Left, float[] Right) Run(Reverb reverb, EffectSettings settings, float[] inLeft, float[] inRight, int block = 64)
    {
        var outL = new float[inLeft.Length];
        var outR = new float[inLeft.Length];
        for (int i = 0; i < inLeft.Length; i += block)
        {
            int n = Math.Min(block, inLeft.Length - i);
            reverb.Process(inLeft.AsSpan(i, n), inRight.AsSpan(i, n), outL.AsSpan(i, n), outR.AsSpan(i, n), settings, 1f);
        }
        return (outL, outR);
    }

    [Fact]
    public void The_tail_decays_at_the_rt60_the_room_size_asks_for()
    {
        // RoomSize 0.5 → RT60 = 0.3 + 4.7·0.25 = 1.475 s. Measure by Schroeder backward integration (-5 → -25 dB, ×3).
        var reverb = new Reverb();
        reverb.SetSampleRate(48_000);
        var settings = new EffectSettings { RoomSize = 0.5f, Damping = 0f };
        var x = Impulse(48_000 * 3);
        var (l, r) = Run(reverb, settings, x, x);
        var energy = new double[l.Length];
        double sum = 0;
        for (int i = l.Length - 1; i >= 0; i--)
        {
            sum += (double)l[i] * l[i] + (double)r[i] * r[i];
            energy[i] = sum;
        }
        double Db(int i) => 10 * Math.Log10(energy[i] / energy[0]);
        int t5 = Array.FindIndex(energy, e => 10 * Math.Log10(e / energy[0]) < -5);
        int t25 = Array.FindIndex(energy, e => 10 * Math.Log10(e / energy[0]) < -25);
        double rt60 = 3.0 * (t25 - t5) / 48_000;
        Assert.True(Db(t25) < -25);
        Assert.InRange(rt60, 1.475 * 0.8, 1.475 * 1.2);
    }

    [Fact]
    public void It_is_linear_so_per_part_reverbs_sum_to_a_shared_one()
    {
        var settings = new EffectSettings { RoomSize = 0.7f, Damping = 0.5f };
        var rng = new Random(7);
        var a = new float[24_000];
        var b = new float[24_000];
        for (int i = 0; i < 12_000; i++) { a[i] = (float)(rng.NextDouble() - 0.5); b[i] = (float)(rng.NextDouble() - 0.5) * 0.3f; }
        var ab = a.Zip(b, (x, y) => x + y).ToArray();
        Reverb Fresh() { var r = new Reverb(); r.SetSampleRate(48_000); return r; }
        var (al, _) = Run(Fresh(), settings, a, a);
        var (bl, _) = Run(Fresh(), settings, b, b);
        var (sl, _) = Run(Fresh(), settings, ab, ab);
        double err = 0, level = 0;
        for (int i = 0; i < sl.Length; i++)
        {
            err = Math.Max(err, Math.Abs(sl[i] - (al[i] + bl[i])));
            level = Math.Max(level, Math.Abs(sl[i]));
        }
        Assert.True(level > 0.01);
        Assert.True(err < 1e-5 * level * 100, $"non-linear by {err / level:E2} of the level");
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(48_000)]
    [InlineData(384_000)]
    public void It_stays_finite_then_falls_silent_and_idle_at_any_rate(int rate)
    {
        var reverb = new Reverb();
        reverb.SetSampleRate(rate);
        var settings = new EffectSettings { RoomSize = 1f, Damping = 0f };
        var noise = new float[rate / 2];
        var rng = new Random(3);
        for (int i = 0; i < noise.Length; i++) noise[i] = (float)(rng.NextDouble() * 2 - 1);
        var (l, r) = Run(reverb, settings, noise, noise, 512);
        Assert.True(Analysis.AllFinite(l) && Analysis.AllFinite(r));
        Assert.False(reverb.IsIdle);
        // RT60 at room 1 is 5 s; after 2·RT60 of silence (+ margin) it is idle and outputs exact zeros.
        var silence = new float[512];
        var outL = new float[512];
        var outR = new float[512];
        int blocks = (int)(rate * 10.6 / 512);
        for (int b = 0; b < blocks; b++)
        {
            Array.Clear(outL);
            Array.Clear(outR);
            reverb.Process(silence, silence, outL, outR, settings, 1f);
            Assert.True(Analysis.AllFinite(outL) && Analysis.NoDenormals(outL) && Analysis.NoDenormals(outR));
        }
        Assert.True(reverb.IsIdle);
        Array.Clear(outL);
        reverb.Process(silence, silence, outL, outR, settings, 1f);
        Assert.Equal(0.0, Analysis.PeakAbs(outL));
    }

    [Fact]
    public void Width_zero_gives_a_mono_return()
    {
        var reverb = new Reverb();
        reverb.SetSampleRate(48_000);
        var x = Impulse(24_000);
        var (l, r) = Run(reverb, new EffectSettings { Width = 0 }, x, x);
        Assert.True(l.AsSpan().SequenceEqual(r));
        Assert.True(Analysis.Rms(l) > 1e-4);
    }
}
