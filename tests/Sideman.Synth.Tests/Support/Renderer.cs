using Sideman.Synth.SoundFont;

namespace Sideman.Synth.Tests.Support;

/// <summary>Renders simple note scripts through a <see cref="PartSynth"/> for the tests.</summary>
internal static class Renderer
{
    /// <summary>A part set up dry (no send effects) at the given rate.</summary>
    public static PartSynth DryPart(SoundFontBank bank, int bankNumber, int program, double sampleRate = 48_000,
        PartSynthOptions? options = null)
    {
        var part = new PartSynth(options);
        part.Effects.ReverbReturn = 0;
        part.Effects.ChorusReturn = 0;
        part.SetSampleRate(sampleRate);
        Assert.True(part.SetBank(bank, bankNumber, program), $"preset {bankNumber}:{program} should exist");
        return part;
    }

    /// <summary>One note: on at sample 0, off at <paramref name="offSample"/>, rendered in blocks.</summary>
    public static (float[] Left, float[] Right) Note(PartSynth part, int key, int velocity, int offSample, int totalSamples,
        int blockSize = 128)
    {
        return Script(part, totalSamples, blockSize, (p, at) =>
        {
            if (at == 0) p.NoteOn(0, key, velocity);
            if (at == offSample) p.NoteOff(0, key);
        });
    }

    /// <summary>
    /// Renders <paramref name="totalSamples"/>, calling <paramref name="events"/> once per sample
    /// position with that sample's absolute index; events queued there land at that exact sample.
    /// </summary>
    public static (float[] Left, float[] Right) Script(PartSynth part, int totalSamples, int blockSize,
        Action<EventSink, long> events)
    {
        var left = new float[totalSamples];
        var right = new float[totalSamples];
        var sink = new EventSink(part);
        for (int start = 0; start < totalSamples; start += blockSize)
        {
            int n = Math.Min(blockSize, totalSamples - start);
            for (int i = 0; i < n; i++)
            {
                sink.Offset = i;
                events(sink, start + i);
            }
            part.Render(left.AsSpan(start, n), right.AsSpan(start, n));
        }
        return (left, right);
    }

    /// <summary>Forwards events to a part at the current offset inside the block being prepared.</summary>
    public sealed class EventSink
    {
        private readonly PartSynth _part;

        public EventSink(PartSynth part) => _part = part;

        public int Offset { get; set; }

        public void NoteOn(int _, int key, int velocity) => _part.NoteOn(Offset, key, velocity);

        public void NoteOff(int _, int key) => _part.NoteOff(Offset, key);

        public void ControlChange(int controller, int value) => _part.ControlChange(Offset, controller, value);

        public void PitchBend(int value) => _part.PitchBend(Offset, value);
    }
}
