using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// The band's events for one block, kept sorted by sample offset (equal offsets keep their
/// arrival order). Fixed capacity, allocated once; the last quarter is kept for everything but
/// note-ons, so a flood can drop new notes but never a note-off. [audio]
/// </summary>
public sealed class BandInput : IPartEventSink
{
    public const int DefaultCapacity = 4096;

    private readonly BandEvent[] _events;
    private readonly int _noteOnLimit;
    private int _lastSample;

    public BandInput(int capacity = DefaultCapacity)
    {
        _events = new BandEvent[Math.Max(capacity, 16)];
        _noteOnLimit = _events.Length * 3 / 4;
    }

    public int Count { get; private set; }

    /// <summary>Events refused because the block's buffer was full, since the engine was activated.</summary>
    public long Dropped { get; private set; }

    public BandEvent this[int index] => _events[index];

    /// <summary>Empties the buffer for a block of <paramref name="sampleCount"/> samples.</summary>
    public void Begin(int sampleCount)
    {
        Count = 0;
        _lastSample = Math.Max(0, sampleCount - 1);
    }

    public void ResetDropped() => Dropped = 0;

    /// <summary>While true, added events are marked <see cref="BandEvent.Generated"/> (the performer is writing).</summary>
    public bool MarkGenerated { get; set; }

    public void NoteOn(int offset, BandPart part, int key, int velocity) =>
        Add(offset, part, velocity > 0 ? BandEventKind.NoteOn : BandEventKind.NoteOff, key, velocity);

    public void NoteOff(int offset, BandPart part, int key) => Add(offset, part, BandEventKind.NoteOff, key, 0);

    public void ControlChange(int offset, BandPart part, int controller, int value) =>
        Add(offset, part, BandEventKind.ControlChange, controller, value);

    public void PitchBend(int offset, BandPart part, int value14) => Add(offset, part, BandEventKind.PitchBend, value14, 0);

    public void ChannelPressure(int offset, BandPart part, int value) => Add(offset, part, BandEventKind.ChannelPressure, value, 0);

    public void PolyPressure(int offset, BandPart part, int key, int value) => Add(offset, part, BandEventKind.PolyPressure, key, value);

    private void Add(int offset, BandPart part, BandEventKind kind, int data1, int data2)
    {
        if ((uint)part >= BandSynth.PartCount)
            return;
        int limit = kind == BandEventKind.NoteOn ? _noteOnLimit : _events.Length;
        if (Count >= limit)
        {
            Dropped++;
            return;
        }
        offset = Math.Clamp(offset, 0, _lastSample);
        int i = Count;
        while (i > 0 && _events[i - 1].Offset > offset)
        {
            _events[i] = _events[i - 1];
            i--;
        }
        _events[i] = new BandEvent(offset, part, kind, data1, data2, MarkGenerated);
        Count++;
    }
}
