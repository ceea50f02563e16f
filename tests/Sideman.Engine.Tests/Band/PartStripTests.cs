using Sideman.Engine.Parameters;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>Volume, mute and pan per part: sample-accurate, smoothed, on the part's bus and in the mix.</summary>
public sealed class PartStripTests
{
    private const double Rate = 48000;
    private const int Total = 48000;
    private static readonly MidiEvent[] HeldPad = [BandNotes.On(0, BandPart.Pad), BandNotes.On(0, BandPart.Pad, 67)];

    private static float[][] RenderPad(params ScheduledPoint[] points)
    {
        using var rig = new EngineRig(Rate, 333, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        return rig.RenderBuses(Total, 333, HeldPad, points)[SidemanEngine.FirstPartBus + (int)BandPart.Pad];
    }

    [Theory]
    [InlineData(20000)]
    [InlineData(20001)]
    [InlineData(33299)]
    public void A_volume_change_starts_at_its_sample_and_glides_without_a_step(long at)
    {
        float[][] reference = RenderPad();
        var quieter = new ScheduledPoint(at, EngineParameters.PadVolume, EngineParameters.PadVolume.ToNormalized(-20));
        float[][] changed = RenderPad(quieter);

        int first = FirstDifference(reference[0], changed[0]);
        Assert.Equal(at, first);
        // 5 ms later the part sits 17 dB (-3 → -20) below the reference, exactly.
        int settled = (int)at + (int)(Rate * SidemanEngine.VolumeRampSeconds) + 10;
        float ratio = (float)DecibelScale.ToGain(-17);
        for (int i = settled; i < settled + 1000; i++)
            Assert.Equal(reference[0][i] * ratio, changed[0][i], 1e-6f);
        // Smoothed: no sample jumps more than the signal itself moves.
        double maxStep = 0;
        for (int i = (int)at; i < settled; i++)
            maxStep = Math.Max(maxStep, Math.Abs(changed[0][i] - changed[0][i - 1]));
        double signalStep = 0;
        for (int i = (int)at; i < settled; i++)
            signalStep = Math.Max(signalStep, Math.Abs(reference[0][i] - reference[0][i - 1]));
        Assert.True(maxStep <= signalStep * 1.01 + 1e-6, $"volume step makes a click: {maxStep} vs signal {signalStep}");
    }

    [Fact]
    public void Mute_silences_the_part_within_the_ramp_and_unmute_brings_it_back()
    {
        float[][] muted = RenderPad(new ScheduledPoint(10000, EngineParameters.PadMute, 1), new ScheduledPoint(30000, EngineParameters.PadMute, 0));
        int ramp = (int)(Rate * SidemanEngine.VolumeRampSeconds);
        Assert.True(Signal.Rms(muted[0].AsSpan(5000, 5000)) > 1e-4);
        Assert.Equal(0, Signal.Peak(muted[0].AsSpan(10000 + ramp, 30000 - 10000 - ramp)));
        Assert.Equal(0, Signal.Peak(muted[1].AsSpan(10000 + ramp, 30000 - 10000 - ramp)));
        Assert.True(Signal.Rms(muted[0].AsSpan(30000 + ramp, 5000)) > 1e-4);
    }

    [Fact]
    public void Pan_moves_the_part_between_the_sides_and_the_centre_leaves_it_untouched()
    {
        float[][] centre = RenderPad();
        float[][] left = RenderPad(new ScheduledPoint(0, EngineParameters.PadPan, 0));
        float[][] right = RenderPad(new ScheduledPoint(0, EngineParameters.PadPan, 1));
        float[][] half = RenderPad(new ScheduledPoint(0, EngineParameters.PadPan, 0.75)); // 50R

        int ramp = (int)(Rate * SidemanEngine.VolumeRampSeconds);
        Assert.Equal(centre[0].AsSpan(ramp).ToArray(), left[0].AsSpan(ramp).ToArray());
        Assert.Equal(0, Signal.Peak(left[1].AsSpan(ramp)));
        Assert.Equal(0, Signal.Peak(right[0].AsSpan(ramp)));
        Assert.Equal(centre[1].AsSpan(ramp).ToArray(), right[1].AsSpan(ramp).ToArray());
        // Half right: the left side is 3 dB down (quarter-cosine balance), the right untouched.
        Assert.Equal(centre[1].AsSpan(ramp).ToArray(), half[1].AsSpan(ramp).ToArray());
        double ratio = Signal.Rms(half[0].AsSpan(ramp)) / Signal.Rms(centre[0].AsSpan(ramp));
        Assert.InRange(ratio, 0.7066, 0.7076);
    }

    [Fact]
    public void Master_volume_scales_every_stem_and_the_mix_alike()
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        MidiEvent[] events = [BandNotes.On(0, BandPart.Bass), BandNotes.On(0, BandPart.Keys), BandNotes.On(5, BandPart.Drums)];
        var half = new ScheduledPoint(12345, EngineParameters.MasterVolume, EngineParameters.MasterVolume.ToNormalized(-6));
        float[][][] buses = rig.RenderBuses(Total, 256, events, [half]);
        using var plain = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        plain.SetPartBusesActive(true);
        float[][][] reference = plain.RenderBuses(Total, 256, events, []);

        float gain = (float)DecibelScale.ToGain(-6);
        for (int b = 0; b < 6; b++)
        {
            Assert.Equal(reference[b][0].AsSpan(0, 12345).ToArray(), buses[b][0].AsSpan(0, 12345).ToArray());
            for (int i = 20000; i < 21000; i++)
                Assert.Equal(reference[b][0][i] * gain, buses[b][0][i], 1e-6f);
        }
    }

    private static int FirstDifference(float[] a, float[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
                return i;
        }
        return -1;
    }
}
