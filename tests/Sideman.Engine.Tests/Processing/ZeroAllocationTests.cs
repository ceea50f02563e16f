using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Processing;

public class ZeroAllocationTests
{
    [Theory]
    [InlineData(SampleFormat.Float32, 128)]
    [InlineData(SampleFormat.Float64, 333)]
    public void Minutes_of_busy_rendering_allocate_nothing(SampleFormat format, int blockSize)
    {
        const double rate = 48000;
        const int seconds = 30;
        const int length = (int)rate * seconds;
        // Busy MIDI: a note every ~20 ms, chords, pedal, bend and volume automation throughout.
        var rng = new Random(1);
        var events = new List<MidiEvent>();
        for (int t = 0; t < length - 48000; t += rng.Next(200, 1800))
        {
            int key = rng.Next(30, 100);
            events.Add(MidiEvent.NoteOn(t, key, (float)rng.NextDouble()));
            events.Add(MidiEvent.NoteOff(t + rng.Next(100, 40000), key));
        }
        MidiEvent[] sortedEvents = events.OrderBy(e => e.SampleOffset).ToArray();
        var points = new List<ScheduledPoint>();
        for (int t = 0; t < length; t += 97)
        {
            points.Add(new ScheduledPoint(t, EngineParameters.MasterVolume, 0.5 + 0.3 * Math.Sin(t * 1e-4)));
            if (t % 970 == 0)
                points.Add(new ScheduledPoint(t, EngineParameters.PitchBend, rng.NextDouble()));
            if (t % 9700 == 0)
            {
                points.Add(new ScheduledPoint(t, EngineParameters.SustainPedal, (t / 9700) % 2));
                points.Add(new ScheduledPoint(t, EngineParameters.SynthAttack, rng.NextDouble()));
                points.Add(new ScheduledPoint(t, EngineParameters.SynthRelease, rng.NextDouble()));
            }
        }
        ScheduledPoint[] sortedPoints = points.OrderBy(p => p.Sample).ToArray();
        var left = new float[length];
        var right = new float[length];
        var outEvents = new MidiEvent[sortedEvents.Length + sortedPoints.Length];
        using var rig = new EngineRig(rate, blockSize);
        rig.Render(left.AsSpan(0, 48000), right.AsSpan(0, 48000), blockSize, sortedEvents, sortedPoints, format, outEvents); // warm the JIT

        // Four renders of 30 s: two minutes of audio in one measurement.
        long before = ThreadAllocation.Start();
        for (int pass = 0; pass < 4; pass++)
            rig.Render(left, right, blockSize, sortedEvents, sortedPoints, format, outEvents, startSample: (long)pass * length);
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
        Assert.True(Signal.Rms(left) > 0.01);
        Assert.True(Signal.AllFinite(left));
    }
}
