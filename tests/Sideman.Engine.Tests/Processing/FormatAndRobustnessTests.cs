using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;

namespace Sideman.Engine.Tests.Processing;

public class FormatAndRobustnessTests
{
    [Fact]
    public void Double_precision_output_equals_single_precision_output()
    {
        MidiEvent[] events = SampleAccuracyTests.BusyPerformance(30000, seed: 11);
        ScheduledPoint[] points = [new(7000, EngineParameters.MasterVolume, 0.7), new(15000, EngineParameters.PitchBend, 0.1)];
        using var single = new EngineRig(48000, 512);
        using var dbl = new EngineRig(48000, 512);
        var l32 = new float[30000];
        var l64 = new float[30000];
        var r32 = new float[30000];
        var r64 = new float[30000];
        single.Render(l32, r32, 512, events, points, SampleFormat.Float32);
        dbl.Render(l64, r64, 512, events, points, SampleFormat.Float64);
        Assert.Equal(l32, l64);
        Assert.Equal(r32, r64);
        Assert.True(Signal.Rms(l32) > 0.01);
    }

    [Fact]
    public void Double_precision_samples_are_written_as_doubles()
    {
        using var rig = new EngineRig(48000, 256);
        rig.Process(256, SampleFormat.Float64, [MidiEvent.NoteOn(0, 60, 1f)], []);
        // Read back as doubles: a float-sized write would leave NaN poison or garbage in the upper half.
        for (int i = 0; i < 256; i++)
            Assert.True(double.IsFinite(rig.Sample(0, 0, i, SampleFormat.Float64)));
        Assert.NotEqual(0.0, rig.Sample(0, 0, 255, SampleFormat.Float64));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(44100)]
    [InlineData(96000)]
    [InlineData(384000)]
    public void Every_supported_sample_rate_plays_in_tune(double rate)
    {
        using var rig = new EngineRig(rate, 1024);
        int length = (int)(rate * 0.5);
        var left = new float[length];
        rig.Render(left, new float[length], 1024, [MidiEvent.NoteOn(0, 57, 1f)], []); // A3 = 220 Hz
        Assert.True(Signal.AllFinite(left));
        double frequency = Pitch.EstimateFrequency(left.AsSpan(length / 4, (int)(rate * 0.06)), rate, minHz: 100, maxHz: 1000);
        Assert.InRange(frequency, 220 * 0.99, 220 * 1.01);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(22050)]
    [InlineData(48000)]
    [InlineData(192000)]
    [InlineData(384000)]
    public void Random_abuse_never_produces_nan_inf_or_runaway_levels(double rate)
    {
        var rng = new Random((int)rate);
        const int length = 60000;
        var events = new List<MidiEvent>();
        for (int i = 0; i < 3000; i++)
        {
            int t = rng.Next(0, length);
            int kind = rng.Next(0, 6);
            events.Add(kind switch
            {
                0 or 1 => MidiEvent.NoteOn(t, rng.Next(-5, 140), (float)(rng.NextDouble() * 1.5 - 0.2), rng.Next(0, 16)),
                2 => MidiEvent.NoteOff(t, rng.Next(0, 128), 0, rng.Next(0, 16)),
                3 => MidiEvent.Controller(t, rng.Next(0, 135), (float)rng.NextDouble()),
                4 => new MidiEvent { SampleOffset = t, Kind = (MidiEventKind)rng.Next(-3, 9), Key = (short)rng.Next(), Value = float.NaN },
                _ => MidiEvent.NoteOn(t, rng.Next(0, 128), 1f, 0, rng.Next(-2, 50)) with { Tuning = (float)(rng.NextDouble() * 2400 - 1200) },
            });
        }
        var points = new List<ScheduledPoint>();
        foreach (var p in EngineParameters.All.All)
        {
            for (int i = 0; i < 200; i++)
                points.Add(new ScheduledPoint(rng.Next(0, length), p, rng.Next(0, 10) switch { 0 => double.NaN, 1 => -5, 2 => 7, 3 => 0, 4 => 1, _ => rng.NextDouble() }));
        }
        using var rig = new EngineRig(rate, 777);
        var left = new float[length];
        var right = new float[length];
        rig.Render(left, right, 777, events.OrderBy(e => e.SampleOffset).ToArray(), points.OrderBy(p => p.Sample).ToArray());
        Assert.True(Signal.AllFinite(left));
        Assert.True(Signal.AllFinite(right));
        Assert.InRange(Signal.Peak(left), 0.001, 8.0);
    }

    [Fact]
    public void Offsets_outside_the_block_and_unsorted_events_are_clamped_not_dropped()
    {
        using var rig = new EngineRig(48000, 128);
        int outs = rig.Process(128, SampleFormat.Float32,
            [MidiEvent.NoteOn(500, 60, 1f), MidiEvent.NoteOn(-20, 64, 1f), MidiEvent.NoteOn(3, 67, 1f)], []);
        Assert.Equal(3, rig.Engine.ActiveVoiceCount);
        Assert.Equal(3, outs);
        Assert.Equal(127, rig.OutEvent(0).SampleOffset);
        // An event earlier than the cursor plays at the cursor: output stays in time order.
        Assert.Equal(127, rig.OutEvent(1).SampleOffset);
        Assert.Equal(127, rig.OutEvent(2).SampleOffset);
    }

    [Fact]
    public void Zero_sample_block_applies_parameters_only()
    {
        using var rig = new EngineRig(48000, 256);
        ParameterPoint[] points = [new(EngineParameters.MasterVolume.Id, 0, EngineParameters.MasterVolume.ToNormalized(-12))];
        rig.Process(0, SampleFormat.Float32, [MidiEvent.NoteOn(0, 60, 1f)], points);
        Assert.Equal(-12, rig.Engine.GetPlainValue(EngineParameters.MasterVolume), 9);
        Assert.Equal(0, rig.Engine.ActiveVoiceCount);
        Assert.Equal(0L, rig.Engine.Transport.BlockStartSample);
    }

    [Fact]
    public void Aux_buses_are_silent_and_flagged_and_main_flag_follows_the_signal()
    {
        using var rig = new EngineRig(48000, 256);
        rig.SetBusActive(2, true);
        rig.Process(256, SampleFormat.Float32, [], []);
        Assert.Equal(0b11UL, rig.SilenceFlags(0));
        rig.Process(256, SampleFormat.Float32, [MidiEvent.NoteOn(255, 60, 1f)], []);
        Assert.Equal(0UL, rig.SilenceFlags(0));
        for (int bus = 1; bus < EngineRig.BusCount; bus++)
        {
            Assert.Equal(0b11UL, rig.SilenceFlags(bus));
            for (int i = 0; i < 256; i++)
                Assert.Equal(0.0, rig.Sample(bus, 1, i, SampleFormat.Float32));
        }
    }

    [Fact]
    public void Volume_at_minus_infinity_is_true_silence_and_flagged()
    {
        using var rig = new EngineRig(48000, 512);
        ScheduledPoint[] off = [new(0, EngineParameters.MasterVolume, 0)];
        var left = new float[4096];
        var flags = new ulong[8];
        rig.Render(left, new float[4096], 512, [MidiEvent.NoteOn(0, 60, 1f)], off, mainSilenceFlags: flags);
        Assert.All(left[600..], x => Assert.Equal(0f, x));
        Assert.Equal(0b11UL, flags[^1]);
        Assert.Equal(0UL, flags[0]); // the ramp down is audible
    }

    [Fact]
    public void Output_events_beyond_capacity_are_counted_not_overrun()
    {
        using var rig = new EngineRig(48000, 256, outEventCapacity: 4);
        MidiEvent[] notes = Enumerable.Range(0, 10).Select(i => MidiEvent.NoteOn(i, 50 + i, 1f)).ToArray();
        int outs = rig.Process(256, SampleFormat.Float32, notes, []);
        Assert.Equal(4, outs);
        Assert.Equal(6, rig.Engine.DroppedOutputEvents);
        Assert.Equal(10, rig.Engine.ActiveVoiceCount);
    }
}
