using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>What a <see cref="BandEvent"/> does to its part.</summary>
public enum BandEventKind : byte
{
    NoteOn,
    NoteOff,
    ControlChange,
    PitchBend,
    ChannelPressure,
    PolyPressure,
}

/// <summary>One part event at a sample offset inside the current block. <paramref name="Generated"/>: written by
/// the performer (so it also goes out as MIDI), not routed from the input.</summary>
public readonly record struct BandEvent(int Offset, BandPart Part, BandEventKind Kind, int Data1, int Data2, bool Generated = false);
