namespace Sideman.Music.Midi.Files;

/// <summary>The events a <see cref="MidiFileEvent"/> carries: the channel messages and the meta events Sideman uses.</summary>
public enum MidiFileEventKind : byte
{
    NoteOff,
    NoteOn,
    PolyPressure,
    Controller,
    ProgramChange,
    ChannelPressure,
    PitchBend,
    /// <summary>Meta 0x51: Data1 = microseconds per quarter note.</summary>
    Tempo,
    /// <summary>Meta 0x58: Data1 = numerator, Data2 = denominator (4, 8, ...); clocks and 32nds are written as 24 and 8.</summary>
    TimeSignature,
    /// <summary>Meta 0x59: Data1 = sharps (+) or flats (-), -7..7; Data2 = 1 for minor, 0 for major.</summary>
    KeySignature,
}
