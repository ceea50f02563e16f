using Sideman.Engine.Band;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Support;

/// <summary>
/// A stand-in for the accompaniment performer: plays a fixed list of notes at absolute samples,
/// writing each block's share through the sink as the real performer will. Allocation-free per block.
/// </summary>
public sealed class ScriptedPerformer : IBandPerformer
{
    private readonly (long Sample, BandPart Part, int Key, int Velocity)[] _notes;
    private int _next;

    /// <param name="notes">Sorted by sample; velocity 0 is a note-off.</param>
    public ScriptedPerformer(IEnumerable<(long Sample, BandPart Part, int Key, int Velocity)> notes)
    {
        _notes = notes.OrderBy(n => n.Sample).ToArray();
    }

    public void Perform(in BandBlock block, IPartEventSink band)
    {
        long start = block.Transport.BlockStartSample;
        int sampleCount = block.SampleCount;
        while (_next < _notes.Length && _notes[_next].Sample < start + sampleCount)
        {
            var n = _notes[_next++];
            int offset = (int)Math.Max(0, n.Sample - start);
            if (n.Velocity > 0)
                band.NoteOn(offset, n.Part, n.Key, n.Velocity);
            else
                band.NoteOff(offset, n.Part, n.Key);
        }
    }

    public bool Consumes(in MidiEvent input) => false;

    public void Reset()
    {
    }
}
