using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>
/// The band under the real-time rules: the same output whatever the host's block size, notes on
/// block edges, extreme sample rates, the performer seam, and no allocation over minutes of busy playing.
/// </summary>
public sealed class BandRealtimeTests
{
    /// <summary>Every part and the player busy, with part automation, for <paramref name="seconds"/>.</summary>
    private static (MidiEvent[] Events, ScheduledPoint[] Points) BusySong(double rate, double seconds, int seed = 7)
    {
        var rng = new Random(seed);
        int length = (int)(rate * seconds);
        var events = new List<MidiEvent>();
        int[] channels = [0, 9, 1, 2, 3, 4];
        for (int t = 0; t < length - (int)(rate / 2); t += rng.Next((int)(rate / 200), (int)(rate / 20)))
        {
            int channel = channels[rng.Next(channels.Length)];
            int key = channel == 9 ? rng.Next(35, 60) : rng.Next(36, 90);
            events.Add(MidiEvent.NoteOn(t, key, 0.2f + 0.8f * (float)rng.NextDouble(), channel));
            events.Add(MidiEvent.NoteOff(t + rng.Next(1, (int)(rate / 2)), key, 0f, channel));
            if (rng.Next(10) == 0)
                events.Add(MidiEvent.Controller(t, MidiControllers.SustainPedal, rng.Next(2), channels[rng.Next(channels.Length)]));
        }
        var points = new List<ScheduledPoint>();
        for (int t = 0; t < length; t += (int)(rate / 50))
        {
            int part = rng.Next(5);
            points.Add(new ScheduledPoint(t, EngineParameters.PartVolumes[part], 0.5 + 0.4 * rng.NextDouble()));
            points.Add(new ScheduledPoint(t + 3, EngineParameters.PartPans[part], rng.NextDouble()));
            if (rng.Next(8) == 0)
                points.Add(new ScheduledPoint(t + 1, EngineParameters.PartReverbSends[part], rng.NextDouble()));
            if (rng.Next(20) == 0)
                points.Add(new ScheduledPoint(t + 2, EngineParameters.PartPresets[part], rng.NextDouble()));
            if (rng.Next(30) == 0)
                points.Add(new ScheduledPoint(t, EngineParameters.Style, rng.NextDouble()));
            points.Add(new ScheduledPoint(t + 5, EngineParameters.MasterVolume, 0.7 + 0.1 * rng.NextDouble()));
        }
        return (BandNotes.Sorted(events), points.OrderBy(p => p.Sample).ToArray());
    }

    [Fact]
    public void Every_bus_is_bit_identical_for_blocks_of_1_7_333_and_8192()
    {
        const double rate = 48000;
        const int total = 72000;
        (MidiEvent[] events, ScheduledPoint[] points) = BusySong(rate, total / rate);
        float[][][]? reference = null;
        foreach (int block in new[] { 8192, 333, 7, 1 })
        {
            using var rig = new EngineRig(rate, block, bank: BundledSounds.Bank);
            rig.SetPartBusesActive(true);
            float[][][] buses = rig.RenderBuses(total, block, events, points);
            if (reference is null)
            {
                reference = buses;
                for (int b = 0; b < 6; b++)
                    Assert.True(Signal.Rms(buses[b][0]) > 1e-4, $"bus {b} is silent in the busy song");
                continue;
            }
            for (int b = 0; b < 6; b++)
            {
                for (int c = 0; c < 2; c++)
                {
                    int diff = FirstDifference(reference[b][c], buses[b][c]);
                    Assert.True(diff < 0, $"block {block}: bus {b} channel {c} differs from the 8192-block render at sample {diff}");
                }
            }
        }
    }

    [Theory]
    [InlineData(8000, 64)]
    [InlineData(384000, 4096)]
    public void Extreme_sample_rates_play_every_part_without_nan(double rate, int block)
    {
        using var rig = new EngineRig(rate, block, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        (MidiEvent[] events, ScheduledPoint[] points) = BusySong(rate, 1.5, seed: 3);
        var extra = BandNotes.Sorted(events.Concat(BandNotes.Parts.Select(p => BandNotes.On((long)(rate * 0.1), p))));
        float[][][] buses = rig.RenderBuses((int)(rate * 1.5), block, extra, points);
        for (int b = 0; b < 6; b++)
        {
            Assert.True(Signal.AllFinite(buses[b][0]) && Signal.AllFinite(buses[b][1]), $"bus {b} holds NaN/inf at {rate} Hz");
            Assert.True(Signal.Rms(buses[b][0]) > 1e-4, $"bus {b} is silent at {rate} Hz");
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(333)]
    public void Notes_on_block_edges_start_on_their_sample_on_every_part(int block)
    {
        foreach (BandPart part in BandNotes.Parts)
        {
            foreach (int offset in new[] { 0, block - 1 })
            {
                long at = 40L * block + offset;
                using var rig = new EngineRig(48000, block, bank: BundledSounds.Bank);
                rig.SetPartBusesActive(true);
                float[][][] buses = rig.RenderBuses(60 * block, block, [BandNotes.On(at, part, velocity: 1f)], []);
                float[] stem = buses[SidemanEngine.FirstPartBus + (int)part][0];
                int first = Signal.FirstNonZero(stem);
                Assert.True(first >= at && first <= at + 2, $"{part}, block {block}, offset {offset}: first sound at {first}, note at {at}");
                Assert.Equal(first, Signal.FirstNonZero(buses[0][0]));
            }
        }
    }

    [Fact]
    public void The_performer_seam_plays_notes_at_their_samples_the_same_as_midi_channels()
    {
        const int total = 30000;
        var script = new List<(long, BandPart, int, int)>();
        var midi = new List<MidiEvent>();
        foreach (BandPart part in BandNotes.Parts)
        {
            long at = 1000 + 3001 * (int)part;
            script.Add((at, part, BandNotes.Key(part), 100));
            script.Add((at + 5000, part, BandNotes.Key(part), 0));
            midi.Add(MidiEvent.NoteOn((int)at, BandNotes.Key(part), 100 / 127f, BandNotes.Channel(part)));
            midi.Add(MidiEvent.NoteOff((int)at + 5000, BandNotes.Key(part), 0f, BandNotes.Channel(part)));
        }
        float[][][] Render(int block, bool usePerformer)
        {
            using var rig = new EngineRig(48000, block, bank: BundledSounds.Bank);
            rig.SetPartBusesActive(true);
            if (usePerformer)
            {
                rig.Engine.SetPerformer(new ScriptedPerformer(script));
                rig.Engine.SetActive(true);
            }
            return rig.RenderBuses(total, block, usePerformer ? [] : BandNotes.Sorted(midi), []);
        }
        float[][][] byMidi = Render(256, usePerformer: false);
        foreach (int block in new[] { 256, 7 })
        {
            float[][][] byPerformer = Render(block, usePerformer: true);
            for (int b = 0; b < 6; b++)
                Assert.Equal(byMidi[b][0], byPerformer[b][0]);
        }
        Assert.True(Signal.Rms(byMidi[0][0]) > 1e-3);
    }

    [Theory]
    [InlineData(SampleFormat.Float32, 128)]
    [InlineData(SampleFormat.Float64, 441)]
    public void Minutes_of_the_whole_band_with_busy_midi_and_automation_allocate_nothing(SampleFormat format, int block)
    {
        const double rate = 48000;
        const int seconds = 30;
        (MidiEvent[] events, ScheduledPoint[] points) = BusySong(rate, seconds, seed: 11);
        using var rig = new EngineRig(rate, block, bank: BundledSounds.Bank);
        rig.SetBusActive(SidemanEngine.FirstPartBus + (int)BandPart.Bass, true);
        rig.SetBusActive(SidemanEngine.FirstPartBus + (int)BandPart.Pad, true);
        var left = new float[(int)rate * seconds];
        var right = new float[left.Length];
        var outEvents = new MidiEvent[events.Length + points.Length];
        rig.Render(left.AsSpan(0, 48000), right.AsSpan(0, 48000), block, events, points, format, outEvents); // JIT warm-up

        // Four passes of 30 s: two minutes of audio in one measurement.
        long before = ThreadAllocation.Start();
        for (int pass = 0; pass < 4; pass++)
            rig.Render(left, right, block, events, points, format, outEvents, startSample: (long)pass * left.Length);
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
        Assert.True(Signal.Rms(left) > 0.01);
        Assert.True(Signal.AllFinite(left) && Signal.AllFinite(right));
        Assert.Equal(0, rig.Engine.DroppedBandEvents);
    }

    private static int FirstDifference(float[] a, float[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i]))
                return i;
        }
        return -1;
    }
}
