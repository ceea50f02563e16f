using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.Basic;

namespace Sideman.Engine.Tests.Processing;

public class SampleAccuracyTests
{
    private const double Rate = 48000;

    public static TheoryData<int, int> EdgeOffsets()
    {
        int tick = BasicSynth.ControlTickSamples;
        var data = new TheoryData<int, int>();
        foreach (int block in new[] { 64, 333, 512 })
        {
            data.Add(block, 0);
            data.Add(block, block - 1);
            for (int k = 1; k * tick < block; k++)
            {
                data.Add(block, k * tick);       // exactly on a control sub-block boundary
                data.Add(block, k * tick - 1);   // just before it
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EdgeOffsets))]
    public void A_note_sounds_from_exactly_its_sample(int blockSize, int offset)
    {
        using var rig = new EngineRig(Rate, blockSize);
        int got = rig.Process(blockSize, SampleFormat.Float32, [MidiEvent.NoteOn(offset, 60, 0.9f)], []);

        for (int i = 0; i < offset; i++)
            Assert.Equal(0.0, rig.Sample(0, 0, i, SampleFormat.Float32));
        Assert.NotEqual(0.0, rig.Sample(0, 0, offset, SampleFormat.Float32));
        Assert.NotEqual(0.0, rig.Sample(0, 1, offset, SampleFormat.Float32));
        Assert.Equal(1, got);
        Assert.Equal(offset, rig.OutEvent(0).SampleOffset);
        Assert.Equal(1, rig.Engine.ActiveVoiceCount);
    }

    [Fact]
    public void Notes_at_every_edge_of_one_block_all_start_exactly()
    {
        // One block holding notes at 0, on each 32-sample boundary, and at the last sample,
        // each on its own key. Every onset must change the signal at exactly its sample.
        const int block = 256;
        int[] offsets = [0, 31, 32, 63, 64, 96, 128, 160, 192, 224, 255];
        var events = offsets.Select((o, i) => MidiEvent.NoteOn(o, 40 + 3 * i, 0.8f)).ToArray();
        using var withAll = new EngineRig(Rate, block);
        withAll.Process(block, SampleFormat.Float32, events, []);
        float[] all = Capture(withAll, block);

        for (int k = 0; k < offsets.Length; k++)
        {
            using var without = new EngineRig(Rate, block);
            without.Process(block, SampleFormat.Float32, events.Where((_, i) => i != k).ToArray(), []);
            float[] reduced = Capture(without, block);
            int firstDifference = Enumerable.Range(0, block).First(i => all[i] != reduced[i]);
            Assert.Equal(offsets[k], firstDifference);
        }
        Assert.Equal(offsets.Length, withAll.Engine.ActiveVoiceCount);
    }

    [Fact]
    public void Note_off_ends_the_note_after_its_release()
    {
        using var rig = new EngineRig(Rate, 256);
        int length = (int)Rate;
        var left = new float[length];
        var right = new float[length];
        ScheduledPoint[] points = [new(0, EngineParameters.SynthRelease, EngineParameters.SynthRelease.ToNormalized(20))];
        MidiEvent[] events = [MidiEvent.NoteOn(100, 64, 1f), MidiEvent.NoteOff(4800, 64)];
        rig.Render(left, right, 256, events, points);

        Assert.True(Signal.Rms(left.AsSpan(2000, 2000)) > 0.01);
        int end = Signal.LastNonZero(left);
        Assert.InRange(end, 4800, 4800 + (int)(Rate * 0.030)); // -60 dB at 20 ms, stops at -74 dB
        Assert.Equal(0, rig.Engine.ActiveVoiceCount);
    }

    [Fact]
    public void Note_off_in_the_same_block_as_its_note_on_still_sounds_the_note()
    {
        using var rig = new EngineRig(Rate, 512);
        rig.Process(512, SampleFormat.Float32, [MidiEvent.NoteOn(10, 60, 1f), MidiEvent.NoteOff(11, 60)], []);
        Assert.NotEqual(0.0, rig.Sample(0, 0, 10, SampleFormat.Float32));
        Assert.NotEqual(0.0, rig.Sample(0, 0, 200, SampleFormat.Float32)); // releasing, not cut
    }

    [Fact]
    public void Velocity_zero_note_on_acts_as_note_off()
    {
        using var rig = new EngineRig(Rate, 512);
        rig.Process(512, SampleFormat.Float32, [MidiEvent.NoteOn(0, 60, 1f)], []);
        ScheduledPoint[] fast = [new(0, EngineParameters.SynthRelease, 0)];
        var left = new float[(int)Rate];
        rig.Render(left, new float[left.Length], 512, [MidiEvent.NoteOn(0, 60, 0f)], fast);
        Assert.Equal(0, rig.Engine.ActiveVoiceCount);
    }

    [Fact]
    public void Volume_change_mid_block_takes_effect_at_exactly_its_sample()
    {
        const int block = 512;
        const int at = 301;
        MidiEvent[] note = [MidiEvent.NoteOn(0, 57, 1f)];
        using var plain = new EngineRig(Rate, block);
        using var changed = new EngineRig(Rate, block);
        plain.Process(block, SampleFormat.Float32, note, []);
        changed.Process(block, SampleFormat.Float32, note,
            [new ParameterPoint(EngineParameters.MasterVolume.Id, at, EngineParameters.MasterVolume.ToNormalized(-20))]);
        float[] a = Capture(plain, block);
        float[] b = Capture(changed, block);

        for (int i = 0; i < at; i++)
            Assert.Equal(a[i], b[i]);
        Assert.NotEqual(a[at], b[at]);
        // The ramp reaches -20 dB within 5 ms and stays there.
        int settled = at + (int)(Rate * SidemanEngine.VolumeRampSeconds);
        for (int i = settled; i < block; i++)
            Assert.Equal(a[i] * 0.1, b[i], 1e-6);
        Assert.Equal(-20, changed.Engine.GetPlainValue(EngineParameters.MasterVolume), 9);
    }

    [Fact]
    public void Volume_ramp_has_no_jump_larger_than_one_step()
    {
        const int block = 1024;
        using var plain = new EngineRig(Rate, block);
        using var changed = new EngineRig(Rate, block);
        MidiEvent[] note = [MidiEvent.NoteOn(0, 45, 1f)];
        plain.Process(block, SampleFormat.Float32, note, []);
        changed.Process(block, SampleFormat.Float32, note, [new ParameterPoint(EngineParameters.MasterVolume.Id, 500, 0)]);
        float[] a = Capture(plain, block);
        float[] b = Capture(changed, block);
        int ramp = (int)(Rate * SidemanEngine.VolumeRampSeconds);
        // Recover the gain sample by sample where the signal is large enough to measure it.
        double previous = 1;
        int previousIndex = 499;
        int measured = 0;
        for (int i = 500; i < 500 + ramp; i++)
        {
            if (Math.Abs(a[i]) < 0.02)
                continue;
            double gain = b[i] / a[i];
            // Falls by exactly 1/ramp per sample: never faster (a click), never back up.
            Assert.InRange(previous - gain, (i - previousIndex) / (double)ramp - 1e-4, (i - previousIndex) / (double)ramp + 1e-4);
            previous = gain;
            previousIndex = i;
            measured++;
        }
        Assert.True(measured > ramp / 4);
        Assert.All(b[(500 + ramp)..], x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Many_parameter_changes_in_one_block_match_the_same_changes_split_into_blocks()
    {
        // 120 volume points and 40 attack points inside one 4096-sample block must render exactly
        // like the same points delivered in 1-sample blocks: every change at its own sample.
        var rng = new Random(7);
        var points = new List<ScheduledPoint>();
        for (int i = 0; i < 120; i++)
            points.Add(new ScheduledPoint(rng.Next(0, 4096), EngineParameters.MasterVolume, rng.NextDouble()));
        for (int i = 0; i < 40; i++)
            points.Add(new ScheduledPoint(rng.Next(0, 4096), EngineParameters.SynthAttack, rng.NextDouble()));
        ScheduledPoint[] sorted = points.OrderBy(p => p.Sample).ToArray();
        MidiEvent[] events = Enumerable.Range(0, 30).Select(i => MidiEvent.NoteOn(i * 130, 40 + i, 0.7f)).ToArray();

        float[] oneBlock = RenderLeft(4096, 4096, events, sorted);
        float[] singleSamples = RenderLeft(4096, 1, events, sorted);
        Assert.Equal(oneBlock, singleSamples);
        Assert.True(Signal.Rms(oneBlock) > 0.001);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(32)]
    [InlineData(333)]
    [InlineData(8192)]
    public void Output_is_identical_whatever_the_block_size(int blockSize)
    {
        MidiEvent[] events = BusyPerformance(40000, seed: 3);
        ScheduledPoint[] points =
        [
            new(5000, EngineParameters.PitchBend, 0.9),
            new(9000, EngineParameters.ModWheel, 1.0),
            new(12000, EngineParameters.SustainPedal, 1.0),
            new(20000, EngineParameters.SustainPedal, 0.0),
            new(25000, EngineParameters.MasterVolume, 0.5),
            new(30000, EngineParameters.SynthRelease, 0.2),
        ];
        float[] reference = RenderLeft(40000, 8192, events, points);
        float[] actual = RenderLeft(40000, blockSize, events, points);
        Assert.Equal(reference, actual);
        Assert.True(Signal.Rms(reference) > 0.01);
    }

    internal static MidiEvent[] BusyPerformance(int length, int seed)
    {
        var rng = new Random(seed);
        var events = new List<MidiEvent>();
        for (int t = 0; t < length - 2000; t += rng.Next(200, 2000))
        {
            int key = rng.Next(36, 90);
            events.Add(MidiEvent.NoteOn(t, key, (float)rng.NextDouble()));
            events.Add(MidiEvent.NoteOff(t + rng.Next(100, 6000), key));
        }
        return events.Where(e => e.SampleOffset < length).OrderBy(e => e.SampleOffset).ToArray();
    }

    private static float[] RenderLeft(int length, int blockSize, MidiEvent[] events, ScheduledPoint[] points)
    {
        using var rig = new EngineRig(Rate, blockSize);
        var left = new float[length];
        rig.Render(left, new float[length], blockSize, events, points);
        return left;
    }

    private static float[] Capture(EngineRig rig, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
            x[i] = (float)rig.Sample(0, 0, i, SampleFormat.Float32);
        return x;
    }
}
