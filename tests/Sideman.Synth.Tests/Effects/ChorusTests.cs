using Sideman.Synth.Effects;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.Effects;

/// <summary>The send chorus: delayed and modulated, bounded, idle when its input stops.</summary>
public sealed class ChorusTests
{
    [Fact]
    public void The_wet_signal_starts_after_the_shortest_tap_delay()
    {
        var chorus = new Chorus();
        chorus.SetSampleRate(48_000);
        var x = new float[4_800];
        x[0] = 1;
        var l = new float[x.Length];
        var r = new float[x.Length];
        chorus.Process(x, x, l, r, new EffectSettings { ChorusDepth = 1 }, 1f);
        // Base 15 ms, depth ±4 ms: nothing before 11 ms, the impulse arrives by 19 ms.
        Assert.Equal(0.0, Analysis.PeakAbs(l.AsSpan(0, 527)));
        Assert.True(Analysis.PeakAbs(l.AsSpan(527, 400)) > 0.05);
    }

    [Fact]
    public void The_delay_is_swept_by_the_lfo()
    {
        // A steady 1 kHz tone through the chorus: the wet level wobbles as the taps move against each other.
        var chorus = new Chorus();
        chorus.SetSampleRate(48_000);
        int n = 96_000;
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float)Math.Sin(2 * Math.PI * 1000 * i / 48_000.0);
        var l = new float[n];
        var r = new float[n];
        var settings = new EffectSettings { ChorusRate = 2, ChorusDepth = 1 };
        for (int i = 0; i < n; i += 256) chorus.Process(x.AsSpan(i, 256), x.AsSpan(i, 256), l.AsSpan(i, 256), r.AsSpan(i, 256), settings, 1f);
        var levels = Enumerable.Range(2, 30).Select(k => Analysis.Rms(l.AsSpan(k * 2_400, 480))).ToList();
        Assert.True(levels.Max() / levels.Min() > 1.2, "the chorus does not move");
        Assert.True(levels.Max() <= 1.0001);
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(384_000)]
    public void It_stays_bounded_and_goes_idle_at_any_rate(int rate)
    {
        var chorus = new Chorus();
        chorus.SetSampleRate(rate);
        var settings = new EffectSettings { ChorusRate = 5, ChorusDepth = 1 };
        var rng = new Random(5);
        var x = new float[512];
        var l = new float[512];
        var r = new float[512];
        for (int b = 0; b < rate / 512; b++)
        {
            for (int i = 0; i < x.Length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
            Array.Clear(l);
            chorus.Process(x, x, l, r, settings, 1f);
            Assert.True(Analysis.AllFinite(l) && Analysis.PeakAbs(l) <= 1.0001);
        }
        Array.Clear(x);
        for (int b = 0; b < rate / 20 / 512 + 2; b++)
        {
            Array.Clear(l);
            chorus.Process(x, x, l, r, settings, 1f);
        }
        Assert.True(chorus.IsIdle);
        Assert.Equal(0.0, Analysis.PeakAbs(l));
    }
}
